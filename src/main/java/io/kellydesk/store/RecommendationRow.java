package io.kellydesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kellydesk.core.InputKind;
import io.kellydesk.core.ProbabilityEstimate;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.RiskPerContract;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One recommendation as the columns of the {@code recommendations} table, prepared on the caller's thread
 * (the JSON of the inputs included) so the writer thread only binds and executes.
 */
record RecommendationRow(String symbol, long decidedAtMs, String status, String reason, String reasonDetail, String direction,
                         Double pLong, Double pRaw, Double pWin, int calibrated, String agreement, Double confidenceSpread,
                         Double bHist, int tradesN, Double b, Double fKelly, Double fAfterMultiplier, int cappedAtMaxFraction,
                         Double drawdown, int emergency, Double fUsed, Double riskPerContract, String riskSource,
                         Integer contractsSized, int cappedAtMaxPosition, Double openRisk, Integer contractsAfterPortfolio,
                         Double correlatedExposure, Integer contractsAfterCorrelation, int halved, int contracts,
                         double capitalAtRisk, Double expectedEdge, Double growthRate, String inputsHash,
                         String settingsVersion, String inputsJson, int heldContracts, int workingContracts,
                         int targetContracts, int orderContracts, String action, String actionReason, Double fAtRisk,
                         int positionCap, String unknownCorrelations, Long[] inputAgesMs) {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    static final String INSERT = """
            INSERT INTO recommendations (symbol, decided_at_ms, status, reason, reason_detail, direction, p_long, p_raw, p_win,
              calibrated, model_agreement, confidence_spread, payoff_b_hist, payoff_trades_n, payoff_b, f_kelly,
              f_after_multiplier, capped_at_max_fraction, drawdown_fraction, emergency, f_used, risk_per_contract, risk_source,
              contracts_sized, capped_at_max_position, open_risk, contracts_after_portfolio, correlated_exposure,
              contracts_after_correlation, halved_by_validation, contracts, capital_at_risk, expected_edge, growth_rate,
              inputs_hash, settings_version, inputs_json, held_contracts, working_contracts, target_contracts, order_contracts,
              action, action_reason, f_at_risk, position_cap, unknown_correlations, age_lstm_ms, age_ensemble_ms,
              age_trade_history_ms, age_account_ms, age_positions_ms, age_working_orders_ms, age_quote_ms, age_bars_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** The age columns in the order of {@link InputKind}, as the INSERT above names them. */
    static {
        for (InputKind kind : InputKind.values()) {
            if (!INSERT.contains(kind.ageColumn())) {
                throw new IllegalStateException("the INSERT lacks " + kind.ageColumn());
            }
        }
    }

    static RecommendationRow of(Recommendation r) {
        ProbabilityEstimate e = r.estimate().orElse(null);
        RiskPerContract risk = r.riskPerContract().orElse(null);
        String inputs;
        try {
            inputs = JSON.writeValueAsString(r.inputs());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("inputs of " + r.symbol() + " do not serialise", ex);
        }
        return new RecommendationRow(r.symbol(), r.decidedAt().toEpochMilli(), r.status().name(), r.reason().name(),
                r.reasonDetail(), r.direction().name(),
                e == null ? null : e.probabilityLong(), e == null ? null : e.rawWinProbability(), e == null ? null : e.winProbability(),
                e != null && e.calibrated() ? 1 : 0, e == null ? null : e.agreement().name(),
                e == null ? null : box(e.confidenceSpread()), box(r.historicalPayoffRatio()), r.decisiveTrades(), box(r.payoffRatio()),
                box(r.fullKellyFraction()), box(r.fractionAfterMultiplier()), r.cappedAtMaxFraction() ? 1 : 0,
                box(r.drawdownFraction()), r.emergency() ? 1 : 0, box(r.fractionUsed()),
                risk == null ? null : risk.currency(), risk == null ? null : risk.source().name(),
                box(r.contractsSized()), r.cappedAtMaxPosition() ? 1 : 0, box(r.openRiskCurrency()), box(r.contractsAfterPortfolio()),
                box(r.correlatedExposureCurrency()), box(r.contractsAfterCorrelation()), r.halvedByValidation() ? 1 : 0,
                r.contracts(), r.capitalAtRiskCurrency(), box(r.expectedEdge()), box(r.growthRate()), r.inputsHash(),
                r.settingsVersion(), inputs, r.heldContracts(), r.workingContracts(), r.targetContracts(), r.orderContracts(),
                r.action().name(), r.actionReason() == io.kellydesk.core.ActionReason.NONE ? "" : r.actionReason().name(),
                box(r.fractionAtRisk()), r.positionCapContracts(),
                r.unknownCorrelations().isEmpty() ? null : String.join(",", r.unknownCorrelations()), ages(r));
    }

    private static Long[] ages(Recommendation r) {
        InputKind[] kinds = InputKind.values();
        Long[] ages = new Long[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            ages[i] = r.inputAge(kinds[i]).map(java.time.Duration::toMillis).orElse(null);
        }
        return ages;
    }

    void bind(PreparedStatement st) throws SQLException {
        Object[] values = {symbol, decidedAtMs, status, reason, reasonDetail, direction, pLong, pRaw, pWin, calibrated,
            agreement, confidenceSpread, bHist, tradesN, b, fKelly, fAfterMultiplier, cappedAtMaxFraction, drawdown, emergency,
            fUsed, riskPerContract, riskSource, contractsSized, cappedAtMaxPosition, openRisk, contractsAfterPortfolio,
            correlatedExposure, contractsAfterCorrelation, halved, contracts, capitalAtRisk, expectedEdge, growthRate, inputsHash,
            settingsVersion, inputsJson, heldContracts, workingContracts, targetContracts, orderContracts, action, actionReason,
            fAtRisk, positionCap, unknownCorrelations};
        Object[] all = java.util.Arrays.copyOf(values, values.length + inputAgesMs.length);
        System.arraycopy(inputAgesMs, 0, all, values.length, inputAgesMs.length);
        values = all;
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            switch (v) {
                case null -> st.setNull(i + 1, Types.NULL);
                case String s -> st.setString(i + 1, s);
                case Long l -> st.setLong(i + 1, l);
                case Integer n -> st.setInt(i + 1, n);
                case Double d -> st.setDouble(i + 1, d);
                default -> st.setObject(i + 1, v);
            }
        }
    }

    private static Double box(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Integer box(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
