package dev.soba.streams.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.embedded.EmbeddedPostgres;
import dev.soba.streams.embedded.EmbeddedServers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ./soba demo} settles before it starts anything: its ports, and its stable API key. */
class DemoStartChecksTest {

    @TempDir
    Path dir;

    @Test
    void aTakenHttpPortIsNamedWithItsOptionBeforeAnythingStarts() throws Exception {
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        try (ServerSocket http = new ServerSocket()) {
            http.bind(new InetSocketAddress(0)); // every interface, as another web server would
            final Path data = dir.resolve("data");
            assertThatThrownBy(() -> DemoCommand.run(new String[] {"--data-dir", data.toString(),
                    "--http-port", Integer.toString(http.getLocalPort()),
                    "--kafka-port", Integer.toString(ports.kafka()),
                    "--kafka-controller-port", Integer.toString(ports.kafkaController()),
                    "--postgres-port", Integer.toString(ports.postgres()),
                    "--redis-port", Integer.toString(ports.redis())}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + http.getLocalPort() + " (the HTTP API) is in use")
                    .hasMessageContaining("--http-port PORT");
            assertThat(data.resolve("kafka")).doesNotExist();
        }
    }

    @Test
    void everyTakenPortIsNamedAtOnce() throws Exception {
        final EmbeddedServers.Ports ports = EmbeddedServers.Ports.random();
        try (ServerSocket kafka = new ServerSocket(); ServerSocket redis = new ServerSocket()) {
            kafka.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), ports.kafka()));
            redis.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), ports.redis()));
            assertThatThrownBy(() -> DemoCommand.requireFreePorts(ports, freePort()))
                    .hasMessageContaining("port " + ports.kafka() + " (Kafka) is in use")
                    .hasMessageContaining("--kafka-port PORT")
                    .hasMessageContaining("port " + ports.redis() + " (Redis) is in use")
                    .hasMessageContaining("--redis-port PORT")
                    .hasMessageNotContaining("--postgres-port");
        }
    }

    @Test
    void theDemoKeyIsStableForADataDirectoryKeptPrivateAndReplacedOnceRevoked() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(Optional.empty(), 0);
             KeyStoreConnection connection = KeyStoreConnection.open(postgres.reactiveUrl(), postgres.username(),
                     postgres.password())) {
            final DemoKey first = DemoKey.obtain(connection.store(), dir);
            final DemoKey second = DemoKey.obtain(connection.store(), dir);
            assertThat(first.reused()).isFalse();
            assertThat(second.reused()).isTrue();
            assertThat(second.secret()).isEqualTo(first.secret());
            assertThat(Files.readString(dir.resolve(DemoKey.FILE)).strip()).isEqualTo(first.secret());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(DemoKey.FILE))))
                    .isEqualTo("rw-------");
            assertThat(connection.store().authenticate(first.secret()).await().atMost(KeyStoreConnection.TIMEOUT))
                    .isPresent();

            connection.store().revoke(Long.toString(first.id())).await().atMost(KeyStoreConnection.TIMEOUT);
            final DemoKey third = DemoKey.obtain(connection.store(), dir);
            assertThat(third.reused()).isFalse();
            assertThat(third.secret()).isNotEqualTo(first.secret());
            assertThat(connection.store().authenticate(third.secret()).await().atMost(KeyStoreConnection.TIMEOUT))
                    .isPresent();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
