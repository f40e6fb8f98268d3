package dev.soba.streams.processors.mev;

import java.time.Duration;

/**
 * How the stream decides a block is complete, and how much it remembers.
 *
 * @param timing     quiet period and timeout of {@link BlockAssembly#due}
 * @param keepBlocks an assembly more than this many heights below the newest block record may be
 *                   forgotten once analysed and quiet for the timeout (oldest first; items for a
 *                   forgotten block are dropped); at most 16 times this many are kept in any case
 */
public record MevStreamConfig(BlockAssembly.Timing timing, int keepBlocks) {

    public static final int DEFAULT_KEEP_BLOCKS = 64;

    public MevStreamConfig {
        if (keepBlocks < 1) {
            throw new IllegalArgumentException("soba.mev.keep-blocks must be at least 1, got " + keepBlocks);
        }
        if (timing.quiet().isNegative() || timing.timeout().isNegative()) {
            throw new IllegalArgumentException("MEV quiet period and timeout must not be negative");
        }
    }

    public static MevStreamConfig defaults() {
        return new MevStreamConfig(BlockAssembly.Timing.DEFAULT, DEFAULT_KEEP_BLOCKS);
    }

    public static MevStreamConfig of(final Duration quiet, final Duration timeout, final int keepBlocks) {
        return new MevStreamConfig(new BlockAssembly.Timing(quiet, timeout), keepBlocks);
    }
}
