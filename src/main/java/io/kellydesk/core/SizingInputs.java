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
     * A hash of the content, without {@link #now}: two polls that brought the same data hash alike, so the
     * desk neither recomputes nor re-logs them.
     */
    public String contentHash() {
        StringBuilder text = new StringBuilder(512).append(symbol).append('|').append(lstm).append('|').append(ensemble)
                .append('|').append(payoff).append('|').append(account).append('|').append(quote).append('|');
        openExposures.stream().sorted(Comparator.comparing(OpenExposure::symbol).thenComparing(OpenExposure::side))
                .forEach(e -> text.append(e).append(';'));
        text.append('|').append(new TreeSet<>(unhealthyServices));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
