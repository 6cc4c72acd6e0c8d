package io.kellydesk.feeds;

import java.time.Duration;
import java.util.function.Function;

/** A request's outcome: typed data, or a typed failure. Never an exception across the feed boundary. */
public sealed interface FeedResult<T> {

    Duration latency();

    record Ok<T>(T value, Duration latency) implements FeedResult<T> {
    }

    record Failed<T>(FeedFailure failure, Duration latency) implements FeedResult<T> {
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** Feeds the data to {@code next} (a parser); keeps this request's latency either way. */
    default <R> FeedResult<R> then(Function<T, FeedResult<R>> next) {
        return switch (this) {
            case Ok<T> ok -> switch (next.apply(ok.value())) {
                case Ok<R> parsed -> new Ok<>(parsed.value(), ok.latency());
                case Failed<R> failed -> new Failed<>(failed.failure(), ok.latency());
            };
            case Failed<T> failed -> new Failed<>(failed.failure(), failed.latency());
        };
    }

    static <T> FeedResult<T> ok(T value) {
        return new Ok<>(value, Duration.ZERO);
    }

    static <T> FeedResult<T> malformed(String message) {
        return new Failed<>(FeedFailure.of(FeedFailure.Kind.MALFORMED, message), Duration.ZERO);
    }
}
