package io.kellydesk.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.UpstreamService;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The desk's one HTTP client (one connection pool, one dispatcher) and the rules every request follows:
 * bearer token when configured, bounded body reads, and every misbehaviour turned into a typed failure.
 * Calls are blocking; callers run them on background (virtual) threads, never on the FX thread.
 */
public final class UpstreamHttp implements AutoCloseable {

    /** Largest body the desk reads; a bigger one is refused, not buffered. */
    public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final byte[] NO_BYTES = new byte[0];

    /**
     * How long an idle connection stays in the pool: below the servers' idle timeout (the JDK's HttpServer, which the
     * demo runs, closes idle connections after 30 s), so the desk does not send on a connection the server dropped.
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final OkHttpClient client;
    /** Same settings, no pool: every call opens a new connection (the one retry of a GET on a dead reused one). */
    private final OkHttpClient freshConnections;
    private final Map<UpstreamService, ServicesSettings.Endpoint> endpoints;
    private final Map<UpstreamService, HttpUrl> baseUrls;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    public UpstreamHttp(ServicesSettings settings) {
        this.endpoints = Map.copyOf(settings.endpoints());
        Map<UpstreamService, HttpUrl> parsed = new java.util.EnumMap<>(UpstreamService.class);
        endpoints.forEach((service, endpoint) -> {
            HttpUrl base = HttpUrl.parse(endpoint.baseUrl());
            if (base != null) {
                parsed.put(service, base);
            }
        });
        this.baseUrls = Map.copyOf(parsed); // parsed once: 2,000 requests a cycle each re-parsing it showed in profiles
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(512);
        dispatcher.setMaxRequestsPerHost(128);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (baseUrls.values().stream().noneMatch(HttpUrl::isHttps)) {
            // No https service (the demo, a loopback test rig): plain HTTP only, so OkHttp does not load the JDK's
            // trust store: parsing its ~150 certificates took ~0.7 s of CPU on a cold JVM, in the middle of the start.
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        this.client = builder
                .dispatcher(dispatcher)
                // as many idle as may run per host (no reconnect churn), never kept past the servers' idle timeout
                .connectionPool(new ConnectionPool(128, KEEP_ALIVE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .retryOnConnectionFailure(false) // retries are the poller's, with backoff and the breaker
                .eventListenerFactory(call -> {
                    ConnectionUse use = call.request().tag(ConnectionUse.class);
                    return use != null ? use : okhttp3.EventListener.NONE;
                })
                .build();
        this.freshConnections = client.newBuilder().connectionPool(new ConnectionPool(0, 1, java.util.concurrent.TimeUnit.SECONDS)).build();
    }

    public boolean isConfigured(UpstreamService service) {
        return endpoints.containsKey(service);
    }

    /** The service's base URL with {@code path} and query parameters, or empty when not configured. */
    public Optional<HttpUrl> url(UpstreamService service, String path, Consumer<HttpUrl.Builder> query) {
        HttpUrl base = baseUrls.get(service);
        if (base == null) {
            return Optional.empty();
        }
        HttpUrl.Builder builder = base.newBuilder().addPathSegments(path.startsWith("/") ? path.substring(1) : path);
        query.accept(builder);
        return Optional.of(builder.build());
    }

    /** GET and parse as JSON. */
    public FeedResult<JsonNode> get(UpstreamService service, String path, Consumer<HttpUrl.Builder> query) {
        return getBytes(service, path, query).then(this::json);
    }

    /**
     * GET and return the 2xx body's bytes, not yet parsed (for callers that skip parsing a body they have seen
     * before); non-2xx answers are failures with the service's reason, as for {@link #get}.
     */
    public FeedResult<byte[]> getBytes(UpstreamService service, String path, Consumer<HttpUrl.Builder> query) {
        Optional<HttpUrl> url = url(service, path, query);
        if (url.isEmpty()) {
            return notConfigured(service);
        }
        return execute(service, new Request.Builder().url(url.get()).get(), true);
    }

    /** A 2xx body as a JSON object, or MALFORMED. */
    public FeedResult<JsonNode> json(byte[] body) {
        try {
            JsonNode json = mapper.readTree(body);
            if (json == null || !json.isObject()) {
                return FeedResult.malformed("body is not a JSON object");
            }
            return FeedResult.ok(json);
        } catch (IOException e) {
            return FeedResult.malformed("not JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** POST a JSON body and parse the answer; non-2xx answers come back as failures with the service's reason. */
    public FeedResult<JsonNode> post(UpstreamService service, String path, String jsonBody) {
        Optional<HttpUrl> url = url(service, path, b -> { });
        if (url.isEmpty()) {
            return notConfigured(service);
        }
        return execute(service, new Request.Builder().url(url.get()).post(RequestBody.create(jsonBody, JSON)), false).then(this::json);
    }

    /**
     * @param idempotent a GET: when it fails on a connection that was closed under it (the server dropped a pooled
     *                   connection: reset, or an end of stream before any answer), it is sent once more on a fresh
     *                   connection. A refused connection or a timeout is not retried here (the poller backs off).
     */
    private FeedResult<byte[]> execute(UpstreamService service, Request.Builder request, boolean idempotent) {
        endpoints.get(service).token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        request.header("Accept", "application/json");
        ConnectionUse use = new ConnectionUse();
        Request built = request.tag(ConnectionUse.class, use).build();
        long start = System.nanoTime();
        FeedResult<byte[]> first = call(client, built, start);
        if (idempotent && !use.opened && first instanceof FeedResult.Failed<byte[]> failed
                && failed.failure().kind() == FeedFailure.Kind.CONNECTION && failed.failure().message().startsWith(DROPPED)) {
            return call(freshConnections, built.newBuilder().tag(ConnectionUse.class, new ConnectionUse()).build(), start);
        }
        return first;
    }

    /** Whether a call opened its own connection; a call that did not ran on a pooled one. */
    private static final class ConnectionUse extends okhttp3.EventListener {
        volatile boolean opened;

        @Override
        public void connectStart(okhttp3.Call call, java.net.InetSocketAddress address, java.net.Proxy proxy) {
            opened = true;
        }
    }

    private static final String DROPPED = "connection failed: ";

    private FeedResult<byte[]> call(OkHttpClient http, Request request, long start) {
        try (Response response = http.newCall(request).execute()) {
            return classify(response, start);
        } catch (InterruptedIOException e) {
            return failed(FeedFailure.of(FeedFailure.Kind.TIMEOUT, "no answer in time (" + e.getMessage() + ")"), start);
        } catch (ConnectException e) {
            return failed(FeedFailure.of(FeedFailure.Kind.CONNECTION, "connection refused: " + e.getMessage()), start);
        } catch (UnknownHostException e) {
            return failed(FeedFailure.of(FeedFailure.Kind.CONNECTION, "unknown host: " + e.getMessage()), start);
        } catch (IOException e) {
            return failed(FeedFailure.of(FeedFailure.Kind.CONNECTION, DROPPED + e.getMessage()), start);
        } catch (Exception e) {
            // OkHttp (Kotlin) lets an InterruptedException out of its connect wait undeclared. An interrupt means the
            // desk is closing or replacing this client: a failed call (a handoff stays retryable under the same id).
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return failed(FeedFailure.of(FeedFailure.Kind.CONNECTION, "interrupted: the desk is closing this connection"), start);
            }
            throw e;
        }
    }

    private FeedResult<byte[]> classify(Response response, long start) {
        int code = response.code();
        Optional<Duration> retryAfter = retryAfter(response.header("Retry-After"));
        BodyRead body = readBounded(response.body());
        if (code >= 200 && code < 300) {
            if (body.failure != null) {
                return failed(body.failure, start);
            }
            if (isBlank(body.bytes)) {
                return failed(FeedFailure.of(FeedFailure.Kind.MALFORMED, "empty body"), start);
            }
            return new FeedResult.Ok<>(body.bytes, Duration.ofNanos(System.nanoTime() - start));
        }
        String reason = errorReason(body);
        FeedFailure.Kind kind = switch (code) {
            case 401, 403 -> FeedFailure.Kind.AUTHENTICATION;
            case 404 -> FeedFailure.Kind.NOT_FOUND;
            case 503 -> FeedFailure.Kind.UNAVAILABLE;
            default -> code >= 500 ? FeedFailure.Kind.SERVER_ERROR : FeedFailure.Kind.CLIENT_ERROR;
        };
        String words = switch (kind) {
            case AUTHENTICATION -> "authentication refused (check the service token)";
            case NOT_FOUND -> "unknown symbol or path";
            case UNAVAILABLE -> "warming up or overloaded";
            case SERVER_ERROR -> "service failure";
            default -> "request refused";
        };
        // The service's own reason first: it is what an operator needs; the generic words follow.
        return failed(new FeedFailure(kind, reason.isEmpty() ? words : reason + " (" + words + ")", code, retryAfter), start);
    }

    private String errorReason(BodyRead body) {
        if (body.failure != null || isBlank(body.bytes)) {
            return "";
        }
        try {
            return ContractParser.errorMessage(mapper.readTree(body.bytes));
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private record BodyRead(byte[] bytes, FeedFailure failure) {
    }

    /** Reads at most MAX_BODY_BYTES; a longer body is a TOO_LARGE failure, a cut-off one a CONNECTION failure. */
    private static BodyRead readBounded(ResponseBody body) {
        if (body == null) {
            return new BodyRead(NO_BYTES, null);
        }
        long declared = body.contentLength();
        if (declared > MAX_BODY_BYTES) {
            return new BodyRead(NO_BYTES, FeedFailure.of(FeedFailure.Kind.TOO_LARGE,
                    "body of " + declared + " bytes is over the " + MAX_BODY_BYTES + "-byte limit"));
        }
        try {
            BufferedSource source = body.source();
            if (source.request(MAX_BODY_BYTES + 1)) {
                return new BodyRead(NO_BYTES, FeedFailure.of(FeedFailure.Kind.TOO_LARGE, "body is over the " + MAX_BODY_BYTES + "-byte limit"));
            }
            return new BodyRead(source.getBuffer().readByteArray(), null);
        } catch (IOException e) {
            return new BodyRead(NO_BYTES, FeedFailure.of(FeedFailure.Kind.CONNECTION, "body cut off while reading: " + e.getMessage()));
        }
    }

    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(java.time.Instant.now(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private static <T> FeedResult<T> failed(FeedFailure failure, long start) {
        return new FeedResult.Failed<>(failure, Duration.ofNanos(System.nanoTime() - start));
    }

    private static <T> FeedResult<T> notConfigured(UpstreamService service) {
        return new FeedResult.Failed<>(FeedFailure.of(FeedFailure.Kind.NOT_CONFIGURED,
                "no base URL configured for " + service.displayName()), Duration.ZERO);
    }

    /** Closes the connection pool and the dispatcher (OkHttp's own threads). Any thread. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        freshConnections.connectionPool().evictAll();
    }
}
