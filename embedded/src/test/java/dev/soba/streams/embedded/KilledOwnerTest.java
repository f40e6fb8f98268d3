package dev.soba.streams.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner of the embedded servers killed with {@code kill -9}: its PostgreSQL and Redis do not
 * outlive it, and if they did (their watch killed too), the next start on the same directory stops
 * them instead of refusing.
 */
class KilledOwnerTest {

    @TempDir
    Path dir;

    @Test
    void serversDieWithTheirKilledOwnerAndLeftoversAreStoppedByTheNextStart() throws Exception {
        final Path data = dir.resolve("data");

        final Owner first = Owner.start(data);
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertGone(first.postgres(), "PostgreSQL");
        assertGone(first.redis(), "Redis");

        // Now leave them behind on purpose: the watch is killed with its owner.
        final Owner second = Owner.start(data);
        ProcessHandle.of(second.watch()).ifPresent(ProcessHandle::destroyForcibly);
        second.process().destroyForcibly();
        assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1_000);
        assertThat(alive(second.postgres())).as("PostgreSQL left behind").isTrue();
        assertThat(alive(second.redis())).as("Redis left behind").isTrue();

        try (EmbeddedServers servers = EmbeddedServers.start(data, EmbeddedServers.Ports.random())) {
            assertThat(alive(second.postgres())).isFalse();
            assertThat(alive(second.redis())).isFalse();
            assertThat(servers.postgres().pid()).isPresent().get().isNotEqualTo(second.postgres());
            assertThat(servers.redis().pid()).isPresent().get().isNotEqualTo(second.redis());
        }
    }

    private static void assertGone(final long pid, final String server) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (alive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(alive(pid)).as(server + " (pid " + pid + ") outlived its killed owner").isFalse();
    }

    private static boolean alive(final long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private record Owner(Process process, long postgres, long redis, long watch) {
        static Owner start(final Path data) throws Exception {
            final List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), ServersOwnerMain.class.getName(), data.toString()));
            final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
                // start-up output
            }
            assertThat(line).as("the owner JVM started its servers").isNotNull();
            final String[] pids = line.split(" ");
            return new Owner(process, Long.parseLong(pids[1]), Long.parseLong(pids[2]), Long.parseLong(pids[3]));
        }
    }
}
