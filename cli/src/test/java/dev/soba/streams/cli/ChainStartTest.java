package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where {@code simulate} starts against the chain already in the blocks topic. */
class ChainStartTest {

    private static final Instant DEFAULT_TIME = Instant.parse("2024-01-01T00:00:00Z");
    private static final ChainHead HEAD = new ChainHead(30_000_000, "0x" + "ab".repeat(32),
            Instant.parse("2026-12-02T10:00:00Z"));

    private static ChainStart.Request request(final Long block, final Instant time, final boolean backfill) {
        return new ChainStart.Request(Optional.ofNullable(block), Optional.ofNullable(time), Optional.empty(),
                Duration.ofSeconds(12), backfill, Optional.empty());
    }

    @Test
    void anEmptyTopicStartsAtTheDefaults() {
        final ChainStart start = ChainStart.decide(Optional.empty(), request(null, null, false), 19_000_000, DEFAULT_TIME);
        assertThat(start.block()).isEqualTo(19_000_000);
        assertThat(start.time()).isEqualTo(DEFAULT_TIME);
        assertThat(start.parentHash()).isEmpty();
    }

    @Test
    void byDefaultContinuesAfterTheHeadLinkedToItsHashAndLater() {
        final ChainStart start = ChainStart.decide(Optional.of(HEAD), request(null, null, false), 19_000_000, DEFAULT_TIME);
        assertThat(start.block()).isEqualTo(30_000_001);
        assertThat(start.parentHash()).contains(HEAD.hash());
        assertThat(start.time()).isEqualTo(HEAD.timestamp().plusSeconds(12));
        assertThat(start.note().orElseThrow()).contains("continuing", "30,000,000");
    }

    @Test
    void refusesHeightsAtOrBelowTheHeadNamingItAndTheOptions() {
        assertThatThrownBy(() -> ChainStart.decide(Optional.of(HEAD), request(19_000_000L, null, false), 19_000_000,
                DEFAULT_TIME))
                .isInstanceOf(ChainStart.Refused.class)
                .hasMessageContaining("block 30,000,000")
                .hasMessageContaining(HEAD.hash())
                .hasMessageContaining("--start-block")
                .hasMessageContaining("--backfill");
        assertThatThrownBy(() -> ChainStart.decide(Optional.of(HEAD), request(30_000_000L, null, false), 19_000_000,
                DEFAULT_TIME)).isInstanceOf(ChainStart.Refused.class);
    }

    @Test
    void refusesTimesNotAfterTheHead() {
        assertThatThrownBy(() -> ChainStart.decide(Optional.of(HEAD), request(null, DEFAULT_TIME, false), 19_000_000,
                DEFAULT_TIME))
                .isInstanceOf(ChainStart.Refused.class)
                .hasMessageContaining("--start-time")
                .hasMessageContaining("--backfill");
    }

    @Test
    void backfillIsAllowedWhenAskedFor() {
        final ChainStart start = ChainStart.decide(Optional.of(HEAD), request(19_000_000L, null, true), 19_000_000,
                DEFAULT_TIME);
        assertThat(start.block()).isEqualTo(19_000_000);
        assertThat(start.time()).isEqualTo(DEFAULT_TIME);
        assertThat(start.note().orElseThrow()).contains("backfill");
    }

    @Test
    void aGapAboveTheHeadIsSaidAndTimedAfterIt() {
        final ChainStart start = ChainStart.decide(Optional.of(HEAD), request(30_000_010L, null, false), 19_000_000,
                DEFAULT_TIME);
        assertThat(start.parentHash()).isEmpty();
        assertThat(start.time()).isEqualTo(HEAD.timestamp().plusSeconds(120));
        assertThat(start.note().orElseThrow()).contains("30000001 to 30000009", "empty");
    }

    @Test
    void resumingNeedsTheOriginalStartAndIgnoresTheHead() {
        final ChainStart.Request resume = new ChainStart.Request(Optional.of(19_000_000L), Optional.of(DEFAULT_TIME),
                Optional.empty(), Duration.ofSeconds(12), false, Optional.of(19_000_050L));
        assertThat(ChainStart.decide(Optional.of(new ChainHead(19_000_070, "0x01", DEFAULT_TIME)), resume, 0, DEFAULT_TIME)
                .block()).isEqualTo(19_000_000);
        assertThatThrownBy(() -> ChainStart.decide(Optional.empty(), new ChainStart.Request(Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(12), false, Optional.of(5L)), 0, DEFAULT_TIME))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--start-block");
    }
}
