package dev.soba.streams.ingest.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffAndErrorsTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void delaysGrowExponentiallyUpToTheCapWithFullJitter() {
        assertThat(backoff.delay(1, 0.999, Optional.empty())).isEqualTo(Duration.ofMillis(99));
        assertThat(backoff.delay(4, 0.999, Optional.empty())).isEqualTo(Duration.ofMillis(799));
        assertThat(backoff.delay(30, 0.999, Optional.empty())).isEqualTo(Duration.ofMillis(4995));
        assertThat(backoff.delay(30, 0.0, Optional.empty())).isEqualTo(Duration.ZERO);
    }

    @Test
    void aServersRetryAfterIsHonouredUpToTheCap() {
        assertThat(backoff.delay(1, 0.5, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(1, 0.5, Optional.of(Duration.ofMinutes(2)))).isEqualTo(Duration.ofSeconds(5));
        assertThat(JsonRpcClient.retryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(JsonRpcClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
    }

    @Test
    void failuresAreSortedIntoRetryFallBackAndGiveUp() {
        assertThat(RpcErrors.classify(-32601, "the method eth_getBlockReceipts does not exist/is not available"))
                .isEqualTo(RpcException.Kind.UNSUPPORTED);
        assertThat(RpcErrors.classify(-32005, "daily request count exceeded, request rate limited"))
                .isEqualTo(RpcException.Kind.TRANSIENT);
        assertThat(RpcErrors.classify(429, "Too Many Requests")).isEqualTo(RpcException.Kind.TRANSIENT);
        assertThat(RpcErrors.classify(-32000, "header not found")).isEqualTo(RpcException.Kind.TRANSIENT);
        assertThat(RpcErrors.classify(-32603, "internal error")).isEqualTo(RpcException.Kind.TRANSIENT);
        assertThat(RpcErrors.classify(3, "execution reverted")).isEqualTo(RpcException.Kind.CALL_FAILED);
        assertThat(RpcErrors.classify(-32000, "execution reverted")).isEqualTo(RpcException.Kind.CALL_FAILED);
        assertThat(RpcErrors.classify(-32602, "invalid argument 0: hex string without 0x prefix"))
                .isEqualTo(RpcException.Kind.FATAL);
        assertThat(RpcErrors.classifyHttp(429)).isEqualTo(RpcException.Kind.TRANSIENT);
        assertThat(RpcErrors.classifyHttp(503)).isEqualTo(RpcException.Kind.TRANSIENT);
        assertThat(RpcErrors.classifyHttp(401)).isEqualTo(RpcException.Kind.FATAL);
    }

    @Test
    void thePacerHoldsTheRate() throws InterruptedException {
        final RequestPacer pacer = new RequestPacer(50);
        final long start = System.nanoTime();
        for (int i = 0; i < 75; i++) {
            pacer.acquire(1);
        }
        // 50 from the first second's bucket, 25 more at 50/s: at least about half a second
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(400));
    }
}
