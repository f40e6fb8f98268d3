package dev.soba.streams.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.api.testing.RealServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token bucket on the real Redis of the integration tests. Two limiters with their own Vert.x
 * and their own Redis connections stand for two application instances. (A {@code @QuarkusTest}
 * only to share the servers of the other integration tests, which live in Quarkus' class loader.)
 */
@QuarkusTest
@WithTestResource(RealServersResource.class)
class RateLimiterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static Vertx vertxA;
    private static Vertx vertxB;
    private static Redis redisA;
    private static Redis redisB;

    @BeforeAll
    static void connect() {
        vertxA = Vertx.vertx();
        vertxB = Vertx.vertx();
        redisA = Redis.createClient(vertxA, options());
        redisB = Redis.createClient(vertxB, options());
    }

    @AfterAll
    static void close() {
        redisA.close();
        redisB.close();
        vertxA.closeAndAwait();
        vertxB.closeAndAwait();
    }

    /** The pool the application configures (quarkus.redis.max-pool-size / max-pool-waiting). */
    private static RedisOptions options() {
        return new RedisOptions().setConnectionString(RealServersResource.redisUrl()).setMaxPoolSize(16).setMaxPoolWaiting(1024);
    }

    private static String bucket() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void twoInstancesSharingRedisNeverAllowMoreThanTheBucket() {
        final RateLimiter instanceA = new RateLimiter(redisA, TIMEOUT, Duration.ofSeconds(5));
        final RateLimiter instanceB = new RateLimiter(redisB, TIMEOUT, Duration.ofSeconds(5));
        final Rate rate = Rate.parse("50/h");
        final String bucket = bucket();
        final List<Uni<Verdict>> requests = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            requests.add(instanceA.acquire(bucket, rate));
            requests.add(instanceB.acquire(bucket, rate));
        }
        // all 300 in flight at once, half through each instance
        final List<Verdict> verdicts = Uni.join().all(requests).andFailFast().await().atMost(WAIT);

        assertThat(verdicts.stream().filter(Verdict::allowed)).hasSize(50);
        assertThat(verdicts).allSatisfy(verdict -> assertThat(verdict.limit()).isEqualTo(50));
        assertThat(verdicts.stream().filter(Verdict::allowed).map(Verdict::remaining))
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 50).boxed().toList());
        assertThat(verdicts.stream().filter(verdict -> !verdict.allowed()))
                .allSatisfy(refused -> assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(72)));
    }

    @Test
    void tokensComeBackAtTheRate() throws InterruptedException {
        final RateLimiter limiter = new RateLimiter(redisA, TIMEOUT, Duration.ofSeconds(5));
        final Rate rate = Rate.parse("4/s");
        final String bucket = bucket();
        for (int i = 3; i >= 0; i--) {
            final Verdict verdict = limiter.acquire(bucket, rate).await().atMost(WAIT);
            assertThat(verdict.allowed()).isTrue();
            assertThat(verdict.remaining()).isEqualTo(i);
        }
        final Verdict refused = limiter.acquire(bucket, rate).await().atMost(WAIT);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(250));
        assertThat(refused.reset()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));

        Thread.sleep(refused.retryAfter().toMillis() + 50);
        assertThat(limiter.acquire(bucket, rate).await().atMost(WAIT).allowed()).isTrue();
    }

    @Test
    void theScriptIsLoadedAgainWhenRedisForgetsIt() {
        final RateLimiter limiter = new RateLimiter(redisA, TIMEOUT, Duration.ofSeconds(5));
        final String bucket = bucket();
        assertThat(limiter.acquire(bucket, Rate.parse("5/m")).await().atMost(WAIT).remaining()).isEqualTo(4);
        redisA.send(Request.cmd(Command.SCRIPT).arg("FLUSH")).await().atMost(WAIT);
        assertThat(limiter.acquire(bucket, Rate.parse("5/m")).await().atMost(WAIT).remaining()).isEqualTo(3);
    }

    @Test
    void withoutRedisTheGateFollowsItsPolicyQuicklyAndCountsIt() throws IOException {
        final Redis nowhere = Redis.createClient(vertxA, "redis://127.0.0.1:" + freePort());
        try {
            final RateLimiter limiter = new RateLimiter(nowhere, Duration.ofMillis(300), Duration.ofSeconds(30));
            final long start = System.nanoTime();
            assertThatThrownBy(() -> limiter.acquire(bucket(), Rate.parse("5/m")).await().atMost(WAIT))
                    .isInstanceOf(RateLimiter.UnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            // paused: not even tried again
            final long again = System.nanoTime();
            final SimpleMeterRegistry registry = new SimpleMeterRegistry();
            final Decision open = new RateLimitGate(limiter, true, registry).check(bucket(), "read", Rate.parse("5/m")).await().atMost(WAIT);
            assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofMillis(100));
            assertThat(open).isInstanceOfSatisfying(Decision.Unchecked.class, unchecked -> assertThat(unchecked.pass()).isTrue());
            assertThat(registry.get(RateLimitGate.METRIC).tag("group", "read").tag("outcome", "unchecked").counter().count()).isEqualTo(1);

            final Decision closed = new RateLimitGate(limiter, false, registry).check(bucket(), "read", Rate.parse("5/m")).await().atMost(WAIT);
            assertThat(closed).isInstanceOfSatisfying(Decision.Unchecked.class, unchecked -> assertThat(unchecked.pass()).isFalse());
        } finally {
            nowhere.close();
        }
    }

    @Test
    void theGateCountsAllowedAndLimited() {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final RateLimitGate gate = new RateLimitGate(new RateLimiter(redisA, TIMEOUT, Duration.ofSeconds(5)), true, registry);
        final String bucket = bucket();
        for (int i = 0; i < 3; i++) {
            gate.check(bucket, "write", Rate.parse("2/h")).await().atMost(WAIT);
        }
        assertThat(registry.get(RateLimitGate.METRIC).tag("group", "write").tag("outcome", "allowed").counter().count()).isEqualTo(2);
        assertThat(registry.get(RateLimitGate.METRIC).tag("group", "write").tag("outcome", "limited").counter().count()).isEqualTo(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
