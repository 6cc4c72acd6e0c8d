package io.kellydesk.desk;

import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.SettingsIssue;
import io.kellydesk.settings.OfficerPin;
import io.kellydesk.settings.OfficerSession;
import io.kellydesk.settings.SettingField;
import io.kellydesk.settings.SettingsCatalog;
import io.kellydesk.settings.SettingsRepository;
import io.kellydesk.tasks.TaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
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
 * The settings window's state and rules (JabRef style: the view binds, this decides). Every keystroke re-checks
 * the whole form with the sizing engine's validator; the lock, the reason and the checks decide whether Apply is
 * possible. Slow work — PIN hashing, the file, the audit — runs on the background executor.
 */
public final class SettingsViewModel {

    public enum Role {
        TRADER("Trader"), RISK_OFFICER("Risk officer");

        private final String words;

        Role(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SettingsCatalog catalog;
    private final SettingsPort port;
    private final OfficerPin pin;
    private final OfficerSession session;
    private final TaskExecutor background;
    private final Executor fxThread;
    private final Clock clock;
    private final ObservableList<SettingItem> items = FXCollections.observableArrayList();
    private final Map<String, SettingItem> byKey = new HashMap<>();
    private DeskConfiguration applied;

    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role", Role.TRADER);
    private final ObjectProperty<SettingsCatalog.Check> check = new SimpleObjectProperty<>(this, "check");
    private final ObjectProperty<List<SettingsCatalog.Change>> changes = new SimpleObjectProperty<>(this, "changes", List.of());
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty lockText = new SimpleStringProperty(this, "lockText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty pinSet = new SimpleBooleanProperty(this, "pinSet", false);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ObservableList<SettingsPort.HistoryRow> history = FXCollections.observableArrayList();
    private final BooleanBinding reasonNeeded;
    private final BooleanBinding applyDisabled;

    public SettingsViewModel(SettingsCatalog catalog, SettingsPort port, OfficerPin pin, OfficerSession session,
                             TaskExecutor background, Executor fxThread, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog);
        this.port = Objects.requireNonNull(port);
        this.pin = Objects.requireNonNull(pin);
        this.session = Objects.requireNonNull(session);
        this.background = Objects.requireNonNull(background);
        this.fxThread = Objects.requireNonNull(fxThread);
        this.clock = Objects.requireNonNull(clock);
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
            items.forEach(item -> item.editableProperty().set(!item.field().section().officerOnly() || now == Role.RISK_OFFICER));
            recheck();
        });
        items.forEach(item -> item.editableProperty().set(!item.field().section().officerOnly()));
        pinSet.set(pin.isSet());
        refreshLockText();
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
        String locked = role.get() == Role.TRADER && now.stream().anyMatch(c -> c.field().section().officerOnly())
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
                || (role.get() == Role.TRADER && now.stream().anyMatch(c -> c.field().section().officerOnly()));
    }

    /** The warnings Apply must have confirmed, each naming its field and the risk. */
    public List<String> pendingWarnings() {
        SettingsCatalog.Check result = check.get();
        return result == null ? List.of() : result.warnings().stream().map(w -> labelOf(w.key()) + ": " + w.message()).toList();
    }

    /** Applies the form (warnings already confirmed by the person); the outcome shows in {@link #messageProperty()}. */
    public void apply() {
        touch();
        if (applyDisabled.get()) {
            return;
        }
        DeskConfiguration next = check.get().configuration().orElseThrow();
        List<SettingsCatalog.Change> toApply = changes.get();
        String who = role.get().words();
        String why = reason.get().isBlank() ? "desk preference" : reason.get().trim();
        if (reasonNeeded.get()) {
            var unavailable = port.auditUnavailable();
            if (unavailable.isPresent()) {
                message.set("Not applied: limit changes must be audited, and " + unavailable.get());
                return;
            }
        }
        busy.set(true);
        message.set("Applying " + toApply.size() + (toApply.size() == 1 ? " change…" : " changes…"));
        background.submit(() -> {
            port.apply(next, toApply, who, why);
            return null;
        }).whenComplete((ok, error) -> fxThread.execute(() -> {
            busy.set(false);
            if (error != null) {
                Throwable cause = error.getCause() == null ? error : error.getCause();
                message.set("Not applied: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
                return;
            }
            reason.set("");
            load(next);
            message.set("Applied " + toApply.size() + (toApply.size() == 1 ? " change" : " changes") + " at "
                    + CLOCK_TIME.format(clock.instant().atZone(ZoneId.systemDefault())) + "; every symbol re-sized.");
            session.idleRelock(Duration.ofSeconds(next.desk().officerIdleRelockSeconds()));
            refreshHistory("", null);
        }));
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

    /** Unlocks with {@code typed} (hashing in the background); the outcome shows in the lock text. */
    public void unlock(char[] typed) {
        busy.set(true);
        background.submit(() -> pin.verify(typed)).whenComplete((attempt, error) -> fxThread.execute(() -> {
            Arrays.fill(typed, '\0');
            busy.set(false);
            if (error != null) {
                message.set("PIN check failed: " + (error.getCause() == null ? error : error.getCause()).getMessage());
            } else if (attempt instanceof OfficerPin.Attempt.Accepted) {
                session.unlock();
                role.set(Role.RISK_OFFICER);
                message.set("Unlocked. The limits lock again after " + applied.desk().officerIdleRelockSeconds() + " s without input.");
            } else if (attempt instanceof OfficerPin.Attempt.Wrong wrong) {
                message.set("Wrong PIN — " + wrong.triesLeft() + (wrong.triesLeft() == 1 ? " try" : " tries") + " left before a "
                        + OfficerPin.LOCK_OUT.toMinutes() + "-minute lock-out.");
            } else if (attempt instanceof OfficerPin.Attempt.LockedOut out) {
                message.set("Too many wrong PINs: locked until "
                        + CLOCK_TIME.format(out.until().atZone(ZoneId.systemDefault())) + ".");
            }
            refreshLockText();
        }));
    }

    /** Sets the officer PIN on first use; {@code repeat} must match. */
    public void setFirstPin(char[] typed, char[] repeat) {
        if (!Arrays.equals(typed, repeat)) {
            message.set("The two PINs differ; type the same PIN twice.");
            return;
        }
        if (typed.length < OfficerPin.MIN_LENGTH) {
            message.set("A PIN needs at least " + OfficerPin.MIN_LENGTH + " characters.");
            return;
        }
        busy.set(true);
        background.submit(() -> {
            pin.setFirst(typed);
            return null;
        }).whenComplete((ok, error) -> fxThread.execute(() -> {
            Arrays.fill(typed, '\0');
            Arrays.fill(repeat, '\0');
            busy.set(false);
            if (error != null) {
                message.set("PIN not set: " + (error.getCause() == null ? error : error.getCause()).getMessage());
                return;
            }
            pinSet.set(true);
            session.unlock();
            role.set(Role.RISK_OFFICER);
            message.set("Officer PIN set (stored as a salted hash). The limits are unlocked.");
            refreshLockText();
        }));
    }

    public void lock() {
        session.lock();
        role.set(Role.TRADER);
        refreshLockText();
    }

    /** Input in the window: keeps an unlocked session open. */
    public void touch() {
        session.touch();
    }

    /** Called every second: re-engages the lock after idle time and keeps the countdown current. */
    public void tick() {
        if (role.get() == Role.RISK_OFFICER && !session.isUnlocked()) {
            role.set(Role.TRADER);
            message.set("Locked again after " + applied.desk().officerIdleRelockSeconds() + " s without input.");
        }
        refreshLockText();
    }

    private void refreshLockText() {
        if (role.get() == Role.RISK_OFFICER) {
            long seconds = session.remaining().toSeconds();
            lockText.set("Risk officer — limits unlocked (locks in " + seconds + " s idle)");
        } else {
            String lockedOut = pin.isSet() ? pin.lockedUntil().map(u -> " · PIN locked until "
                    + CLOCK_TIME.format(u.atZone(ZoneId.systemDefault()))).orElse("") : "";
            lockText.set("Trader — Sizing, Risk limits, Models and Services are read-only" + lockedOut);
        }
    }

    /** Checks a file offered for import; a good one fills the form (Apply still needed), a bad one changes nothing. */
    public void importFrom(Path file, java.util.function.Consumer<List<String>> refused) {
        background.submit(() -> SettingsRepository.checkImport(file, catalog)).whenComplete((result, error) -> fxThread.execute(() -> {
            if (error != null) {
                refused.accept(List.of(String.valueOf(error.getMessage())));
            } else if (result.configuration().isEmpty()) {
                refused.accept(result.errors().stream().map(e -> labelOf(e.key()) + " (" + e.key() + "): " + e.message()).toList());
            } else {
                fill(catalog.texts(result.configuration().get()));
                message.set("Imported " + file.getFileName() + ": " + changes.get().size() + " changes ready — review, give a reason and Apply.");
            }
        }));
    }

    public void exportTo(Path file) {
        background.submit(() -> {
            port.export(file);
            return null;
        }).whenComplete((ok, error) -> fxThread.execute(() -> message.set(error == null ? "Exported the settings in force to " + file
                : "Export failed: " + (error.getCause() == null ? error : error.getCause()).getMessage())));
    }

    /** Reloads the change history with the filters; {@code role} null for every role. */
    public void refreshHistory(String keyContains, String roleFilter) {
        background.submit(() -> port.history(keyContains, roleFilter)).whenComplete((rows, error) -> fxThread.execute(() -> {
            if (error != null) {
                message.set("Change history unavailable: " + (error.getCause() == null ? error : error.getCause()).getMessage());
            } else {
                history.setAll(rows);
            }
        }));
    }

    public ObservableList<SettingItem> items() {
        return items;
    }

    public SettingItem item(String key) {
        return Objects.requireNonNull(byKey.get(key), key);
    }

    public ObjectProperty<Role> roleProperty() {
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

    public BooleanProperty pinSetProperty() {
        return pinSet;
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
