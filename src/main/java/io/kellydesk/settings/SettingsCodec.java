package io.kellydesk.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.HandoffTarget;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.core.UpstreamService;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Optional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the firm's {@code kelly_settings} file format: JSON with {@code #} comments, the sizing
 * keys under {@code kelly_calculator}, {@code model_weights} and {@code risk_constraints}. Keys the file does not
 * have take the desk's defaults; keys the desk does not know are kept and reported.
 */
public final class SettingsCodec {

    static final String ROOT = "kelly_calculator";
    static final String WEIGHTS = "model_weights";
    static final String RISK = "risk_constraints";

    private static final Set<String> ROOT_KEYS = Set.of("max_kelly_fraction", "min_kelly_fraction", "kelly_multiplier",
            "confidence_threshold", "max_portfolio_risk", "win_loss_lookback_days", "payoff_prior",
            "payoff_prior_strength", "calibration_min_outcomes", "max_prediction_age_s", "max_history_age_s",
            "max_account_age_s", WEIGHTS, RISK);
    private static final Set<String> WEIGHT_KEYS = Set.of("lstm", "ensemble");
    private static final Set<String> RISK_KEYS = Set.of("max_position_size", "max_correlation_exposure",
            "emergency_reduction_trigger", "emergency_reduction_factor", "min_losses_for_risk", "stop_atr_multiple",
            "correlation_lookback_bars", "correlation_threshold");
    /** Top-level sections read elsewhere or by later features; known, so not reported as unknown. */
    private static final Set<String> OTHER_SECTIONS = Set.of("officers", "services", "desk");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS, JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public LoadedSettings read(Path file) throws SettingsFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SettingsFileException.at(file, 0, 0, "file not found", e);
        } catch (IOException e) {
            throw SettingsFileException.at(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    public LoadedSettings parse(String text, Path source) throws SettingsFileException {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw SettingsFileException.at(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw SettingsFileException.at(source, 1, 1, "the file must hold one JSON object", null);
        }
        JsonNode calc = root.path(ROOT);
        if (calc.isMissingNode()) {
            throw SettingsFileException.at(source, 0, 0, "no \"" + ROOT + "\" section", null);
        }
        if (!calc.isObject()) {
            throw SettingsFileException.at(source, 0, 0, "\"" + ROOT + "\" must be an object", null);
        }
        JsonNode weights = section(calc, WEIGHTS, source);
        JsonNode risk = section(calc, RISK, source);
        SizingSettings d = SizingSettings.defaults();
        Reader r = new Reader(source, text);
        SizingSettings sizing = new SizingSettings(
                r.dbl(calc, "max_kelly_fraction", d.maxKellyFraction()),
                r.dbl(calc, "min_kelly_fraction", d.minKellyFraction()),
                r.dbl(calc, "kelly_multiplier", d.kellyMultiplier()),
                r.dbl(calc, "confidence_threshold", d.confidenceThreshold()),
                r.dbl(calc, "max_portfolio_risk", d.maxPortfolioRisk()),
                r.integer(calc, "win_loss_lookback_days", d.winLossLookbackDays()),
                r.dbl(calc, "payoff_prior", d.payoffPrior()),
                r.dbl(calc, "payoff_prior_strength", d.payoffPriorStrength()),
                r.integer(calc, "calibration_min_outcomes", d.calibrationMinOutcomes()),
                r.dbl(calc, "max_prediction_age_s", d.maxPredictionAgeSeconds()),
                r.dbl(weights, "lstm", d.lstmWeight()),
                r.dbl(weights, "ensemble", d.ensembleWeight()),
                r.integer(risk, "max_position_size", d.maxPositionSizeContracts()),
                r.dbl(risk, "max_correlation_exposure", d.maxCorrelationExposure()),
                r.dbl(risk, "emergency_reduction_trigger", d.emergencyReductionTrigger()),
                r.dbl(risk, "emergency_reduction_factor", d.emergencyReductionFactor()),
                r.integer(risk, "min_losses_for_risk", d.minLossesForRisk()),
                r.dbl(risk, "stop_atr_multiple", d.stopAtrMultiple()),
                r.integer(risk, "correlation_lookback_bars", d.correlationLookbackBars()),
                r.dbl(risk, "correlation_threshold", d.correlationThreshold()),
                r.dbl(calc, "max_history_age_s", d.maxHistoryAgeSeconds()),
                r.dbl(calc, "max_account_age_s", d.maxAccountAgeSeconds()));
        List<String> unknown = new ArrayList<>();
        ServicesSettings services = services(root, r, source, unknown);
        DeskPreferences desk = desk(root, r, source, unknown);
        collectUnknown(root, "", Set.of(ROOT), unknown, true);
        collectUnknown(calc, ROOT + ".", ROOT_KEYS, unknown, false);
        collectUnknown(weights, ROOT + "." + WEIGHTS + ".", WEIGHT_KEYS, unknown, false);
        collectUnknown(risk, ROOT + "." + RISK + ".", RISK_KEYS, unknown, false);
        return new LoadedSettings(sizing, services, desk, unknown, (ObjectNode) root, text);
    }

    /** The text of a settings file holding all of {@code configuration}, keeping every other key of {@code base}. */
    /**
     * The text of {@code configuration} in the firm's format, over the file it was read from: the firm's comments, order
     * and other keys stay; only what changed is written. Without a base, the whole tree plainly.
     */
    public String format(DeskConfiguration configuration, LoadedSettings base) {
        if (base == null) {
            return format(configuration, (ObjectNode) null);
        }
        ObjectNode root = tree(configuration, base.tree());
        return base.text().isBlank() ? text(root) : CommentKeepingText.patch(base.text(), root).orElseGet(() -> text(root));
    }

    /** The tree of {@code sizing} over {@code base}, comments kept as {@link #format(DeskConfiguration, LoadedSettings)}. */
    public String format(SizingSettings sizing, LoadedSettings base) {
        if (base == null) {
            return format(sizing, (ObjectNode) null);
        }
        ObjectNode root = base.tree();
        writeSizing(root, sizing);
        return base.text().isBlank() ? text(root) : CommentKeepingText.patch(base.text(), root).orElseGet(() -> text(root));
    }

    public String format(DeskConfiguration configuration, ObjectNode base) {
        return text(tree(configuration, base));
    }

    private ObjectNode tree(DeskConfiguration configuration, ObjectNode base) {
        ObjectNode root = base == null ? mapper.createObjectNode() : base.deepCopy();
        writeSizing(root, configuration.sizing());
        ServicesSettings services = configuration.services();
        ObjectNode section = root.withObjectProperty(SERVICES);
        for (UpstreamService service : UpstreamService.values()) {
            ObjectNode entry = section.withObjectProperty(service.settingsKey());
            ServicesSettings.Endpoint endpoint = services.endpoints().get(service);
            entry.put("base_url", endpoint == null ? "" : endpoint.baseUrl());
            entry.put("token", endpoint == null ? "" : endpoint.token().orElse(""));
        }
        section.put("connect_timeout_ms", services.connectTimeout().toMillis());
        section.put("read_timeout_ms", services.readTimeout().toMillis());
        section.put("call_timeout_ms", services.callTimeout().toMillis());
        section.put("poll_predictions_ms", services.predictionPollInterval().toMillis());
        section.put("poll_quotes_ms", services.quotePollInterval().toMillis());
        section.put("poll_account_ms", services.accountPollInterval().toMillis());
        section.put("poll_trades_ms", services.tradesPollInterval().toMillis());
        section.put("poll_health_ms", services.healthPollInterval().toMillis());
        section.put("breaker_failures", services.failuresToOpen());
        section.put("breaker_cooldown_ms", services.circuitCooldown().toMillis());
        section.put("max_backoff_ms", services.maxBackoff().toMillis());
        DeskPreferences desk = configuration.desk();
        ObjectNode deskNode = root.withObjectProperty(DESK);
        var watchlist = deskNode.putArray("watchlist");
        desk.watchlist().forEach(watchlist::add);
        deskNode.put("chart_fixed_contracts", desk.chartFixedContracts());
        deskNode.put("theme", desk.theme());
        deskNode.put("handoff_target", desk.handoffTarget().settingsValue());
        deskNode.put("handoff_folder", desk.handoffFolder());
        deskNode.put("one_click_handoff", desk.oneClickHandoff());
        deskNode.put("handoff_give_up_s", desk.handoffGiveUpSeconds());
        deskNode.put("officer_relock_idle_s", desk.officerIdleRelockSeconds());
        deskNode.put("four_eyes", desk.fourEyes());
        deskNode.put("api_port", desk.apiPort());
        deskNode.put("api_bind", desk.apiBind());
        deskNode.put("time_zone", desk.timeZone());
        deskNode.put("alert_trade", desk.alerts().newTrade());
        deskNode.put("alert_emergency", desk.alerts().emergency());
        deskNode.put("alert_service", desk.alerts().service());
        deskNode.put("alert_handoff", desk.alerts().handoff());
        deskNode.put("alert_sound", desk.alerts().sound());
        return root;
    }

    private String text(ObjectNode root) {
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static final String DESK = "desk";
    private static final Set<String> DESK_KEYS = Set.of("watchlist", "chart_fixed_contracts", "theme", "handoff_target",
            "handoff_folder", "one_click_handoff", "handoff_give_up_s", "officer_relock_idle_s", "four_eyes", "api_port", "api_bind",
            "time_zone", "alert_trade", "alert_emergency", "alert_service", "alert_handoff", "alert_sound");

    /** The optional {@code desk} section: the trader's own preferences. */
    private static DeskPreferences desk(JsonNode root, Reader r, Path source, List<String> unknown) throws SettingsFileException {
        DeskPreferences d = DeskPreferences.defaults();
        JsonNode section = root.path(DESK);
        if (section.isMissingNode() || section.isNull()) {
            return d;
        }
        if (!section.isObject()) {
            throw SettingsFileException.at(source, 0, 0, "\"" + DESK + "\" must be an object", null);
        }
        List<String> watchlist = new ArrayList<>();
        JsonNode list = section.path("watchlist");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw r.wrongType("watchlist", "a list of symbols", list);
            }
            for (JsonNode symbol : list) {
                if (!symbol.isTextual() || symbol.asText().isBlank()) {
                    throw r.wrongType("watchlist", "a list of symbols", list);
                }
                watchlist.add(symbol.asText().trim().toUpperCase(java.util.Locale.ROOT));
            }
        }
        String theme = r.text(section, "theme", d.theme());
        if (!theme.equals("dark") && !theme.equals("light")) {
            throw r.wrongType("theme", "\"dark\" or \"light\"", section.get("theme"));
        }
        String targetText = r.text(section, "handoff_target", d.handoffTarget().settingsValue());
        HandoffTarget target = HandoffTarget.fromSettings(targetText)
                .orElseThrow(() -> r.wrongType("handoff_target", "\"engine\", \"clipboard\" or \"folder\"", section.get("handoff_target")));
        JsonNode oneClick = section.path("one_click_handoff");
        if (!oneClick.isMissingNode() && !oneClick.isNull() && !oneClick.isBoolean()) {
            throw r.wrongType("one_click_handoff", "true or false", oneClick);
        }
        JsonNode fourEyes = section.path("four_eyes");
        if (!fourEyes.isMissingNode() && !fourEyes.isNull() && !fourEyes.isBoolean()) {
            throw r.wrongType("four_eyes", "true or false", fourEyes);
        }
        collectUnknown(section, DESK + ".", DESK_KEYS, unknown, false);
        return new DeskPreferences(watchlist, r.integer(section, "chart_fixed_contracts", d.chartFixedContracts()), theme,
                target, r.text(section, "handoff_folder", d.handoffFolder()),
                oneClick.isBoolean() ? oneClick.booleanValue() : d.oneClickHandoff(),
                r.integer(section, "handoff_give_up_s", d.handoffGiveUpSeconds()),
                r.integer(section, "officer_relock_idle_s", d.officerIdleRelockSeconds()),
                fourEyes.isBoolean() ? fourEyes.booleanValue() : d.fourEyes(),
                r.integer(section, "api_port", d.apiPort()), r.text(section, "api_bind", d.apiBind()),
                zone(r, section, d), new io.kellydesk.core.AlertPreferences(flag(r, section, "alert_trade", d.alerts().newTrade()),
                        flag(r, section, "alert_emergency", d.alerts().emergency()), flag(r, section, "alert_service", d.alerts().service()),
                        flag(r, section, "alert_handoff", d.alerts().handoff()), flag(r, section, "alert_sound", d.alerts().sound())));
    }

    private static boolean flag(Reader r, JsonNode section, String key, boolean fallback) throws SettingsFileException {
        JsonNode node = section.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw r.wrongType(key, "true or false", node);
        }
        return node.booleanValue();
    }

    private static String zone(Reader r, JsonNode section, DeskPreferences d) throws SettingsFileException {
        String zone = r.text(section, "time_zone", d.timeZone());
        try {
            DeskPreferences.zoneOf(zone);
        } catch (java.time.DateTimeException e) {
            throw r.wrongType("time_zone", "\"UTC\", \"local\" or a region such as \"Europe/London\"", section.get("time_zone"));
        }
        return zone;
    }

    /** The text of a settings file holding {@code sizing}, keeping every other key of {@code base}. */
    public String format(SizingSettings sizing, ObjectNode base) {
        ObjectNode root = base == null ? mapper.createObjectNode() : base.deepCopy();
        writeSizing(root, sizing);
        return text(root);
    }

    private static void writeSizing(ObjectNode root, SizingSettings sizing) {
        ObjectNode calc = root.withObjectProperty(ROOT);
        calc.put("max_kelly_fraction", sizing.maxKellyFraction());
        calc.put("min_kelly_fraction", sizing.minKellyFraction());
        calc.put("kelly_multiplier", sizing.kellyMultiplier());
        calc.put("confidence_threshold", sizing.confidenceThreshold());
        calc.put("max_portfolio_risk", sizing.maxPortfolioRisk());
        calc.put("win_loss_lookback_days", sizing.winLossLookbackDays());
        calc.put("payoff_prior", sizing.payoffPrior());
        calc.put("payoff_prior_strength", sizing.payoffPriorStrength());
        calc.put("calibration_min_outcomes", sizing.calibrationMinOutcomes());
        calc.put("max_prediction_age_s", sizing.maxPredictionAgeSeconds());
        calc.put("max_history_age_s", sizing.maxHistoryAgeSeconds());
        calc.put("max_account_age_s", sizing.maxAccountAgeSeconds());
        ObjectNode weights = calc.withObjectProperty(WEIGHTS);
        weights.put("lstm", sizing.lstmWeight());
        weights.put("ensemble", sizing.ensembleWeight());
        ObjectNode risk = calc.withObjectProperty(RISK);
        risk.put("max_position_size", sizing.maxPositionSizeContracts());
        risk.put("max_correlation_exposure", sizing.maxCorrelationExposure());
        risk.put("emergency_reduction_trigger", sizing.emergencyReductionTrigger());
        risk.put("emergency_reduction_factor", sizing.emergencyReductionFactor());
        risk.put("min_losses_for_risk", sizing.minLossesForRisk());
        risk.put("stop_atr_multiple", sizing.stopAtrMultiple());
        risk.put("correlation_lookback_bars", sizing.correlationLookbackBars());
        risk.put("correlation_threshold", sizing.correlationThreshold());
    }

    static final String SERVICES = "services";
    private static final Set<String> SERVICE_KEYS = Set.of("connect_timeout_ms", "read_timeout_ms", "call_timeout_ms",
            "poll_predictions_ms", "poll_quotes_ms", "poll_account_ms", "poll_trades_ms", "poll_health_ms",
            "breaker_failures", "breaker_cooldown_ms", "max_backoff_ms");

    /** The optional {@code services} section: per-service base_url and token, timeouts and poll intervals. */
    private static ServicesSettings services(JsonNode root, Reader r, Path source, List<String> unknown) throws SettingsFileException {
        ServicesSettings d = ServicesSettings.defaults();
        JsonNode section = root.path(SERVICES);
        if (section.isMissingNode() || section.isNull()) {
            return d;
        }
        if (!section.isObject()) {
            throw SettingsFileException.at(source, 0, 0, "\"" + SERVICES + "\" must be an object", null);
        }
        Map<UpstreamService, ServicesSettings.Endpoint> endpoints = new EnumMap<>(UpstreamService.class);
        for (UpstreamService service : UpstreamService.values()) {
            JsonNode entry = section.path(service.settingsKey());
            if (entry.isMissingNode() || entry.isNull()) {
                continue;
            }
            JsonNode url = entry.path("base_url");
            if (!entry.isObject() || !url.isTextual()) {
                throw SettingsFileException.at(source, 0, 0, "\"services." + service.settingsKey()
                        + "\" must be an object with a \"base_url\" string", null);
            }
            if (url.asText().isBlank()) {
                continue;
            }
            if (!url.asText().startsWith("http://") && !url.asText().startsWith("https://")) {
                throw SettingsFileException.at(source, 0, 0, "services." + service.settingsKey()
                        + ".base_url must start with http:// or https://, was \"" + url.asText() + "\"", null);
            }
            JsonNode token = entry.path("token");
            endpoints.put(service, new ServicesSettings.Endpoint(url.asText(),
                    token.isTextual() ? Optional.of(token.asText()) : Optional.empty()));
            collectUnknown(entry, SERVICES + "." + service.settingsKey() + ".", Set.of("base_url", "token"), unknown, false);
        }
        Set<String> known = new java.util.HashSet<>(SERVICE_KEYS);
        for (UpstreamService service : UpstreamService.values()) {
            known.add(service.settingsKey());
        }
        collectUnknown(section, SERVICES + ".", known, unknown, false);
        return new ServicesSettings(endpoints,
                millis(r, section, "connect_timeout_ms", d.connectTimeout()), millis(r, section, "read_timeout_ms", d.readTimeout()),
                millis(r, section, "call_timeout_ms", d.callTimeout()), millis(r, section, "poll_predictions_ms", d.predictionPollInterval()),
                millis(r, section, "poll_quotes_ms", d.quotePollInterval()), millis(r, section, "poll_account_ms", d.accountPollInterval()),
                millis(r, section, "poll_trades_ms", d.tradesPollInterval()), millis(r, section, "poll_health_ms", d.healthPollInterval()),
                r.integer(section, "breaker_failures", d.failuresToOpen()), millis(r, section, "breaker_cooldown_ms", d.circuitCooldown()),
                millis(r, section, "max_backoff_ms", d.maxBackoff()));
    }

    private static Duration millis(Reader r, JsonNode section, String key, Duration fallback) throws SettingsFileException {
        int value = r.integer(section, key, (int) fallback.toMillis());
        if (value <= 0) {
            throw r.wrongType(key, "a positive number of milliseconds", section.get(key));
        }
        return Duration.ofMillis(value);
    }

    private static JsonNode section(JsonNode parent, String name, Path source) throws SettingsFileException {
        JsonNode node = parent.path(name);
        if (node.isMissingNode()) {
            return JsonMapper.builder().build().createObjectNode();
        }
        if (!node.isObject()) {
            throw SettingsFileException.at(source, 0, 0, "\"" + ROOT + "." + name + "\" must be an object", null);
        }
        return node;
    }

    private static void collectUnknown(JsonNode node, String prefix, Set<String> known, List<String> unknown, boolean topLevel) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            String key = fields.next().getKey();
            if (!known.contains(key) && !(topLevel && OTHER_SECTIONS.contains(key))) {
                unknown.add(prefix + key);
            }
        }
    }

    /** Typed reads with messages that name the key and where it stands in the file. */
    private record Reader(Path source, String text) {
        SettingsFileException wrongType(String key, String expected, JsonNode value) {
            // The tree keeps no positions: the key's first appearance in the text is where a person looks.
            int at = text.indexOf('"' + key + '"');
            int line = 0;
            int column = 0;
            if (at >= 0) {
                line = 1;
                int lineStart = 0;
                for (int i = 0; i < at; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                column = at - lineStart + 1;
            }
            return SettingsFileException.at(source, line, column, "\"" + key + "\" must be " + expected + ", was " + value, null);
        }

        double dbl(JsonNode section, String key, double fallback) throws SettingsFileException {
            JsonNode value = section.get(key);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isNumber()) {
                throw wrongType(key, "a number", value);
            }
            return value.doubleValue();
        }

        String text(JsonNode section, String key, String fallback) throws SettingsFileException {
            JsonNode value = section.get(key);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isTextual()) {
                throw wrongType(key, "a text", value);
            }
            return value.asText();
        }

        int integer(JsonNode section, String key, int fallback) throws SettingsFileException {
            JsonNode value = section.get(key);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isNumber() || value.doubleValue() != Math.rint(value.doubleValue())
                    || Math.abs(value.doubleValue()) > Integer.MAX_VALUE) {
                throw wrongType(key, "a whole number", value);
            }
            return value.intValue();
        }
    }
}
