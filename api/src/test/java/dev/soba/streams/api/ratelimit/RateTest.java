package dev.soba.streams.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.keys.RateLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The N/PERIOD notation of configuration, the command line and the database. */
class RateTest {

    @Test
    void parsesAndWritesTheSameNotation() {
        assertThat(Rate.parse("1200/m")).isEqualTo(new Rate(1200, Duration.ofMinutes(1)));
        assertThat(Rate.parse(" 10/s ")).isEqualTo(new Rate(10, Duration.ofSeconds(1)));
        assertThat(Rate.parse("500/15m")).isEqualTo(new Rate(500, Duration.ofMinutes(15)));
        assertThat(Rate.parse("10000/d").period()).isEqualTo(Duration.ofDays(1));
        for (final String written : new String[] {"1200/m", "10/s", "500/15m", "3/h", "7/90s", "10000/d", "1/2d"}) {
            assertThat(Rate.parse(written)).hasToString(written);
        }
        assertThat(new Rate(60, Duration.ofSeconds(3600))).hasToString("60/h");
    }

    @Test
    void refusesWhatIsNotARate() {
        for (final String wrong : new String[] {"", "100", "100/", "100/minute", "-1/s", "0/s", "5/0s", "1.5/s", "/m", "10/s/s"}) {
            assertThatThrownBy(() -> Rate.parse(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aKeysLimitsNameTheirGroups() {
        final RateLimits limits = RateLimits.parse("write=10/s, read=6000/m");
        assertThat(limits.of(Group.READ)).contains(Rate.parse("6000/m"));
        assertThat(limits.of(Group.WRITE)).contains(Rate.parse("10/s"));
        assertThat(limits.of(Group.ADMIN)).isEmpty();
        assertThat(limits).hasToString("read=6000/m,write=10/s");
        assertThat(RateLimits.parse(limits.toString())).isEqualTo(limits);
        assertThat(RateLimits.parse(null)).isEqualTo(RateLimits.DEFAULTS);
        assertThat(RateLimits.parse(" ").isEmpty()).isTrue();

        assertThatThrownBy(() -> RateLimits.parse("reads=1/s")).hasMessageContaining("read, write, validate, admin");
        assertThatThrownBy(() -> RateLimits.parse("read=1/s,read=2/s")).hasMessageContaining("twice");
        assertThatThrownBy(() -> RateLimits.parse("read:1/s")).hasMessageContaining("GROUP=N/PERIOD");
    }
}
