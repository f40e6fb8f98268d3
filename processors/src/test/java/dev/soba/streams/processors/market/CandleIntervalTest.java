package dev.soba.streams.processors.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandleIntervalTest {

    @Test
    void parsesTheUsualIntervals() {
        assertThat(CandleInterval.parse("1m").millis()).isEqualTo(60_000L);
        assertThat(CandleInterval.parse("5m").millis()).isEqualTo(300_000L);
        assertThat(CandleInterval.parse("15m")).isEqualTo(CandleInterval.FIFTEEN_MINUTES);
        assertThat(CandleInterval.parse("1h")).isEqualTo(CandleInterval.ONE_HOUR);
        assertThat(CandleInterval.parse(" 4h ")).isEqualTo(CandleInterval.FOUR_HOURS);
        assertThat(CandleInterval.parse("1d").millis()).isEqualTo(86_400_000L);
        assertThat(CandleInterval.parse("30s").millis()).isEqualTo(30_000L);
        assertThat(CandleInterval.ONE_DAY.name()).isEqualTo("1d");
        assertThat(CandleInterval.ONE_MINUTE).hasToString("1m");
    }

    @Test
    void normalisesNamesSoOneLengthHasOneName() {
        assertThat(CandleInterval.parse("60m").name()).isEqualTo("1h");
        assertThat(CandleInterval.parse("24h").name()).isEqualTo("1d");
        assertThat(CandleInterval.parse("120s").name()).isEqualTo("2m");
        assertThat(CandleInterval.parse("90m").name()).isEqualTo("90m");
        assertThat(CandleInterval.parse("36h").name()).isEqualTo("36h");
        assertThat(CandleInterval.parse("60m")).isEqualTo(CandleInterval.ONE_HOUR)
                .hasSameHashCodeAs(CandleInterval.ONE_HOUR);
    }

    @Test
    void rejectsWhatIsNotAnIntervalWithAClearReason() {
        assertThatThrownBy(() -> CandleInterval.parse(null)).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> CandleInterval.parse("  ")).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> CandleInterval.parse("m")).hasMessageContaining("no number");
        assertThatThrownBy(() -> CandleInterval.parse("0m")).hasMessageContaining("it is zero");
        assertThatThrownBy(() -> CandleInterval.parse("-1m")).hasMessageContaining("'-1' is not a whole number");
        assertThatThrownBy(() -> CandleInterval.parse("1.5h")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> CandleInterval.parse("1 m")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> CandleInterval.parse("15")).hasMessageContaining("no unit");
        assertThatThrownBy(() -> CandleInterval.parse("1x")).hasMessageContaining("no unit");
        assertThatThrownBy(() -> CandleInterval.parse("1M")).hasMessageContaining("months");
        assertThatThrownBy(() -> CandleInterval.parse("1w")).hasMessageContaining("weeks");
        assertThatThrownBy(() -> CandleInterval.parse("1H")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> CandleInterval.parse("367d")).hasMessageContaining("longer than 366d");
        assertThatThrownBy(() -> CandleInterval.parse("99999999999999999999m")).hasMessageContaining("not a whole");
        assertThatThrownBy(() -> CandleInterval.parse("1x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid candle interval '1x'")
                .hasMessageContaining("e.g. 1m, 5m, 15m, 1h, 4h, 1d");
    }

    @Test
    void parsesListsShortestFirst() {
        assertThat(CandleInterval.parseList("1d, 1m,5m ,1h")).extracting(CandleInterval::name)
                .containsExactly("1m", "5m", "1h", "1d");
        assertThatThrownBy(() -> CandleInterval.parseList("1m,60m,1h")).hasMessageContaining("'1h' has the same length as an earlier entry (1h)");
        assertThatThrownBy(() -> CandleInterval.parseList("1m,,5m")).hasMessageContaining("an entry is empty");
        assertThatThrownBy(() -> CandleInterval.parseList("1m,")).hasMessageContaining("an entry is empty");
        assertThatThrownBy(() -> CandleInterval.parseList("")).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> CandleInterval.parseList("1m,7q")).hasMessageContaining("'7q'");
    }

    @Test
    void windowsAreAlignedToTheEpoch() {
        final long t = Instant.parse("2025-05-30T16:39:42.123Z").toEpochMilli();
        assertThat(CandleInterval.ONE_MINUTE.windowStart(t)).isEqualTo(Instant.parse("2025-05-30T16:39:00Z").toEpochMilli());
        assertThat(CandleInterval.FIVE_MINUTES.windowStart(t)).isEqualTo(Instant.parse("2025-05-30T16:35:00Z").toEpochMilli());
        assertThat(CandleInterval.FIFTEEN_MINUTES.windowEnd(t)).isEqualTo(Instant.parse("2025-05-30T16:45:00Z").toEpochMilli());
        assertThat(CandleInterval.FOUR_HOURS.windowStart(t)).isEqualTo(Instant.parse("2025-05-30T16:00:00Z").toEpochMilli());
        assertThat(CandleInterval.ONE_MINUTE.windowStart(60_000L)).isEqualTo(60_000L);
        assertThat(CandleInterval.ONE_MINUTE.windowStart(59_999L)).isZero();
        assertThat(CandleInterval.ONE_MINUTE.windowStart(-1L)).isEqualTo(-60_000L);
    }

    @Test
    void dayWindowsAreUtcCalendarDays() {
        final Random random = new Random(20250530);
        for (int i = 0; i < 10_000; i++) {
            final long t = random.nextLong(4_102_444_800_000L); // up to 2100
            final Instant midnight = Instant.ofEpochMilli(t).truncatedTo(ChronoUnit.DAYS);
            assertThat(CandleInterval.ONE_DAY.windowStart(t)).isEqualTo(midnight.toEpochMilli());
            assertThat(CandleInterval.ONE_DAY.windowEnd(t)).isEqualTo(midnight.plus(1, ChronoUnit.DAYS).toEpochMilli());
            // Shorter windows nest in their day and hour.
            for (final CandleInterval small : List.of(CandleInterval.ONE_MINUTE, CandleInterval.FIVE_MINUTES,
                    CandleInterval.ONE_HOUR, CandleInterval.FOUR_HOURS)) {
                assertThat(small.windowStart(t)).isBetween(midnight.toEpochMilli(), t);
                assertThat(small.windowEnd(t)).isLessThanOrEqualTo(CandleInterval.ONE_DAY.windowEnd(t));
            }
        }
    }
}
