package dev.soba.streams.processors.mev;

import dev.soba.streams.schemas.mev.BlockFile;
import dev.soba.streams.schemas.mev.BlockFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times offline inspection the way a user pays for it: each round reads every file, parses it,
 * converts it and runs the whole ladder on each of its blocks, one thread. Warm-up rounds let the JIT
 * compile the hot paths first; the measured rounds give the throughput and the distribution of the time
 * per block (a file of several blocks counts its time evenly over them).
 */
public final class MevBenchmark {

    /** Ethereum's slot time: the rate the chain itself produces blocks at. */
    public static final double CHAIN_SECONDS_PER_BLOCK = 12.0;

    private final MevInspector inspector;

    public MevBenchmark(final MevInspector inspector) {
        this.inspector = inspector;
    }

    /**
     * @param measuredRounds at least 1
     * @throws dev.soba.streams.schemas.mev.BlockFileException for a file that cannot be read (before any timing)
     */
    public Result run(final List<Path> files, final int warmUpRounds, final int measuredRounds) {
        if (files.isEmpty() || measuredRounds < 1 || warmUpRounds < 0) {
            throw new IllegalArgumentException("needs files, at least one measured round and no negative warm-up");
        }
        int blocks = 0;
        for (final Path file : files) {
            blocks += BlockFiles.read(file).size();
        }
        for (int round = 0; round < warmUpRounds; round++) {
            round(files, new ArrayList<>());
        }
        final List<Long> perBlock = new ArrayList<>(blocks * measuredRounds);
        final long start = System.nanoTime();
        for (int round = 0; round < measuredRounds; round++) {
            round(files, perBlock);
        }
        final long elapsed = System.nanoTime() - start;
        Collections.sort(perBlock);
        return new Result(blocks, warmUpRounds, measuredRounds, elapsed, List.copyOf(perBlock));
    }

    private void round(final List<Path> files, final List<Long> perBlock) {
        for (final Path file : files) {
            final long start = System.nanoTime();
            final List<BlockFile> blocks = BlockFiles.read(file);
            for (final BlockFile block : blocks) {
                inspector.inspect(BlockInputs.of(block));
            }
            final long each = (System.nanoTime() - start) / Math.max(1, blocks.size());
            for (int i = 0; i < blocks.size(); i++) {
                perBlock.add(each);
            }
        }
    }

    /**
     * @param blocks        blocks per round
     * @param elapsedNanos  wall time of the measured rounds
     * @param perBlockNanos every measured block's time, sorted
     */
    public record Result(int blocks, int warmUpRounds, int measuredRounds, long elapsedNanos, List<Long> perBlockNanos) {

        public double blocksPerSecond() {
            return (double) blocks * measuredRounds / (elapsedNanos / 1e9);
        }

        public double medianMillis() {
            return percentileMillis(50);
        }

        /** Nearest-rank percentile of the time per block. */
        public double percentileMillis(final int percent) {
            final int rank = (int) Math.ceil(percent / 100.0 * perBlockNanos.size());
            return perBlockNanos.get(Math.max(0, rank - 1)) / 1e6;
        }

        /** How many times faster than the chain produces blocks. */
        public double timesChainRate() {
            return blocksPerSecond() * CHAIN_SECONDS_PER_BLOCK;
        }
    }
}
