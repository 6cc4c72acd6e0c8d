package io.kellydesk.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one recommendation is computed from. An input that never arrived stays empty, and every input
 * carries the time it was last valid, so the sizer fails closed with a reason (spec step 0) instead of
 * assuming a number.
 *
 * @param now               the time the recommendation is made (for input ages)
 * @param payoff            the symbol's closed-trade statistics in the lookback window; empty: history never received
 * @param heldContracts     this symbol's signed position (+ long, − short), when the positions were received
 * @param workingContracts  this symbol's signed unfilled working orders (+ buy, − sell)
 * @param others            every other symbol with held + working ≠ 0, priced and correlated as far as known
 * @param asOf              per input, the time as of which its last valid answer holds (the time it was received,
 *                          or the service's own timestamp where older); absent: never received
 * @param unhealthyServices names of upstream services that are down or refuse us
 */
public record SizingInputs(String symbol, Instant now, Optional<Prediction> lstm, Optional<Prediction> ensemble,
                           Optional<PayoffStatistics> payoff, Optional<Account> account, Optional<Quote> quote,
                           int heldContracts, int workingContracts, List<Exposure> others, Map<InputKind, Instant> asOf,
                           Set<String> unhealthyServices) {

    public SizingInputs {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lstm, "lstm");
        Objects.requireNonNull(ensemble, "ensemble");
        Objects.requireNonNull(payoff, "payoff");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(quote, "quote");
        others = List.copyOf(others);
        EnumMap<InputKind, Instant> times = new EnumMap<>(InputKind.class);
        times.putAll(asOf);
        asOf = java.util.Collections.unmodifiableMap(times);
        unhealthyServices = Set.copyOf(unhealthyServices);
    }

    public static Builder builder(String symbol, Instant now) {
        return new Builder(symbol, now);
    }

    public Builder toBuilder() {
        Builder b = new Builder(symbol, now);
        b.lstm = lstm;
        b.ensemble = ensemble;
        b.payoff = payoff;
        b.account = account;
        b.quote = quote;
        b.held = heldContracts;
        b.working = workingContracts;
        b.others = others;
        b.asOf.putAll(asOf);
        b.unhealthy = unhealthyServices;
        return b;
    }

    public Optional<Prediction> prediction(ModelId model) {
        return model == ModelId.LSTM ? lstm : ensemble;
    }

    public SizingInputs at(Instant later) {
        return new SizingInputs(symbol, later, lstm, ensemble, payoff, account, quote, heldContracts, workingContracts, others,
                asOf, unhealthyServices);
    }

    /** x = held + working in this symbol, signed contracts (spec step 9). */
    public int exposureContracts() {
        return heldContracts + workingContracts;
    }

    /** How old the input's last valid answer is at {@link #now}; empty when it never arrived. Never negative. */
    public Optional<Duration> age(InputKind kind) {
        Instant t = asOf.get(kind);
        if (t == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(t, now);
        return Optional.of(age.isNegative() ? Duration.ZERO : age);
    }

    /** Spec step 0: never received, fresh, or older than its limit. */
    public InputKind.State state(InputKind kind, SizingSettings settings) {
        Optional<Duration> age = age(kind);
        if (age.isEmpty()) {
            return InputKind.State.NEVER;
        }
        return age.get().toMillis() <= kind.maxAgeSeconds(settings) * 1000.0 ? InputKind.State.FRESH : InputKind.State.STALE;
    }

    public boolean isFresh(InputKind kind, SizingSettings settings) {
        return state(kind, settings) == InputKind.State.FRESH;
    }

    /**
     * Which inputs are fresh now, one letter each (F fresh, S stale, - never): the engine keys its cache on it, so an
     * input ageing past its limit re-sizes the symbol although no data changed.
     */
    public String freshnessKey(SizingSettings settings) {
        StringBuilder bits = new StringBuilder(InputKind.values().length);
        for (InputKind kind : InputKind.values()) {
            if (kind == InputKind.BARS) {
                continue; // this symbol's own bars enter the other symbols' sizes (their ρ), never its own
            }
            bits.append(switch (state(kind, settings)) {
                case FRESH -> 'F';
                case STALE -> 'S';
                case NEVER -> '-';
            });
        }
        return bits.toString();
    }

    /**
     * A hash of what the size depends on, without times: two polls that brought the same predictions, trade
     * statistics, equity, point value, ATR and exposures hash alike, so the desk neither recomputes nor re-logs them.
     * Freshness is not in it; the engine keys its cache on {@link #freshnessKey} separately. The last price is not in
     * it either: the method does not use it.
     */
    public String contentHash() {
        return digest(canonicalText());
    }

    /** The text {@link #contentHash()} digests: equal text, equal size inputs. Cheap enough to compare per poll. */
    public String canonicalText() {
        StringBuilder text = new StringBuilder(512).append(symbol);
        for (Optional<Prediction> prediction : List.of(lstm, ensemble)) {
            text.append('|');
            prediction.ifPresent(p -> text.append(p.model()).append(',').append(p.direction()).append(',')
                    .append(p.confidence()).append(',').append(new java.util.TreeMap<>(p.memberConfidences())).append(',')
                    .append(p.modelVersion()));
        }
        text.append('|').append(payoff.map(PayoffStatistics::toString).orElse("no history")).append('|');
        account.ifPresent(a -> text.append(a.equityCurrency()).append(',').append(a.peakEquityCurrency()));
        text.append('|');
        quote.ifPresent(q -> text.append(q.pointValueCurrency()).append(',').append(q.atrPoints()));
        text.append('|').append(heldContracts).append(',').append(workingContracts).append('|');
        others.stream().sorted(Comparator.comparing(Exposure::symbol)).forEach(e -> text.append(e).append(';'));
        text.append('|').append(new TreeSet<>(unhealthyServices));
        return text.toString();
    }

    /** A short SHA-256 of {@code canonicalText}. */
    public static String digest(String canonicalText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Builds inputs a field at a time. A value given without a time is taken as valid as of its own timestamp
     * (predictions, quote, account) or as of {@code now} (history, positions, working orders).
     */
    public static final class Builder {
        private final String symbol;
        private final Instant now;
        private Optional<Prediction> lstm = Optional.empty();
        private Optional<Prediction> ensemble = Optional.empty();
        private Optional<PayoffStatistics> payoff = Optional.empty();
        private Optional<Account> account = Optional.empty();
        private Optional<Quote> quote = Optional.empty();
        private int held;
        private int working;
        private List<Exposure> others = List.of();
        private final Map<InputKind, Instant> asOf = new EnumMap<>(InputKind.class);
        private Set<String> unhealthy = Set.of();

        private Builder(String symbol, Instant now) {
            this.symbol = symbol;
            this.now = now;
        }

        public Builder prediction(Prediction p) {
            return prediction(p, p.timestamp());
        }

        public Builder prediction(Prediction p, Instant validAsOf) {
            if (p.model() == ModelId.LSTM) {
                lstm = Optional.of(p);
            } else {
                ensemble = Optional.of(p);
            }
            asOf.put(InputKind.prediction(p.model()), validAsOf);
            return this;
        }

        public Builder payoff(PayoffStatistics stats) {
            return payoff(stats, now);
        }

        public Builder payoff(PayoffStatistics stats, Instant validAsOf) {
            payoff = Optional.of(stats);
            asOf.put(InputKind.TRADE_HISTORY, validAsOf);
            return this;
        }

        public Builder account(Account a) {
            return account(a, a.timestamp());
        }

        public Builder account(Account a, Instant validAsOf) {
            account = Optional.of(a);
            asOf.put(InputKind.ACCOUNT, validAsOf);
            return this;
        }

        public Builder quote(Quote q) {
            return quote(q, q.timestamp());
        }

        public Builder quote(Quote q, Instant validAsOf) {
            quote = Optional.of(q);
            asOf.put(InputKind.QUOTE, validAsOf);
            return this;
        }

        /** This symbol's held position and the positions' time (the others' go in {@link #others}). */
        public Builder positions(int heldContracts, Instant validAsOf) {
            held = heldContracts;
            asOf.put(InputKind.POSITIONS, validAsOf);
            return this;
        }

        public Builder positions(int heldContracts) {
            return positions(heldContracts, now);
        }

        /** This symbol's working contracts; {@code validAsOf} empty when they are counted from the desk's own handoffs. */
        public Builder working(int workingContracts, Optional<Instant> validAsOf) {
            working = workingContracts;
            validAsOf.ifPresentOrElse(t -> asOf.put(InputKind.WORKING_ORDERS, t), () -> asOf.remove(InputKind.WORKING_ORDERS));
            return this;
        }

        public Builder working(int workingContracts) {
            return working(workingContracts, Optional.of(now));
        }

        public Builder bars(Instant validAsOf) {
            asOf.put(InputKind.BARS, validAsOf);
            return this;
        }

        public Builder others(List<Exposure> exposures) {
            others = List.copyOf(exposures);
            return this;
        }

        public Builder others(Exposure... exposures) {
            return others(List.of(exposures));
        }

        public Builder unhealthy(Set<String> services) {
            unhealthy = Set.copyOf(services);
            return this;
        }

        /** Forgets an input, as if it had never arrived. */
        public Builder without(InputKind kind) {
            asOf.remove(kind);
            switch (kind) {
                case LSTM_PREDICTION -> lstm = Optional.empty();
                case ENSEMBLE_PREDICTION -> ensemble = Optional.empty();
                case TRADE_HISTORY -> payoff = Optional.empty();
                case ACCOUNT -> account = Optional.empty();
                case QUOTE -> quote = Optional.empty();
                case POSITIONS -> held = 0;
                case WORKING_ORDERS -> { }
                case BARS -> { }
            }
            return this;
        }

        /** Moves the input's valid-as-of time (to make it older than its limit, say). */
        public Builder asOf(InputKind kind, Instant validAsOf) {
            asOf.put(kind, validAsOf);
            return this;
        }

        public SizingInputs build() {
            return new SizingInputs(symbol, now, lstm, ensemble, payoff, account, quote, held, working, others, asOf, unhealthy);
        }
    }
}
