package dev.soba.streams.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.keys.RateLimits;
import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The limits of a request answer problem+json, not an empty body: a declared body over 10 MiB
 * (413, without reading it) or a body without a declared length (411), a request target over 8 KiB (414),
 * headers over 16 KiB (431);
 * OPTIONS on /api paths is a 405 with Allow, and the health probes refuse PUT and DELETE.
 * Raw HTTP/1.1 over a socket where a client library would not send such a request.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class EdgeLimitsTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    ApiKeys keys;

    /** A status, its headers (lower-case names) and body, as read off the socket. */
    record Raw(int status, String head, String body) {
        String header(final String name) {
            return head.lines().filter(line -> line.toLowerCase().startsWith(name.toLowerCase() + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse(null);
        }
    }

    private Raw raw(final String requestHead) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(60_000);
            final OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            final InputStream in = socket.getInputStream();
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            final byte[] buffer = new byte[8192];
            int read;
            // Connection: close on every request below: the server ends the answer by closing
            while ((read = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, read);
            }
            final String answer = bytes.toString(StandardCharsets.UTF_8);
            final int split = answer.indexOf("\r\n\r\n");
            final String head = split < 0 ? answer : answer.substring(0, split);
            final String body = split < 0 ? "" : answer.substring(split + 4);
            return new Raw(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    private static void isProblem(final Raw answer, final int status) {
        assertThat(answer.status()).as(answer.head()).isEqualTo(status);
        assertThat(answer.header("content-type")).as(answer.head()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.body()).contains("\"status\":" + status).contains("\"request_id\"");
        assertThat(answer.header("x-request-id")).isNotBlank();
    }

    @Test
    void aDeclaredBodyOverTenMibIsA413ProblemWithoutReadingIt() throws IOException {
        final Raw answer = raw("POST /api/v1/data/process-event-stream HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + (10 * 1024 * 1024 + 1) + "\r\n"
                + "Connection: close\r\n\r\n");
        isProblem(answer, 413);
        assertThat(answer.body()).contains("10485760");
    }

    @Test
    void aChunkedBodyIsA411ProblemSoThatNoBodyIsCutOffWithoutOne() throws IOException {
        final String key = keys.store().create("edge-" + UUID.randomUUID(), Set.of("write"), RateLimits.parse(""))
                .await().atMost(Duration.ofSeconds(10)).secret();
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(90_000);
            final OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/data/process-event-stream HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            final byte[] chunk = ("100000\r\n" + "x".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            try {
                for (int mib = 0; mib < 12; mib++) {
                    out.write(chunk);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (final IOException closedEarly) {
                // the server answered and closed before the whole body was sent: what it answered is read below
            }
            final String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as(answer.length() > 500 ? answer.substring(0, 500) : answer).startsWith("HTTP/1.1 411");
            assertThat(answer.toLowerCase()).contains("content-type: " + Problem.MEDIA_TYPE);
            assertThat(answer).contains("\"status\":411").contains("Content-Length");
        }
    }

    @Test
    void aLongUrlIsA414AndLargeHeadersA431Problem() throws IOException {
        isProblem(raw("GET /api/v1/blocks/1?x=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                414);
        isProblem(raw("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(17_000)
                + "\r\nConnection: close\r\n\r\n"), 431);
        // within the limits the same requests are served
        given().get("/api/v1/health?x=" + "a".repeat(4000)).then().statusCode(200);
        given().header("X-Big", "b".repeat(8000)).get("/api/v1/health").then().statusCode(200);
    }

    @Test
    void optionsOnApiPathsIsA405WithAllowAndHealthProbesRefuseWrites() {
        final String key = keys.store().create("edge-" + UUID.randomUUID(), Set.of("read", "write"), RateLimits.parse(""))
                .await().atMost(Duration.ofSeconds(10)).secret();
        for (final String path : List.of("/api/v1/blocks/1", "/api/v1/data/process-event-stream",
                "/api/python/blockchain/detect-mev", "/api/v1/health")) {
            final Response answer = given().auth().oauth2(key).options(path);
            assertThat(answer.statusCode()).as(path + ": " + answer.asString()).isEqualTo(405);
            assertThat(answer.contentType()).as(path).startsWith(Problem.MEDIA_TYPE);
            assertThat(answer.header("Allow")).as(path).isNotBlank().doesNotContain("OPTIONS");
        }
        assertThat(given().auth().oauth2(key).options("/api/v1/data/process-event-stream").header("Allow")).contains("POST");
        for (final String method : List.of("PUT", "DELETE", "POST")) {
            for (final String probe : List.of("/q/health/ready", "/q/health/live", "/q/health")) {
                final Response answer = given().request(method, probe);
                assertThat(answer.statusCode()).as(method + " " + probe).isEqualTo(405);
                assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
                assertThat(answer.header("Allow")).isEqualTo("GET, HEAD");
            }
        }
        assertThat(given().get("/q/health/live").statusCode()).isEqualTo(200);
    }
}
