package io.kellydesk.desk.settings;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.SettingsIssue;
import io.kellydesk.core.DeskRole;
import io.kellydesk.core.PinAttempt;
import io.kellydesk.core.RiskRaises;
import io.kellydesk.core.SettingField;
import io.kellydesk.core.SettingsCatalog;
import io.kellydesk.desk.fx.FxTasks;
import io.kellydesk.engine.SettingsPort;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings window's state (JabRef style: the view binds, this holds state and commands). Every keystroke re-checks
 * the whole form with the sizing engine's validator; the lock, the reason and the checks decide whether Apply is
 * possible — mirroring the settings service, which decides. Slow work (PIN hashing, the file, the audit) runs as
 * background tasks.
 */
public final class SettingsViewModel {

    /** What the panel says when nobody can unlock the limits, and how to change that. */
    public static final String NO_OFFICER = "No risk officer is set up on this PC, so the limits are read-only. A risk officer"
            + " is added at this PC's terminal: kelly-desk --add-officer NAME (the PIN is asked twice, not shown), or by the"
            + " firm's settings file.";

    private final io.kellydesk.desk.fx.DeskTime time;

    private final SettingsCatalog catalog;
    private final SettingsPort port;
    private final FxTasks tasks;
    private final Clock clock;
    private final ObservableList<SettingItem> items = FXCollections.observableArrayList();
    private final Map<String, SettingItem> byKey = new HashMap<>();
    private DeskConfiguration applied;

    private final ObjectProperty<DeskRole> role = new SimpleObjectProperty<>(this, "role", DeskRole.TRADER);
    private final ObjectProperty<SettingsCatalog.Check> check = new SimpleObjectProperty<>(this, "check");
    private final ObjectProperty<List<SettingsCatalog.Change>> changes = new SimpleObjectProperty<>(this, "changes", List.of());
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty lockText = new SimpleStringProperty(this, "lockText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty pinSet = new SimpleBooleanProperty(this, "pinSet", false);
    private final ObservableList<String> officers = FXCollections.observableArrayList();
    private final StringProperty officer = new SimpleStringProperty(this, "officer");
    /** Lock-outs as the last reads and attempts left them (the lock text checks them every second without disk reads). */
    private final Map<String, java.time.Instant> lockedUntil = new HashMap<>();
    /** A wrong or locked PIN, said next to the PIN field. */
    private final StringProperty pinMessage = new SimpleStringProperty(this, "pinMessage", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ObservableList<SettingsPort.HistoryRow> history = FXCollections.observableArrayList();
    private final BooleanBinding reasonNeeded;
    private final BooleanBinding applyDisabled;

    /** A new panel starts locked: the officer unlocks it again with the PIN. */
    public SettingsViewModel(SettingsCatalog catalog, SettingsPort port, FxTasks tasks, Clock clock, io.kellydesk.desk.fx.DeskTime time) {
        this.time = Objects.requireNonNull(time);
        this.catalog = Objects.requireNonNull(catalog);
        this.port = Objects.requireNonNull(port);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        port.lock();
        Map<String, String> defaults = catalog.texts(DeskConfiguration.defaults());
        for (SettingField field : catalog.fields()) {
            SettingItem item = new SettingItem(field, defaults.get(field.key()));
            items.add(item);
            byKey.put(field.key(), item);
        }
        reasonNeeded = Bindings.createBooleanBinding(
                () -> changes.get().stream().anyMatch(c -> c.field().section().officerOnly()), changes);
        applyDisabled = Bindings.createBooleanBinding(this::cannotApply, check, changes, reason, role, busy);
        load(port.current());
        items.forEach(item -> item.textProperty().addListener((obs, was, now) -> {
            if (!filling) {
                recheck();
            }
        }));
        role.addListener((obs, was, now) -> {
            items.forEach(item -> item.editableProperty().set(!item.field().section().officerOnly() || now == DeskRole.RISK_OFFICER));
            recheck();
        });
        items.forEach(item -> item.editableProperty().set(!item.field().section().officerOnly()));
        refreshLockText();
        // the officers and their lock-outs are files: read in the background, once per window, not on every tick
        tasks.call(() -> {
            Map<String, java.time.Instant> lockouts = new HashMap<>();
            List<String> names = port.officers();
            names.forEach(name -> port.pinLockedUntil(name).ifPresent(until -> lockouts.put(name, until)));
            return Map.entry(names, lockouts);
        }, found -> {
            officers.setAll(found.getKey());
            lockedUntil.putAll(found.getValue());
            officer.set(officers.size() == 1 ? officers.getFirst() : null);
            pinSet.set(!officers.isEmpty());
            if (officers.isEmpty()) {
                message.set(NO_OFFICER);
            }
            refreshLockText();
        }, problem -> message.set("The risk officers could not be read: " + problem));
    }

    /** Fills the form with {@code configuration}, which becomes what Cancel returns to. */
    private void load(DeskConfiguration configuration) {
        applied = configuration;
        fill(catalog.texts(configuration));
    }

    /** Sets many fields, then checks the form once (not once per field). */
    private void fill(Map<String, String> texts) {
        filling = true;
        try {
            texts.forEach((key, text) -> byKey.get(key).textProperty().set(text));
        } finally {
            filling = false;
        }
        recheck();
    }

    private boolean filling;

    private void recheck() {
        Map<String, String> texts = new HashMap<>();
        items.forEach(item -> texts.put(item.key(), item.textProperty().get()));
        SettingsCatalog.Check result = catalog.check(applied, texts);
        items.forEach(item -> item.issuesProperty().set(result.issuesFor(item.key())));
        check.set(result);
        changes.set(result.configuration().map(next -> catalog.changes(applied, next)).orElseGet(this::textChanges));
        summary.set(describe(result));
    }

    /** Changes by text, for a form that does not parse (so the reason and the count still show). */
    private List<SettingsCatalog.Change> textChanges() {
        Map<String, String> before = catalog.texts(applied);
        return items.stream().filter(i -> !i.textProperty().get().equals(before.get(i.key())))
                .map(i -> new SettingsCatalog.Change(i.field(), before.get(i.key()), i.textProperty().get())).toList();
    }

    private String describe(SettingsCatalog.Check result) {
        if (!result.errors().isEmpty()) {
            SettingsIssue first = result.errors().getFirst();
            return result.errors().size() + (result.errors().size() == 1 ? " error" : " errors") + " — " + labelOf(first.key())
                    + ": " + first.message();
        }
        List<SettingsCatalog.Change> now = changes.get();
        if (now.isEmpty()) {
            return "No changes.";
        }
        String warnings = result.warnings().isEmpty() ? "" : " · " + result.warnings().size()
                + (result.warnings().size() == 1 ? " warning" : " warnings") + " to confirm";
        String locked = role.get() == DeskRole.TRADER && now.stream().anyMatch(c -> c.field().section().officerOnly())
                ? " · unlock to change limits" : "";
        return now.size() + (now.size() == 1 ? " change" : " changes") + warnings + locked + ".";
    }

    private String labelOf(String key) {
        SettingItem item = byKey.get(key);
        return item == null ? key : item.field().label();
    }

    private boolean cannotApply() {
        SettingsCatalog.Check result = check.get();
        List<SettingsCatalog.Change> now = changes.get();
        return busy.get() || result == null || !result.errors().isEmpty() || now.isEmpty()
                || (reasonNeeded.get() && reason.get().isBlank())
                || (role.get() == DeskRole.TRADER && now.stream().anyMatch(c -> c.field().section().officerOnly()));
    }

    /** The warnings Apply must have confirmed, each naming its field and the risk. */
    public List<String> pendingWarnings() {
        SettingsCatalog.Check result = check.get();
        return result == null ? List.of() : result.warnings().stream().map(w -> labelOf(w.key()) + ": " + w.message()).toList();
    }

    /** The raises of the form over the settings in force that need the officer's confirmation (old → new, ratio). */
    public List<RiskRaises.Raise> pendingRiskRaises() {
        SettingsCatalog.Check result = check.get();
        return result == null || result.configuration().isEmpty() ? List.of() : port.riskRaises(result.configuration().get());
    }

    /** Whether a risk raise needs a second officer's PIN (four-eyes in force). */
    public boolean fourEyes() {
        return applied.desk().fourEyes();
    }

    /** Applies the form with nothing more confirmed than its warnings. */
    public void apply() {
        apply(SettingsPort.Approval.NONE);
    }

    /**
     * Applies the form (warnings and risk raises confirmed by the person as {@code approval} says); the outcome shows in
     * {@link #messageProperty()}. The settings service decides; a refusal shows its reason.
     */
    public void apply(SettingsPort.Approval approval) {
        touch();
        if (applyDisabled.get()) {
            return;
        }
        DeskConfiguration next = check.get().configuration().orElseThrow();
        List<SettingsCatalog.Change> toApply = changes.get();
        String why = reason.get().trim();
        busy.set(true);
        message.set("Applying " + toApply.size() + (toApply.size() == 1 ? " change…" : " changes…"));
        tasks.run(() -> port.apply(next, toApply, why, approval), () -> {
            busy.set(false);
            reason.set("");
            load(next);
            message.set("Applied " + toApply.size() + (toApply.size() == 1 ? " change" : " changes") + " at "
                    + time.clockTime(clock.instant()) + "; every symbol re-sized.");
            refreshHistory("", null);
        }, problem -> {
            busy.set(false);
            message.set("Not applied: " + problem);
        });
    }

    /** How many fields differ from the settings in force. */
    public int unappliedChanges() {
        return changes.get().size();
    }

    /** Discards every edit: the form shows the settings in force again. */
    public void cancel() {
        load(applied);
        reason.set("");
        message.set("Edits discarded.");
    }

    public void resetToDefault(SettingItem item) {
        touch();
        if (item.editableProperty().get()) {
            item.textProperty().set(item.defaultText());
        }
    }

    /** Unlocks as the chosen officer with {@code typed} (hashing in the background); the outcome shows in the lock text. */
    public void unlock(char[] typed) {
        String officer = this.officer.get();
        if (officer == null || officer.isBlank()) {
            Arrays.fill(typed, '\0');
            message.set(officers.isEmpty() ? NO_OFFICER : "Choose the officer, then type the PIN.");
            return;
        }
        busy.set(true);
        tasks.call(() -> port.unlock(officer, typed), attempt -> {
            Arrays.fill(typed, '\0');
            busy.set(false);
            pinMessage.set("");
            lockedUntil.remove(officer);
            if (attempt instanceof PinAttempt.LockedOut out) {
                lockedUntil.put(officer, out.until());
            }
            if (attempt instanceof PinAttempt.Accepted) {
                role.set(DeskRole.RISK_OFFICER);
                message.set("Unlocked for " + officer + ". The limits lock again after " + applied.desk().officerIdleRelockSeconds()
                        + " s without input.");
            } else if (attempt instanceof PinAttempt.Wrong wrong) {
                pinMessage.set("Wrong PIN — " + wrong.triesLeft() + " left");
                message.set("Wrong PIN — " + wrong.triesLeft() + (wrong.triesLeft() == 1 ? " try" : " tries") + " left before a "
                        + PinAttempt.LOCK_OUT.toMinutes() + "-minute lock-out.");
            } else if (attempt instanceof PinAttempt.LockedOut out) {
                pinMessage.set("Locked until " + time.clockTime(out.until()));
                message.set("Too many wrong PINs: locked until "
                        + time.clockTime(out.until()) + ".");
            }
            refreshLockText();
        }, problem -> {
            Arrays.fill(typed, '\0');
            busy.set(false);
            message.set("PIN check failed: " + problem);
            refreshLockText();
        });
    }

    public void lock() {
        port.lock();
        role.set(DeskRole.TRADER);
        refreshLockText();
    }

    /** Input in the window: keeps an unlocked session open. */
    public void touch() {
        port.touch();
    }

    /** Called every second: re-engages the lock after idle time and keeps the countdown current. */
    public void tick() {
        if (role.get() == DeskRole.RISK_OFFICER && port.unlockedOfficer().isEmpty()) {
            role.set(DeskRole.TRADER);
            message.set("Locked again after " + applied.desk().officerIdleRelockSeconds() + " s without input.");
        }
        refreshLockText();
    }

    private void refreshLockText() {
        if (role.get() == DeskRole.RISK_OFFICER) {
            long seconds = port.relocksIn().toSeconds();
            lockText.set("Risk officer " + port.unlockedOfficer().orElse("") + " — limits unlocked (locks in " + seconds + " s idle)");
        } else if (officers.isEmpty()) {
            lockText.set("No risk officer is set up — limits are read-only for everyone");
        } else {
            String chosen = officer.get();
            java.time.Instant until = chosen == null ? null : lockedUntil.get(chosen);
            String lockedOut = until == null || !clock.instant().isBefore(until) ? ""
                    : " · " + chosen + "'s PIN locked until " + time.clockTime(until);
            lockText.set("Trader — limits, models, services and hand-off are read-only" + lockedOut);
        }
    }

    /** Checks a file offered for import; a good one fills the form (Apply still needed), a bad one changes nothing. */
    public void importFrom(Path file, java.util.function.Consumer<List<String>> refused) {
        tasks.call(() -> port.checkImport(file), result -> {
            if (result.configuration().isEmpty()) {
                refused.accept(result.errors().stream().map(e -> labelOf(e.key()) + " (" + e.key() + "): " + e.message()).toList());
            } else {
                fill(catalog.texts(result.configuration().get()));
                message.set("Imported " + file.getFileName() + ": " + changes.get().size() + " changes ready — review, give a reason and Apply.");
            }
        }, problem -> refused.accept(List.of(problem)));
    }

    public void exportTo(Path file) {
        tasks.run(() -> port.export(file), () -> message.set("Exported the settings in force to " + file),
                problem -> message.set("Export failed: " + problem));
    }

    /** Reloads the change history with the filters; {@code role} null for every role. */
    public void refreshHistory(String keyContains, String roleFilter) {
        refreshHistory(keyContains, roleFilter, HistoryKind.ALL);
    }

    /** Which rows of the change history show: every row, the changes that applied, or the refused attempts. */
    public enum HistoryKind {
        ALL("Changes and refused attempts"), APPLIED("Applied changes only"), REFUSED("Refused attempts only");

        private final String words;

        HistoryKind(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }

        boolean shows(io.kellydesk.engine.SettingsPort.HistoryRow row) {
            boolean refused = io.kellydesk.core.SettingsChangeRecord.REFUSED.equals(row.key());
            return this == ALL || (this == REFUSED) == refused;
        }
    }

    public void refreshHistory(String keyContains, String roleFilter, HistoryKind kind) {
        tasks.call(() -> port.history(keyContains, roleFilter).stream().filter(kind::shows).toList(), history::setAll,
                problem -> message.set("Change history unavailable: " + problem));
    }

    public ObservableList<SettingItem> items() {
        return items;
    }

    public SettingItem item(String key) {
        return Objects.requireNonNull(byKey.get(key), key);
    }

    public ObjectProperty<DeskRole> roleProperty() {
        return role;
    }

    public ObjectProperty<SettingsCatalog.Check> checkProperty() {
        return check;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public BooleanBinding reasonNeededBinding() {
        return reasonNeeded;
    }

    public BooleanBinding applyDisabledBinding() {
        return applyDisabled;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty lockTextProperty() {
        return lockText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Whether any risk officer is set up (the panel offers the unlock only then). */
    public BooleanProperty pinSetProperty() {
        return pinSet;
    }

    public ObservableList<String> officers() {
        return officers;
    }

    public StringProperty pinMessageProperty() {
        return pinMessage;
    }

    /** The officer who unlocks. */
    public StringProperty officerProperty() {
        return officer;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<SettingsPort.HistoryRow> history() {
        return history;
    }

    /** The changes the form holds now, in words (for the confirmation). */
    public String changesInWords() {
        return changes.get().stream().map(c -> c.field().label() + ": " + c.field().auditText(c.oldText()) + " → "
                + c.field().auditText(c.newText())).collect(Collectors.joining("\n"));
    }
}
