package io.kellydesk.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one recommendation is computed from. Missing data stays missing (empty), so the sizer can
 * fail closed with a reason instead of assuming a number.
 *
 * @param now               the time the recommendation is made (for input ages)
 * @param payoff            the symbol's closed-trade statistics in the lookback window
 * @param openExposures     the open positions with their risk and their correlation to this symbol
 * @param unhealthyServices names of upstream services that are down or refuse us
 */
public record SizingInputs(String symbol, Instant now, Optional<Prediction> lstm, Optional<Prediction> ensemble,
                           PayoffStatistics payoff, Optional<Account> account, Optional<Quote> quote,
                           List<OpenExposure> openExposures, Set<String> unhealthyServices) {

    public SizingInputs {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lstm, "lstm");
        Objects.requireNonNull(ensemble, "ensemble");
        Objects.requireNonNull(payoff, "payoff");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(quote, "quote");
        openExposures = List.copyOf(openExposures);
        unhealthyServices = Set.copyOf(unhealthyServices);
    }

    public Optional<Prediction> prediction(ModelId model) {
        return model == ModelId.LSTM ? lstm : ensemble;
    }

    public SizingInputs at(Instant later) {
        return new SizingInputs(symbol, later, lstm, ensemble, payoff, account, quote, openExposures, unhealthyServices);
    }

    /**
     * A hash of what the size depends on, without times: two polls that brought the same predictions, trade
     * statistics, equity, point value and ATR hash alike, so the desk neither recomputes nor re-logs them.
     * Freshness is not in it; the engine keys its cache on freshness separately. The last price is not in it
     * either: the method does not use it.
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
        text.append('|').append(payoff).append('|');
        account.ifPresent(a -> text.append(a.equityCurrency()).append(',').append(a.peakEquityCurrency()));
        text.append('|');
        quote.ifPresent(q -> text.append(q.pointValueCurrency()).append(',').append(q.atrPoints()));
        text.append('|');
        openExposures.stream().sorted(Comparator.comparing(OpenExposure::symbol).thenComparing(OpenExposure::side))
                .forEach(e -> text.append(e).append(';'));
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
}
