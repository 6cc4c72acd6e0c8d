package io.kellydesk.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.core.OrderGateway;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /orders} to the trading engine over the desk's one HTTP client. Classifies each answer for the
 * handoff: 200/201 accepted; 409, 422 and other 4xx rejected with the engine's reason; 401/403 authentication;
 * everything that may not have reached the engine (timeout, connection, 5xx, 429, a garbled 2xx) retryable —
 * resending the same client order id is safe, the intake being idempotent on it.
 */
public final class EngineOrderGateway implements OrderGateway {

    private final Supplier<UpstreamHttp> http;

    /** @param http the current client (it is replaced when the services' settings change) */
    public EngineOrderGateway(Supplier<UpstreamHttp> http) {
        this.http = http;
    }

    @Override
    public Answer send(String requestJson) {
        UpstreamHttp client = http.get();
        if (client == null) {
            return new Answer.Retryable("the desk's connections are starting", Optional.empty());
        }
        FeedResult<JsonNode> result = client.post(UpstreamService.TRADING_ENGINE, "/orders", requestJson);
        if (result instanceof FeedResult.Ok<JsonNode> ok) {
            JsonNode body = ok.value();
            String orderId = body.path("order_id").asText("");
            if (orderId.isBlank()) {
                return new Answer.Retryable("the engine's answer has no order_id", Optional.empty());
            }
            return new Answer.Accepted(orderId, body.toString());
        }
        FeedFailure failure = ((FeedResult.Failed<JsonNode>) result).failure();
        return switch (failure.kind()) {
            case AUTHENTICATION -> new Answer.AuthenticationFailed(failure.httpStatus(), failure.message());
            case CLIENT_ERROR, NOT_FOUND -> failure.httpStatus() == 429
                    ? new Answer.Retryable("too many requests (429)", failure.retryAfter())
                    : new Answer.Rejected(failure.httpStatus(), failure.message(), "{\"error\":" + quote(failure.message()) + "}");
            case NOT_CONFIGURED -> new Answer.Rejected(0, "the trading engine's URL is not configured", "{}");
            default -> new Answer.Retryable(failure.toString(), failure.retryAfter());
        };
    }

    @Override
    public Lookup lookup(String clientOrderId) {
        UpstreamHttp client = http.get();
        if (client == null) {
            return new Lookup.Unknown("the desk's connections are starting");
        }
        FeedResult<io.kellydesk.core.EngineOrder> result = new UpstreamClient(client).order(clientOrderId);
        return switch (result) {
            case FeedResult.Ok<io.kellydesk.core.EngineOrder> ok -> new Lookup.Found(ok.value());
            case FeedResult.Failed<io.kellydesk.core.EngineOrder> failed -> failed.failure().kind() == FeedFailure.Kind.NOT_FOUND
                    ? new Lookup.NotFound() : new Lookup.Unknown(failed.failure().toString());
        };
    }

    private static String quote(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
