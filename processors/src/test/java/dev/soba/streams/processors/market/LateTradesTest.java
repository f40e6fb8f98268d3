package dev.soba.streams.processors.market;

import static dev.soba.streams.processors.market.LateTrades.Lateness.LATE_WITHIN_GRACE;
import static dev.soba.streams.processors.market.LateTrades.Lateness.ON_TIME;
import static dev.soba.streams.processors.market.LateTrades.Lateness.TOO_LATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LateTradesTest {

    private static final CandleInterval MINUTE = CandleInterval.ONE_MINUTE;
    private static final long START = 1_748_623_140_000L; // a minute boundary
    private static final long END = START + 60_000L;
    private static final Duration GRACE = Duration.ofSeconds(10);

    @Test
    void onTimeWhileStreamTimeIsInsideTheWindow() {
        for (final long trade : new long[] {START, START + 30_000, END - 1}) {
            assertThat(LateTrades.classify(trade, MINUTE, GRACE, START)).isEqualTo(ON_TIME);
            assertThat(LateTrades.classify(trade, MINUTE, GRACE, END - 1)).isEqualTo(ON_TIME);
            // Stream time behind the trade (the trade is the newest): on time too.
            assertThat(LateTrades.classify(trade, MINUTE, GRACE, START - 5_000)).isEqualTo(ON_TIME);
        }
    }

    @Test
    void lateButAcceptedFromTheWindowsEndUntilItsGraceEnds() {
        assertThat(LateTrades.classify(END - 1, MINUTE, GRACE, END)).isEqualTo(LATE_WITHIN_GRACE);
        assertThat(LateTrades.classify(START, MINUTE, GRACE, END)).isEqualTo(LATE_WITHIN_GRACE);
        assertThat(LateTrades.classify(START, MINUTE, GRACE, END + GRACE.toMillis() - 1)).isEqualTo(LATE_WITHIN_GRACE);
    }

    @Test
    void tooLateExactlyAtWindowEndPlusGrace() {
        assertThat(LateTrades.classify(START, MINUTE, GRACE, END + GRACE.toMillis())).isEqualTo(TOO_LATE);
        assertThat(LateTrades.classify(END - 1, MINUTE, GRACE, END + GRACE.toMillis())).isEqualTo(TOO_LATE);
        assertThat(LateTrades.classify(START, MINUTE, GRACE, Long.MAX_VALUE)).isEqualTo(TOO_LATE);
        // The next window's first trade is judged by its own window.
        assertThat(LateTrades.classify(END, MINUTE, GRACE, END + GRACE.toMillis())).isEqualTo(ON_TIME);
    }

    @Test
    void withoutGraceTheWindowIsFinalAtItsEnd() {
        assertThat(LateTrades.classify(END - 1, MINUTE, Duration.ZERO, END - 1)).isEqualTo(ON_TIME);
        assertThat(LateTrades.classify(END - 1, MINUTE, Duration.ZERO, END)).isEqualTo(TOO_LATE);
    }

    @Test
    void isFinalAtWindowEndPlusGraceAndNotBefore() {
        assertThat(LateTrades.isFinal(END, GRACE, END)).isFalse();
        assertThat(LateTrades.isFinal(END, GRACE, END + 9_999)).isFalse();
        assertThat(LateTrades.isFinal(END, GRACE, END + 10_000)).isTrue();
        assertThat(LateTrades.isFinal(END, Duration.ZERO, END)).isTrue();
        assertThat(LateTrades.isFinal(END, Duration.ZERO, END - 1)).isFalse();
        assertThat(LateTrades.isFinal(END, Duration.ofMillis(1_500).plusNanos(999_999), END + 1_500)).isTrue();
    }

    @Test
    void anEnormousGraceNeverOverflows() {
        assertThat(LateTrades.isFinal(END, Duration.ofSeconds(Long.MAX_VALUE), Long.MAX_VALUE - 1)).isFalse();
        assertThat(LateTrades.isFinal(Long.MAX_VALUE - 5, Duration.ofDays(1), Long.MAX_VALUE - 1)).isFalse();
        assertThat(LateTrades.classify(START, MINUTE, Duration.ofDays(365_000), END + 1)).isEqualTo(LATE_WITHIN_GRACE);
    }

    @Test
    void aNegativeGraceIsRejected() {
        assertThatThrownBy(() -> LateTrades.isFinal(END, Duration.ofMillis(-1), END))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }
}
