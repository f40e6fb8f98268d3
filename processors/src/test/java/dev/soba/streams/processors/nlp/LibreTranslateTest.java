package dev.soba.streams.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The LibreTranslate client: its languages as pairs, and a server that hangs. No LibreTranslate
 * server is installed here (it downloads its models), so the hanging server is the JDK's HTTP
 * server answering {@code /languages} in LibreTranslate's documented shape and never {@code /translate}.
 */
class LibreTranslateTest {

    private static final String LANGUAGES = """
            [{"code": "en", "name": "English", "targets": ["en", "es", "fr"]},
             {"code": "es", "name": "Spanish", "targets": ["en", "es"]}]""";

    @Test
    void languagesBecomePairsInIso6393() {
        assertThat(LibreTranslate.parsePairs(LANGUAGES)).containsExactly(new LanguagePair("eng", "fra"),
                new LanguagePair("eng", "spa"), new LanguagePair("spa", "eng"));
    }

    @Test
    void aServerThatHangsIsATimeoutNotAWait() throws IOException {
        final CountDownLatch never = new CountDownLatch(1);
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/languages", exchange -> {
            final byte[] body = LANGUAGES.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/translate", exchange -> {
            try {
                never.await();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        try (LibreTranslate client = LibreTranslate.connect("http://127.0.0.1:" + server.getAddress().getPort(), "",
                Duration.ofSeconds(1))) {
            assertThat(client.pairs()).contains(new LanguagePair("eng", "spa"));
            final long started = System.nanoTime();
            assertThatThrownBy(() -> client.translate(new LanguagePair("eng", "spa"), "Good morning"))
                    .isInstanceOfSatisfying(TranslationException.class,
                            failure -> assertThat(failure.kind()).isEqualTo(TranslationException.Kind.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        } finally {
            never.countDown();
            server.stop(0);
        }
    }

    @Test
    void aServerThatIsNotThereFailsToConnect() {
        assertThatThrownBy(() -> LibreTranslate.connect("http://127.0.0.1:1", "", Duration.ofSeconds(2)))
                .isInstanceOf(IOException.class);
    }
}
