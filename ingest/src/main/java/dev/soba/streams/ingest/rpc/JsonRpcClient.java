package dev.soba.streams.ingest.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * JSON-RPC over HTTP with web3j's {@link HttpService} and raw {@link Request}s (the answer kept as a
 * JSON tree, so every field the node sends reaches the mappers, including those web3j's typed
 * responses do not know). Transient failures (connection errors, HTTP 429 and 5xx, rate-limit and
 * internal error codes) are retried with {@link Backoff}, honouring {@code Retry-After}; requests are
 * paced to {@code --rate}. Counts requests and retries for the metrics.
 */
public final class JsonRpcClient implements AutoCloseable {

    private final HttpService service;
    private final RequestPacer pacer;
    private final Backoff backoff;
    private final int maxAttempts;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile String lastFailure = "";

    /** A raw answer: {@code result} as a tree. */
    public static final class RawResponse extends Response<JsonNode> {
    }

    /** An HTTP status worth retrying, raised inside OkHttp so web3j passes it up as an {@link IOException}. */
    static final class HttpStatusException extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient Optional<Duration> retryAfter;

        HttpStatusException(final int status, final Optional<Duration> retryAfter, final String body) {
            super("HTTP " + status + (body.isBlank() ? "" : ": " + body));
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    /**
     * @param url         the node's HTTP JSON-RPC endpoint
     * @param rate        requests per second at most (0: no limit); each request of a batch counts
     * @param backoff     pauses between retries
     * @param maxAttempts attempts per request before a transient failure is given up (0: never give up)
     * @param timeout     per HTTP call
     */
    public JsonRpcClient(final String url, final double rate, final Backoff backoff, final int maxAttempts,
            final Duration timeout) {
        final Interceptor statusCheck = chain -> {
            final okhttp3.Response response = chain.proceed(chain.request());
            if (RpcErrors.classifyHttp(response.code()) == RpcException.Kind.TRANSIENT && !response.isSuccessful()) {
                final Optional<Duration> retryAfter = retryAfter(response.header("Retry-After"));
                final String body = response.body() == null ? "" : abbreviate(response.body().string());
                response.close();
                throw new HttpStatusException(response.code(), retryAfter, body);
            }
            return response;
        };
        final OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .addInterceptor(statusCheck)
                .build();
        this.service = new HttpService(url, http);
        this.pacer = new RequestPacer(rate);
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    /** The result of one request; {@link NullNode} when the node answered {@code null}. */
    public JsonNode call(final String method, final List<?> params) {
        return withRetries(method, 1, () -> {
            final Request<?, RawResponse> request = new Request<>(method, params, service, RawResponse.class);
            return result(method, request.send());
        });
    }

    /** Many requests of one method in one HTTP call; results in the order of {@code paramsList}. */
    public List<JsonNode> batch(final String method, final List<? extends List<?>> paramsList) {
        if (paramsList.isEmpty()) {
            return List.of();
        }
        return withRetries(method, paramsList.size(), () -> {
            final BatchRequest batch = new BatchRequest(service);
            final List<Request<?, RawResponse>> sent = new ArrayList<>();
            for (final List<?> params : paramsList) {
                final Request<?, RawResponse> request = new Request<>(method, params, service, RawResponse.class);
                sent.add(request);
                batch.add(request);
            }
            final BatchResponse answer = batch.send();
            // nodes may answer a batch in any order: match by id
            final Map<Long, Response<?>> byId = new HashMap<>();
            answer.getResponses().forEach(r -> byId.put(r.getId(), r));
            final List<JsonNode> results = new ArrayList<>();
            for (final Request<?, RawResponse> request : sent) {
                final Response<?> response = byId.get(request.getId());
                if (response == null) {
                    throw new RpcException(RpcException.Kind.TRANSIENT, method, "no answer for request " + request.getId()
                            + " of a batch", null);
                }
                results.add(result(method, (RawResponse) response));
            }
            return results;
        });
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    /** The last failure that was retried or given up, for the progress line. */
    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (final IOException ignored) {
            // nothing left to release
        }
    }

    private interface Attempt<T> {
        T run() throws IOException;
    }

    private <T> T withRetries(final String method, final int size, final Attempt<T> attempt) {
        int attempts = 0;
        while (true) {
            attempts++;
            Optional<Duration> retryAfter = Optional.empty();
            RpcException failure;
            try {
                pacer.acquire(size);
                requests.addAndGet(size);
                return attempt.run();
            } catch (final InterruptedException | InterruptedIOException e) {
                Thread.currentThread().interrupt();
                throw new RpcException(RpcException.Kind.FATAL, method, "interrupted", e);
            } catch (final HttpStatusException e) {
                retryAfter = e.retryAfter;
                failure = new RpcException(RpcException.Kind.TRANSIENT, method, e.getMessage(), e);
            } catch (final IOException e) {
                failure = new RpcException(RpcException.Kind.TRANSIENT, method, describe(e), e);
            } catch (final ClientConnectionException e) {
                failure = new RpcException(RpcException.Kind.FATAL, method, e.getMessage(), e);
            } catch (final RpcException e) {
                failure = e;
            }
            lastFailure = failure.getMessage();
            if (failure.kind() != RpcException.Kind.TRANSIENT || maxAttempts > 0 && attempts >= maxAttempts) {
                throw failure;
            }
            retries.incrementAndGet();
            sleep(method, backoff.delay(attempts, ThreadLocalRandom.current().nextDouble(), retryAfter));
        }
    }

    private static JsonNode result(final String method, final RawResponse response) {
        if (response.hasError()) {
            final Response.Error error = response.getError();
            throw new RpcException(RpcErrors.classify(error.getCode(), error.getMessage()), method,
                    "error " + error.getCode() + ": " + error.getMessage()
                            + (error.getData() == null ? "" : " (" + abbreviate(error.getData()) + ")"), null);
        }
        final JsonNode result = response.getResult();
        return result == null ? NullNode.getInstance() : result;
    }

    private static void sleep(final String method, final Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(RpcException.Kind.FATAL, method, "interrupted", e);
        }
    }

    static Optional<Duration> retryAfter(final String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (final NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    private static String describe(final IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String abbreviate(final String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }
}
