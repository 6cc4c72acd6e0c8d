package io.kellydesk.api;

import io.kellydesk.core.Account;
import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.InputKind;
import io.kellydesk.core.KellyReplay;
import io.kellydesk.core.LoggedDecision;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.ServiceHealth;
import io.kellydesk.core.SizingSettings;
import io.kellydesk.engine.SymbolSnapshot;
import io.kellydesk.engine.SymbolStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The API's JSON shapes (described in {@code openapi.json}): snake_case keys, ISO-8601 UTC times, the unit in each
 * numeric key's name; an unknown value is {@code null}, never a default.
 */
final class ApiJson {

    private ApiJson() {
    }

    static Map<String, Object> recommendation(SymbolSnapshot s, Instant now) {
        Recommendation r = s.recommendation();
        SymbolStatus status = SymbolStatus.of(s, now);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", r.symbol());
        m.put("status", status.kind().name());
        m.put("status_words", status.words());
        m.put("decision", r.status().name());
        m.put("reason", r.reason().name());
        m.put("reason_detail", r.reasonDetail());
        m.put("direction", r.direction().name());
        m.put("p_win", value(r.winProbability()));
        m.put("payoff_ratio_b", value(r.payoffRatio()));
        m.put("f_kelly_fraction", value(r.fullKellyFraction()));
        m.put("f_used_fraction", value(r.fractionUsed()));
        m.put("f_at_risk_fraction", value(r.fractionAtRisk()));
        m.put("target_contracts", r.targetContracts());
        m.put("held_contracts", r.heldContracts());
        m.put("working_contracts", r.workingContracts());
        m.put("order_contracts", r.orderContracts());
        m.put("action", r.action().name());
        m.put("action_reason", r.actionReason().name());
        m.put("capital_at_risk_currency", r.capitalAtRiskCurrency());
        m.put("risk_per_contract_currency", r.riskPerContract().map(x -> (Object) x.currency()).orElse(null));
        m.put("risk_source", r.riskPerContract().map(x -> (Object) x.source().name()).orElse(null));
        m.put("position_cap_contracts", r.positionCapContracts());
        m.put("emergency", r.emergency());
        m.put("stale_inputs", r.staleInputs().stream().map(InputKind::name).toList());
        Map<String, Object> ages = new LinkedHashMap<>();
        for (ModelId model : ModelId.values()) {
            ages.put(model.settingsKey() + "_prediction", age(s.prediction(model), now));
        }
        ages.put("quote", age(s.quote(), now));
        ages.put("trade_history", age(s.history(), now));
        ages.put("daily_bars", age(s.bars(), now));
        m.put("input_ages_s", ages);
        m.put("decided_at", r.decidedAt().toString());
        m.put("settings_version", r.settingsVersion());
        return m;
    }

    private static Object age(SymbolSnapshot.InputStatus input, Instant now) {
        return input.ageAt(now).map(a -> (Object) (a.toMillis() / 1000.0)).orElse(null);
    }

    static Map<String, Object> leg(KellyReplay.Leg leg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sizing", leg.name());
        m.put("final_equity_currency", leg.finalEquity());
        m.put("max_drawdown_fraction", leg.maxDrawdownFraction());
        m.put("mean_log_growth_per_trade", leg.meanLogGrowthPerTrade());
        m.put("trades", Math.max(0, leg.equity().length - 1));
        return m;
    }

    static Map<String, Object> replay(String scope, KellyReplay.Result result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", scope);
        m.put("trades", result.trades().size());
        m.put("kelly", leg(result.kelly()));
        m.put("half_kelly", leg(result.halfKelly()));
        m.put("fixed", leg(result.fixed()));
        return m;
    }

    static Map<String, Object> limits(SizingSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_kelly_fraction", s.maxKellyFraction());
        m.put("kelly_multiplier", s.kellyMultiplier());
        m.put("max_position_size_contracts", s.maxPositionSizeContracts());
        m.put("max_portfolio_risk_fraction", s.maxPortfolioRisk());
        m.put("max_correlation_exposure_fraction", s.maxCorrelationExposure());
        m.put("emergency_reduction_trigger_fraction", s.emergencyReductionTrigger());
        m.put("emergency_reduction_factor", s.emergencyReductionFactor());
        return m;
    }

    static Map<String, Object> account(Optional<Account> account) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_id", account.map(a -> (Object) a.accountId()).orElse(null));
        m.put("equity_currency", account.map(a -> (Object) a.equityCurrency()).orElse(null));
        m.put("peak_equity_currency", account.map(a -> (Object) a.peakEquityCurrency()).orElse(null));
        m.put("drawdown_fraction", account.map(a -> (Object) a.drawdownFraction()).orElse(null));
        m.put("currency", account.map(a -> (Object) a.currency()).orElse(null));
        m.put("as_of", account.map(a -> (Object) a.timestamp().toString()).orElse(null));
        return m;
    }

    static Map<String, Object> health(ServiceHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", h.service().settingsKey());
        m.put("state", h.state().name());
        m.put("requests", h.requests());
        m.put("success_fraction", h.successRate());
        m.put("latency_p50_ms", h.latencyP50Ms().orElse(null));
        m.put("latency_p95_ms", h.latencyP95Ms().orElse(null));
        m.put("latency_p99_ms", h.latencyP99Ms().orElse(null));
        m.put("circuit", h.circuit().name());
        m.put("failing", h.failing());
        m.put("last_error", h.lastError().orElse(null));
        m.put("last_error_at", h.lastErrorAt().map(Instant::toString).orElse(null));
        m.put("last_success_at", h.lastSuccessAt().map(Instant::toString).orElse(null));
        return m;
    }

    static Map<String, Object> decision(LoggedDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("symbol", d.symbol());
        m.put("decided_at", d.decidedAt().toString());
        m.put("status", d.status());
        m.put("direction", d.direction());
        m.put("contracts", d.contracts());
        m.put("p_win", d.pWin());
        m.put("f_used_fraction", d.fUsed());
        m.put("capital_at_risk_currency", d.capitalAtRisk());
        m.put("reason", d.reason());
        m.put("reason_detail", d.reasonDetail());
        return m;
    }

    static Map<String, Object> handoff(HandoffRecord h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_order_id", h.clientOrderId());
        m.put("symbol", h.symbol());
        m.put("side", h.side().name());
        m.put("quantity_contracts", h.quantityContracts());
        m.put("engine_order_id", h.engineOrderId().orElse(null));
        m.put("status", h.status().name());
        m.put("created_at", h.createdAt().toString());
        return m;
    }

    /** One stream message: {@code {"type", "symbol", "data", "timestamp"}}. */
    static Map<String, Object> message(String type, String symbol, Object data, Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("symbol", symbol);
        m.put("data", data);
        m.put("timestamp", at.toString());
        return m;
    }

    private static Object value(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
