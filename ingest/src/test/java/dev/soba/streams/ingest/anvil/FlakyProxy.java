package dev.soba.streams.ingest.anvil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.soba.streams.schemas.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy in front of a real node that behaves like a strained provider: every {@code rateLimitEvery}-th
 * request is refused with HTTP 429 ({@code Retry-After: 0}), every {@code failEvery}-th with 503, and the
 * methods in {@code missing} answer JSON-RPC's "method not found" — everything else reaches the node.
 */
public final class FlakyProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public FlakyProxy(final String nodeUrl, final int rateLimitEvery, final int failEvery, final Set<String> missing) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> handle(exchange, nodeUrl, rateLimitEvery, failEvery, missing));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** HTTP requests refused with 429 or 503. */
    public long refused() {
        return refused.get();
    }

    private void handle(final HttpExchange exchange, final String nodeUrl, final int rateLimitEvery, final int failEvery,
            final Set<String> missing) throws IOException {
        try (exchange) {
            final byte[] body = exchange.getRequestBody().readAllBytes();
            final long n = requests.incrementAndGet();
            if (rateLimitEvery > 0 && n % rateLimitEvery == 0) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "0");
                respond(exchange, 429, "{\"error\":\"too many requests\"}".getBytes());
                return;
            }
            if (failEvery > 0 && n % failEvery == 0) {
                refused.incrementAndGet();
                respond(exchange, 503, "upstream unavailable".getBytes());
                return;
            }
            final JsonNode request = Json.tree(body);
            final JsonNode first = request.isArray() ? request.get(0) : request;
            if (first != null && missing.contains(first.path("method").asText())) {
                respond(exchange, 200, Json.write(notFound(request)));
                return;
            }
            final HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(nodeUrl))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            respond(exchange, answer.statusCode(), answer.body());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode notFound(final JsonNode request) {
        if (request.isArray()) {
            final ArrayNode answers = Json.mapper().createArrayNode();
            request.forEach(r -> answers.add(notFound(r)));
            return answers;
        }
        final ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("jsonrpc", "2.0");
        answer.set("id", request.get("id"));
        answer.putObject("error").put("code", -32601)
                .put("message", "the method " + request.path("method").asText() + " does not exist/is not available");
        return answer;
    }

    private static void respond(final HttpExchange exchange, final int status, final byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
