package dev.soba.streams.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.soba.streams.api.keys.ApiKeys;
import dev.soba.streams.api.testing.RealServersResource;
import dev.soba.streams.cli.SimulationSupport;
import dev.soba.streams.simulator.GroundTruth;
import dev.soba.streams.simulator.Scenario;
import dev.soba.streams.simulator.SyntheticBlock;
import dev.soba.streams.simulator.SyntheticChain;
import dev.soba.streams.simulator.SyntheticFeed;
import dev.soba.streams.topology.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser (Debian's chromium driven by Playwright, no browser download) against the
 * application on the real embedded servers, fed by the market simulator: candles on the chart, a sandwich the
 * simulator injects appears in the live MEV feed within seconds, a wrong key is refused with a visible message,
 * no console errors; screenshots are saved under {@code target/dashboard} and checked not to be blank.
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("soba.chromium", "/usr/bin/chromium"));
    private static final Path SHOTS = Path.of("target", "dashboard");
    private static final double TIMEOUT_MS = 90_000;

    @TestHTTPResource("/")
    URL root;

    @Inject
    ApiKeys keys;

    @Test
    void candlesTheLiveMevFeedAndAWrongKeyInARealBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is needed at " + CHROMIUM
                + " (apt-get install chromium; .ci/run installs it)");
        final String key = keys.store().create("dashboard-" + UUID.randomUUID(), Set.of("read"))
                .await().atMost(Duration.ofSeconds(30)).secret();
        final String bootstrap = ConfigProvider.getConfig().getValue("soba.kafka.bootstrap-servers", String.class);
        final Topics topics = new Topics(ConfigProvider.getConfig().getOptionalValue("soba.topics.prefix", String.class).orElse(""));
        // heights of their own, far from every other test's; a block every 30 s of event time from five minutes
        // ago, so that the first blocks span several one-minute candles of the chart's default range (up to now)
        final long start = 700_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L);
        final SyntheticChain chain = new SyntheticChain(17, start, Instant.now().getEpochSecond() - 300, 30, Scenario.MARKET);
        SimulationSupport.registerPools(bootstrap, chain, topics);
        Files.createDirectories(SHOTS);
        final List<String> consoleErrors = new ArrayList<>();
        try (Producer<byte[], byte[]> producer = SimulationSupport.producer(bootstrap);
             SyntheticFeed feed = new SyntheticFeed(chain, producer, SimulationSupport.topicForType(topics), Duration.ofSeconds(1));
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            for (int i = 0; i < 8; i++) {
                feed.publishNextBlock();
            }
            producer.flush();
            final Page page = browser.newPage();
            page.setDefaultTimeout(TIMEOUT_MS);
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    consoleErrors.add(describe(message));
                }
            });
            page.onPageError(error -> consoleErrors.add("page error: " + error));
            page.navigate(root.toString());

            // a wrong key: refused, and the page says so
            page.fill("#key", "not-a-key");
            page.click("#key-form button[type=submit]");
            page.waitForSelector("#status.error");
            assertThat(page.textContent("#status")).contains("key refused");
            screenshot(page, "wrong-key.png");
            // the wrong key was not kept, and the right one is never put in the address
            assertThat(page.evaluate("sessionStorage.getItem('soba.api-key')")).isNull();
            // the browser itself logs every refused request as a console error: that one was expected
            consoleErrors.removeIf(error -> error.contains("401"));

            page.fill("#key", key);
            page.click("#key-form button[type=submit]");
            page.waitForFunction("document.getElementById('status').textContent.startsWith('connected')");
            assertThat(page.url()).doesNotContain(key);

            // Market: candles of the simulated pools
            page.waitForFunction("document.getElementById('market-info').textContent.match(/^([3-9]|[1-9][0-9]+) candles/)");
            final Locator chart = page.locator("#candle-chart canvas");
            chart.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            screenshot(page, "market.png");

            // MEV: the feed is live; blocks go on until the simulator has injected a sandwich, which must appear
            page.click("#tabs button[data-page=mev]");
            page.waitForFunction("document.getElementById('mev-live').textContent === 'live'");
            String sandwichBlock = null;
            final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sandwichBlock == null && System.nanoTime() < deadline) {
                final SyntheticBlock block = feed.publishNextBlock();
                for (final GroundTruth truth : block.groundTruth()) {
                    if (truth.kind() == GroundTruth.Kind.SANDWICH) {
                        sandwichBlock = Long.toString(block.number());
                    }
                }
                // the block after it lets the assembly know the sandwich's block is complete
                producer.flush();
            }
            assertThat(sandwichBlock).as("the simulator injected a sandwich within 60 blocks").isNotNull();
            for (int i = 0; i < 3; i++) {
                feed.publishNextBlock();
            }
            producer.flush();
            final String block = sandwichBlock;
            page.waitForFunction("b => [...document.querySelectorAll('#mev-feed tbody tr')].some(r => "
                    + "r.cells[1].textContent === 'sandwich' && r.cells[2].textContent === b)", block);
            screenshot(page, "mev.png");

            // Health: every area listed
            page.click("#tabs button[data-page=health]");
            page.waitForFunction("document.querySelectorAll('#health-areas tbody tr').length > 3");
            screenshot(page, "health.png");
            assertThat(consoleErrors).as("console errors").isEmpty();
        }
    }

    private static String describe(final ConsoleMessage message) {
        return message.text() + " at " + message.location();
    }

    /** Saves a screenshot and checks it is not blank: more than a handful of distinct colours. */
    private static void screenshot(final Page page, final String name) throws IOException {
        final byte[] png = page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
        final BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        final Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as(name + " is not blank").isGreaterThan(8);
    }
}
