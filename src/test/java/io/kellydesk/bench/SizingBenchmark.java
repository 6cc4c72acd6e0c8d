package io.kellydesk.bench;

import io.kellydesk.core.Account;
import io.kellydesk.core.Bar;
import io.kellydesk.core.ClosedTrade;
import io.kellydesk.core.Correlations;
import io.kellydesk.core.Direction;
import io.kellydesk.core.KellySizer;
import io.kellydesk.core.ModelId;
import io.kellydesk.core.Exposure;
import io.kellydesk.core.PayoffStatistics;
import io.kellydesk.core.Prediction;
import io.kellydesk.core.Quote;
import io.kellydesk.core.Recommendation;
import io.kellydesk.core.SizingContext;
import io.kellydesk.core.SizingInputs;
import io.kellydesk.core.SizingSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The sizing core's speed. Run: {@code mvn -Pbench clean verify -Djmh.args="SizingBenchmark -f 1 -wi 3 -i 5"}.
 * Targets (issue 3): one symbol's pipeline under 1 µs; payoff statistics of 1,000 trades under 20 µs;
 * a 20×20 correlation matrix from 60 bars under 200 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SizingBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-23T14:30:00Z");

    private SizingInputs inputs;
    private String inputsHash;
    private SizingContext context;
    private List<ClosedTrade> trades;
    private List<List<Bar>> bars;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        inputs = io.kellydesk.testing.TestInputs.inputs("NQZ26-CME", NOW,
                Optional.of(new Prediction(ModelId.LSTM, "NQZ26-CME", Direction.LONG, 0.73, Map.of(), "l", NOW.minusSeconds(1))),
                Optional.of(new Prediction(ModelId.ENSEMBLE, "NQZ26-CME", Direction.LONG, 0.68,
                        Map.of("xgboost", 0.71, "lightgbm", 0.66, "random_forest", 0.64, "catboost", 0.70), "e", NOW.minusSeconds(1))),
                new PayoffStatistics(12, 4, 450, 300),
                Optional.of(new Account("A", 1_000_000, 1_050_000, "USD", NOW)),
                Optional.of(new Quote("NQZ26-CME", 23412.25, 23412, 23412.5, 0.25, 20, "USD", 85.5, 14, NOW)),
                List.of(io.kellydesk.testing.TestInputs.open("ESZ26-CME", Direction.LONG, 2, 3_000, 0.92),
                        io.kellydesk.testing.TestInputs.open("CLF27-NYMEX", Direction.SHORT, 1, 3_000, 0.10)),
                Set.of());
        inputsHash = inputs.contentHash();
        context = SizingContext.of(SizingSettings.defaults(), null);
        trades = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Instant exit = NOW.minus(Duration.ofMinutes(40L * i));
            trades.add(new ClosedTrade("T" + i, "NQZ26-CME", Direction.LONG, 1 + random.nextInt(3), exit.minusSeconds(600), exit,
                    100, 101, random.nextGaussian() * 500));
        }
        bars = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            List<Bar> series = new ArrayList<>();
            double close = 100 + s;
            for (int d = 0; d < 60; d++) {
                close *= 1 + random.nextGaussian() * 0.01;
                series.add(new Bar(NOW.minus(Duration.ofDays(60 - d)), close, close, close, close, 1));
            }
            bars.add(series);
        }
    }

    /** Estimate → Kelly → size → validate for one symbol, trades pre-aggregated, hash already known. */
    @Benchmark
    public Recommendation pipelineOneSymbol() {
        return KellySizer.recommend(inputs, inputsHash, context);
    }

    @Benchmark
    public PayoffStatistics payoffStatistics1000Trades() {
        return PayoffStatistics.of(trades, "NQZ26-CME", NOW, Duration.ofDays(30));
    }

    @Benchmark
    public double[][] correlationMatrix20x20From60Bars() {
        return Correlations.matrix(bars, 60);
    }
}
