package io.kellydesk.core;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every setting the panel edits, and the one way text typed into it becomes a {@link DeskConfiguration}: parse each
 * field, then run the sizing engine's {@link SettingsValidator} and the checks of the services and desk sections.
 * No JavaFX here: the panel's view model and the import both use it.
 */
public final class SettingsCatalog {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.-]{0,23}");
    private static final String FRACTION = "% of equity";

    private final List<SettingField> fields;
    private final Set<String> percentKeys;
    private final Map<String, SettingField> byKey = new LinkedHashMap<>();

    public SettingsCatalog() {
        List<SettingField> all = new ArrayList<>();
        SettingsSection s = SettingsSection.SIZING;
        all.add(pct("confidence_threshold", s, "Confidence threshold", "% win probability", "Win probability needed before any size is proposed; 50 to under 100 %.", c -> c.sizing().confidenceThreshold()));
        all.add(dec("kelly_multiplier", s, "Kelly multiplier", "× full Kelly", "Fraction of full Kelly used; 0.5 = half Kelly. Above 1 over-bets.", c -> c.sizing().kellyMultiplier()));
        all.add(pct("min_kelly_fraction", s, "Min Kelly fraction", FRACTION, "Below this fraction the trade is not worth taking.", c -> c.sizing().minKellyFraction()));
        all.add(pct("max_kelly_fraction", s, "Max Kelly fraction", FRACTION, "Cap on the capital one trade may put at risk.", c -> c.sizing().maxKellyFraction()));
        all.add(dec("payoff_prior", s, "Payoff prior b₀", "win/loss ratio", "Payoff ratio assumed before any trade is seen.", c -> c.sizing().payoffPrior()));
        all.add(dec("payoff_prior_strength", s, "Payoff prior strength", "trades", "How many trades the prior counts as.", c -> c.sizing().payoffPriorStrength()));
        all.add(whole("win_loss_lookback_days", s, "Win/loss lookback", "days", "Window of closed trades for the payoff ratio.", c -> c.sizing().winLossLookbackDays()));
        all.add(whole("calibration_min_outcomes", s, "Calibration minimum", "outcomes", "Resolved outcomes needed before the probabilities are calibrated.", c -> c.sizing().calibrationMinOutcomes()));
        s = SettingsSection.RISK_LIMITS;
        all.add(whole("max_position_size", s, "Max contracts per position", "contracts", "Hard cap on the contracts of one position.", c -> c.sizing().maxPositionSizeContracts()));
        all.add(pct("max_portfolio_risk", s, "Max portfolio risk", FRACTION, "Cap on capital at risk across all open positions.", c -> c.sizing().maxPortfolioRisk()));
        all.add(pct("max_correlation_exposure", s, "Max correlated exposure", FRACTION, "Cap on capital at risk in correlated positions.", c -> c.sizing().maxCorrelationExposure()));
        all.add(dec("correlation_threshold", s, "Correlation threshold", "|ρ|", "From this |correlation| positions count as one bet.", c -> c.sizing().correlationThreshold()));
        all.add(pct("emergency_reduction_trigger", s, "Emergency trigger", "% drawdown", "Drawdown from peak that cuts every new size.", c -> c.sizing().emergencyReductionTrigger()));
        all.add(dec("emergency_reduction_factor", s, "Emergency factor", "× fraction", "Factor applied to the fraction in an emergency.", c -> c.sizing().emergencyReductionFactor()));
        all.add(dec("max_prediction_age_s", s, "Prediction max age", "s", "An older prediction or quote is not used; the desk fails closed.", c -> c.sizing().maxPredictionAgeSeconds()));
        all.add(dec("max_history_age_s", s, "History max age", "s", "Trade history and daily bars older than this are not used; the desk fails closed.", c -> c.sizing().maxHistoryAgeSeconds()));
        all.add(dec("max_account_age_s", s, "Account max age", "s", "Account, positions and working orders older than this are not used; the desk fails closed.", c -> c.sizing().maxAccountAgeSeconds()));
        all.add(whole("min_losses_for_risk", s, "Losses for mean-loss risk", "losses", "Losses needed to use the mean loss as risk per contract.", c -> c.sizing().minLossesForRisk()));
        all.add(dec("stop_atr_multiple", s, "Stop distance", "× ATR", "Risk per contract from the ATR when too few losses are known.", c -> c.sizing().stopAtrMultiple()));
        all.add(whole("correlation_lookback_bars", s, "Correlation lookback", "daily bars", "Daily bars for the return correlations.", c -> c.sizing().correlationLookbackBars()));
        s = SettingsSection.MODELS;
        all.add(dec("model_weights.lstm", s, "LSTM weight", "weight", "Weight of the LSTM service; the weights must sum to 1.", c -> c.sizing().lstmWeight()));
        all.add(dec("model_weights.ensemble", s, "Ensemble weight", "weight", "Weight of the ensemble service; the weights must sum to 1.", c -> c.sizing().ensembleWeight()));
        s = SettingsSection.SERVICES;
        for (UpstreamService service : UpstreamService.values()) {
            String prefix = "services." + service.settingsKey();
            all.add(new SettingField(prefix + ".base_url", s, service.displayName() + " URL", "http(s)",
                    "Base URL of the " + service.displayName() + " service; empty = not configured (the demo runs when none is).",
                    List.of(), c -> Optional.ofNullable(c.services().endpoints().get(service)).map(ServicesSettings.Endpoint::baseUrl).orElse("")));
            all.add(new SettingField(prefix + ".token", s, service.displayName() + " token", "bearer",
                    "Sent as a bearer token; never shown in the change history.", List.of(),
                    c -> Optional.ofNullable(c.services().endpoints().get(service)).flatMap(ServicesSettings.Endpoint::token).orElse(""))
                    .withKind(SettingField.Kind.SECRET));
        }
        all.add(ms("connect_timeout_ms", "Connect timeout", c -> c.services().connectTimeout()));
        all.add(ms("read_timeout_ms", "Read timeout", c -> c.services().readTimeout()));
        all.add(ms("call_timeout_ms", "Call timeout", c -> c.services().callTimeout()));
        all.add(ms("poll_predictions_ms", "Poll predictions every", c -> c.services().predictionPollInterval()));
        all.add(ms("poll_quotes_ms", "Poll quotes every", c -> c.services().quotePollInterval()));
        all.add(ms("poll_account_ms", "Poll account every", c -> c.services().accountPollInterval()));
        all.add(ms("poll_trades_ms", "Poll trades and bars every", c -> c.services().tradesPollInterval()));
        all.add(ms("poll_health_ms", "Poll health every", c -> c.services().healthPollInterval()));
        all.add(whole("services.breaker_failures", s, "Failures to open breaker", "failures", "Consecutive failures that stop requests to a service.", c -> c.services().failuresToOpen()));
        all.add(ms("breaker_cooldown_ms", "Breaker cool-down", c -> c.services().circuitCooldown()));
        all.add(ms("max_backoff_ms", "Longest retry wait", c -> c.services().maxBackoff()));
        s = SettingsSection.DESK;
        all.add(new SettingField("desk.watchlist", s, "Watchlist", "symbols, in order",
                "Tiles in this order: roots (NQ, ES, CL) or contracts (NQZ26-CME); empty = every symbol by name.", List.of(),
                c -> String.join(", ", c.desk().watchlist())).withKind(SettingField.Kind.SYMBOLS));
        all.add(whole("desk.chart_fixed_contracts", s, "Chart: fixed size N", "contracts", "N of the fixed-size curve in the Kelly-vs-fixed chart (1–50).", c -> c.desk().chartFixedContracts()));
        all.add(new SettingField("desk.theme", s, "Theme", "", "Dark or light; the View menu switches it too.", List.of("dark", "light"),
                c -> c.desk().theme()).withKind(SettingField.Kind.CHOICE));
        all.add(new SettingField("desk.time_zone", s, "Time zone", "", "Every time on the desk is shown in this zone: UTC, local (this PC's) or a region such as America/Chicago. The log stores UTC.",
                List.of(), c -> c.desk().timeZone()));
        all.add(flag("desk.alert_trade", s, "Alert: new trade", "A notification when a symbol turns TRADE or its target changes.", c -> c.desk().alerts().newTrade()));
        all.add(flag("desk.alert_emergency", s, "Alert: emergency", "A notification when the drawdown passes the emergency trigger.", c -> c.desk().alerts().emergency()));
        all.add(flag("desk.alert_service", s, "Alert: service down or back", "A notification when a service goes down or comes back.", c -> c.desk().alerts().service()));
        all.add(flag("desk.alert_handoff", s, "Alert: hand-off failed", "A notification when a handed-off order is rejected or fails.", c -> c.desk().alerts().handoff()));
        all.add(flag("desk.alert_sound", s, "Alert sound", "A short beep with each notification.", c -> c.desk().alerts().sound()));
        s = SettingsSection.HANDOFF;
        all.add(new SettingField("desk.handoff_target", s, "Hand off to", "", "engine: sent to the trading engine; clipboard: a plain line and FIX 4.4 to key by hand; folder: a JSON file.",
                Arrays.stream(HandoffTarget.values()).map(HandoffTarget::settingsValue).toList(),
                c -> c.desk().handoffTarget().settingsValue()).withKind(SettingField.Kind.CHOICE));
        all.add(new SettingField("desk.handoff_folder", s, "Hand-off folder", "absolute path", "Watched folder for the folder target.", List.of(),
                c -> c.desk().handoffFolder()));
        all.add(new SettingField("desk.one_click_handoff", s, "One-click hand off", "", "On: the Hand off click sends at once, with no ticket.", List.of(),
                c -> Boolean.toString(c.desk().oneClickHandoff())).withKind(SettingField.Kind.FLAG));
        all.add(whole("desk.handoff_give_up_s", s, "Hand-off give up after", "s", "How long an unanswered order is retried with the same id (5–3600).", c -> c.desk().handoffGiveUpSeconds()));
        all.add(whole("desk.officer_relock_idle_s", s, "Relock limits after idle", "s", "Unlocked limits lock again after this long without input (15–3600).", c -> c.desk().officerIdleRelockSeconds()));
        all.add(new SettingField("desk.four_eyes", s, "Four-eyes for risk raises", "", "On: a change that raises risk needs a second officer's PIN before it applies.", List.of(),
                c -> Boolean.toString(c.desk().fourEyes())).withKind(SettingField.Kind.FLAG));
        all.add(whole("desk.api_port", s, "Local API port", "TCP port", "The read-only API for the firm's other desk tools; 0 = off (1024–65535).", c -> c.desk().apiPort()));
        all.add(new SettingField("desk.api_bind", s, "Local API address", "IP address", "127.0.0.1 serves this PC only; any other address opens the API to the network.", List.of(),
                c -> c.desk().apiBind()));
        this.fields = List.copyOf(all);
        this.percentKeys = all.stream().filter(f -> f.kind() == SettingField.Kind.PERCENT).map(SettingField::key)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        fields.forEach(f -> byKey.put(f.key(), f));
    }

    public List<SettingField> fields() {
        return fields;
    }

    public SettingField field(String key) {
        SettingField field = byKey.get(key);
        if (field == null) {
            throw new IllegalArgumentException("no setting " + key);
        }
        return field;
    }

    /** Every field's text for {@code configuration}, by key. */
    public Map<String, String> texts(DeskConfiguration configuration) {
        Map<String, String> texts = new LinkedHashMap<>();
        fields.forEach(f -> texts.put(f.key(), f.textOf(configuration)));
        return texts;
    }

    /**
     * The outcome of checking a form.
     *
     * @param configuration the configuration the texts describe; empty when any field has an error
     * @param issues        every error and warning, keyed by field key
     */
    public record Check(Optional<DeskConfiguration> configuration, List<SettingsIssue> issues) {
        public Check {
            issues = List.copyOf(issues);
        }

        public List<SettingsIssue> issuesFor(String key) {
            return issues.stream().filter(i -> i.key().equals(key)).toList();
        }

        public List<SettingsIssue> errors() {
            return issues.stream().filter(i -> i.severity() == SettingsIssue.Severity.ERROR).toList();
        }

        public List<SettingsIssue> warnings() {
            return issues.stream().filter(i -> i.severity() == SettingsIssue.Severity.WARNING).toList();
        }
    }

    /** Parses and validates {@code texts} (field key → text); fields not given keep their value in {@code base}. */
    public Check check(DeskConfiguration base, Map<String, String> texts) {
        Map<String, String> all = new HashMap<>(texts(base));
        all.putAll(texts);
        List<SettingsIssue> issues = new ArrayList<>();
        Values v = new Values(all, issues, percentKeys);
        SizingSettings sizing = new SizingSettings(v.dbl("max_kelly_fraction"), v.dbl("min_kelly_fraction"),
                v.dbl("kelly_multiplier"), v.dbl("confidence_threshold"), v.dbl("max_portfolio_risk"),
                v.whole("win_loss_lookback_days"), v.dbl("payoff_prior"), v.dbl("payoff_prior_strength"),
                v.whole("calibration_min_outcomes"), v.dbl("max_prediction_age_s"), v.dbl("model_weights.lstm"),
                v.dbl("model_weights.ensemble"), v.whole("max_position_size"), v.dbl("max_correlation_exposure"),
                v.dbl("emergency_reduction_trigger"), v.dbl("emergency_reduction_factor"), v.whole("min_losses_for_risk"),
                v.dbl("stop_atr_multiple"), v.whole("correlation_lookback_bars"), v.dbl("correlation_threshold"),
                v.dbl("max_history_age_s"), v.dbl("max_account_age_s"));
        boolean parsed = issues.isEmpty();
        if (parsed) {
            for (SettingsIssue issue : SettingsValidator.validate(sizing).issues()) {
                if (issue.key().equals("model_weights")) {
                    issues.add(new SettingsIssue("model_weights.lstm", issue.severity(), issue.message()));
                    issues.add(new SettingsIssue("model_weights.ensemble", issue.severity(), issue.message()));
                } else {
                    issues.add(issue);
                }
            }
        }
        Map<UpstreamService, ServicesSettings.Endpoint> endpoints = new EnumMap<>(UpstreamService.class);
        for (UpstreamService service : UpstreamService.values()) {
            String key = "services." + service.settingsKey() + ".base_url";
            String url = all.get(key).trim();
            if (url.isEmpty()) {
                continue;
            }
            if (!url.matches("https?://[^\\s/]+.*")) {
                issues.add(error(key, "must start with http:// or https:// and name a host, was \"" + url + "\""));
                continue;
            }
            endpoints.put(service, new ServicesSettings.Endpoint(url, Optional.of(all.get("services." + service.settingsKey() + ".token").trim())));
        }
        ServicesSettings services = new ServicesSettings(endpoints, v.ms("connect_timeout_ms"), v.ms("read_timeout_ms"),
                v.ms("call_timeout_ms"), v.ms("poll_predictions_ms"), v.ms("poll_quotes_ms"), v.ms("poll_account_ms"),
                v.ms("poll_trades_ms"), v.ms("poll_health_ms"), v.bounded("services.breaker_failures", 1, 100),
                v.ms("breaker_cooldown_ms"), v.ms("max_backoff_ms"));
        DeskPreferences desk = new DeskPreferences(v.symbols("desk.watchlist"), v.bounded("desk.chart_fixed_contracts", 1, 50),
                all.get("desk.theme"), HandoffTarget.fromSettings(all.get("desk.handoff_target")).orElse(HandoffTarget.ENGINE),
                all.get("desk.handoff_folder").trim(), Boolean.parseBoolean(all.get("desk.one_click_handoff")),
                v.bounded("desk.handoff_give_up_s", 5, 3600), v.bounded("desk.officer_relock_idle_s", 15, 3600),
                Boolean.parseBoolean(all.get("desk.four_eyes")), v.whole("desk.api_port"), all.get("desk.api_bind").trim(),
                all.get("desk.time_zone").trim(), new AlertPreferences(Boolean.parseBoolean(all.get("desk.alert_trade")),
                        Boolean.parseBoolean(all.get("desk.alert_emergency")), Boolean.parseBoolean(all.get("desk.alert_service")),
                        Boolean.parseBoolean(all.get("desk.alert_handoff")), Boolean.parseBoolean(all.get("desk.alert_sound"))));
        try {
            desk.zone();
        } catch (java.time.DateTimeException e) {
            issues.add(error("desk.time_zone", "must be UTC, local or a region such as Europe/London, was \"" + desk.timeZone() + "\""));
        }
        if (desk.apiPort() != 0 && (desk.apiPort() < 1024 || desk.apiPort() > 65535)) {
            issues.add(error("desk.api_port", "must be 0 (off) or between 1024 and 65535"));
        }
        if (!desk.apiBind().equals(DeskPreferences.LOOPBACK) && !desk.apiBind().equals("localhost") && !desk.apiBind().equals("::1")) {
            issues.add(new SettingsIssue("desk.api_bind", SettingsIssue.Severity.WARNING,
                    "serves the desk's recommendations to every machine that can reach " + desk.apiBind() + " (the token still applies)"));
        }
        // Spec step 0: a poll interval must sit well inside its input's age limit, or one missed poll ages it out.
        if (parsed && services.accountPollInterval().toMillis() * 2 > sizing.maxAccountAgeSeconds() * 1000) {
            issues.add(error("services.poll_account_ms", "must be at most half of max_account_age_s ("
                    + number(sizing.maxAccountAgeSeconds()) + " s), or one missed poll makes the account stale"));
        }
        if (parsed && services.tradesPollInterval().toMillis() * 2 > sizing.maxHistoryAgeSeconds() * 1000) {
            issues.add(error("services.poll_trades_ms", "must be at most half of max_history_age_s ("
                    + number(sizing.maxHistoryAgeSeconds()) + " s), or one missed poll makes the history stale"));
        }
        if (parsed && services.quotePollInterval().toMillis() * 2 > sizing.maxPredictionAgeSeconds() * 1000) {
            issues.add(error("services.poll_quotes_ms", "must be at most half of max_prediction_age_s ("
                    + number(sizing.maxPredictionAgeSeconds()) + " s), or one missed poll makes the quote stale"));
        }
        if (!List.of("dark", "light").contains(desk.theme())) {
            issues.add(error("desk.theme", "must be dark or light"));
        }
        if (HandoffTarget.fromSettings(all.get("desk.handoff_target")).isEmpty()) {
            issues.add(error("desk.handoff_target", "must be engine, clipboard or folder"));
        }
        if (desk.handoffTarget() == HandoffTarget.FOLDER && (desk.handoffFolder().isEmpty() || !Path.of(desk.handoffFolder()).isAbsolute())) {
            issues.add(error("desk.handoff_folder", "the folder target needs an absolute folder path"));
        }
        boolean usable = issues.stream().noneMatch(i -> i.severity() == SettingsIssue.Severity.ERROR);
        return new Check(usable ? Optional.of(new DeskConfiguration(sizing, services, desk)) : Optional.empty(), issues);
    }

    /** One field whose text differs between two configurations. */
    public record Change(SettingField field, String oldText, String newText) {
    }

    /** The fields that differ from {@code before} to {@code after}, in panel order. */
    public List<Change> changes(DeskConfiguration before, DeskConfiguration after) {
        List<Change> changes = new ArrayList<>();
        for (SettingField field : fields) {
            String was = field.textOf(before);
            String now = field.textOf(after);
            if (!was.equals(now)) {
                changes.add(new Change(field, was, now));
            }
        }
        return changes;
    }

    /** Text for a number as a person would type it: 0.25, not 0.25000000000000001; 5, not 5.0. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static SettingField dec(String key, SettingsSection section, String label, String unit, String help,
                                    Function<DeskConfiguration, Double> read) {
        return new SettingField(key, section, label, unit, SettingField.Kind.DECIMAL, help, List.of(), c -> number(read.apply(c)));
    }

    /** A fraction of the file shown as percent: 0.15 is "15" (decimal arithmetic: no 15.000000000000002). */
    private static SettingField pct(String key, SettingsSection section, String label, String unit, String help,
                                    Function<DeskConfiguration, Double> read) {
        return new SettingField(key, section, label, unit, SettingField.Kind.PERCENT, help, List.of(),
                c -> java.math.BigDecimal.valueOf(read.apply(c)).movePointRight(2).stripTrailingZeros().toPlainString());
    }

    private static SettingField flag(String key, SettingsSection section, String label, String help,
                                     java.util.function.Function<DeskConfiguration, Boolean> reader) {
        return new SettingField(key, section, label, "", help, List.of(), c -> Boolean.toString(reader.apply(c))).withKind(SettingField.Kind.FLAG);
    }

    private static SettingField whole(String key, SettingsSection section, String label, String unit, String help,
                                      Function<DeskConfiguration, Integer> read) {
        return new SettingField(key, section, label, unit, SettingField.Kind.WHOLE, help, List.of(), c -> Integer.toString(read.apply(c)));
    }

    private static SettingField ms(String key, String label, Function<DeskConfiguration, Duration> read) {
        return new SettingField("services." + key, SettingsSection.SERVICES, label, "ms", label + ", in milliseconds.",
                List.of(), c -> Long.toString(read.apply(c).toMillis())).withKind(SettingField.Kind.WHOLE);
    }

    private static SettingsIssue error(String key, String message) {
        return new SettingsIssue(key, SettingsIssue.Severity.ERROR, message);
    }

    /** Typed reads of the texts; a text that does not parse is an error on its field and reads as a harmless 0. */
    private record Values(Map<String, String> texts, List<SettingsIssue> issues, Set<String> percent) {
        double dbl(String key) {
            String text = texts.get(key).trim();
            if (percent.contains(key) && text.endsWith("%")) {
                text = text.substring(0, text.length() - 1).trim();
            }
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value) && !text.endsWith("d") && !text.endsWith("f") && !text.endsWith("D") && !text.endsWith("F")) {
                    return percent.contains(key) ? new java.math.BigDecimal(text).movePointLeft(2).doubleValue() : value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            issues.add(error(key, text.isEmpty() ? "needs a number" : "\"" + text + "\" is not a number"));
            return 0;
        }

        int whole(String key) {
            String text = texts.get(key).trim();
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                issues.add(error(key, text.isEmpty() ? "needs a whole number" : "\"" + text + "\" is not a whole number"));
                return 0;
            }
        }

        int bounded(String key, int min, int max) {
            int before = issues.size();
            int value = whole(key);
            if (issues.size() == before && (value < min || value > max)) {
                issues.add(error(key, "must be between " + min + " and " + max + ", was " + value));
            }
            return issues.size() == before ? value : Math.max(min, value);
        }

        Duration ms(String key) {
            return Duration.ofMillis(bounded("services." + key, 1, 3_600_000));
        }

        List<String> symbols(String key) {
            List<String> symbols = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String part : texts.get(key).split("[,\\s]+")) {
                String symbol = part.trim().toUpperCase(Locale.ROOT);
                if (symbol.isEmpty()) {
                    continue;
                }
                if (!SYMBOL.matcher(symbol).matches()) {
                    issues.add(error(key, "\"" + part.trim() + "\" is not a symbol or root (letters, digits, . and -)"));
                } else if (!seen.add(symbol)) {
                    issues.add(error(key, symbol + " is listed twice"));
                } else {
                    symbols.add(symbol);
                }
            }
            return symbols;
        }
    }
}
