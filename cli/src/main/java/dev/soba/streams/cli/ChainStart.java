package dev.soba.streams.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where {@code simulate} starts, decided against the chain already in the blocks topic: after its
 * head by default (next height, a later timestamp, linked to the head's hash), never silently at or
 * below it. Writing below the head is a backfill and has to be asked for.
 *
 * @param parentHash what the first block links to; empty: the seed's own block before it
 * @param note       what was decided, for the user; empty when nothing was in the topic
 */
public record ChainStart(long block, Instant time, Optional<String> parentHash, Optional<String> note) {

    /** What the user asked for; every field optional. */
    public record Request(Optional<Long> startBlock, Optional<Instant> startTime, Optional<String> parentHash,
                          Duration blockTime, boolean backfill, Optional<Long> resumeAt) {
    }

    /** The user asked for heights or times the chain already has, without {@code --backfill}. */
    public static final class Refused extends RuntimeException {
        Refused(final String message) {
            super(message, null, false, false);
        }
    }

    public static ChainStart decide(final Optional<ChainHead> found, final Request request, final long defaultBlock,
                                    final Instant defaultTime) {
        if (request.resumeAt().isPresent()) {
            // Resuming rewrites what may have been written in part; identical items are dropped as duplicates.
            if (request.startBlock().isEmpty() || request.startTime().isEmpty()) {
                throw new Args.UsageException("--resume-at needs the --start-block and --start-time of the run it resumes");
            }
            if (request.resumeAt().get() < request.startBlock().get()) {
                throw new Args.UsageException("--resume-at must not be below --start-block");
            }
            return new ChainStart(request.startBlock().get(), request.startTime().get(), request.parentHash(),
                    Optional.empty());
        }
        if (found.isEmpty()) {
            return new ChainStart(request.startBlock().orElse(defaultBlock), request.startTime().orElse(defaultTime),
                    request.parentHash(), Optional.empty());
        }
        final ChainHead head = found.get();
        final long seconds = request.blockTime().getSeconds();
        final long block = request.startBlock().orElse(head.number() + 1);
        if (block <= head.number()) {
            if (!request.backfill()) {
                throw new Refused("the blocks topic already holds a chain up to " + head + "; --start-block "
                        + block + " would write heights at or below that head (a re-organisation of those heights, and "
                        + "trades older than the windows already final, which go to late_trades). Omit --start-block to "
                        + "continue the chain after block " + head.number() + ", or add --backfill to write there on purpose");
            }
            return new ChainStart(block, request.startTime().orElse(defaultTime), request.parentHash(),
                    Optional.of("backfill below the head " + head + " (--backfill)"));
        }
        final Instant time = request.startTime()
                .orElse(head.timestamp().plusSeconds(seconds * (block - head.number())));
        if (!time.isAfter(head.timestamp()) && !request.backfill()) {
            throw new Refused("the blocks topic already holds a chain up to " + head + "; --start-time " + time
                    + " is not after that head's time, so its trades would be older than windows already final "
                    + "(late_trades). Omit --start-time to continue after " + head.timestamp()
                    + ", or add --backfill to write there on purpose");
        }
        final Optional<String> parent = request.parentHash()
                .or(() -> block == head.number() + 1 ? Optional.of(head.hash()) : Optional.empty());
        final String note = block == head.number() + 1
                ? "continuing the chain after its head " + head
                : "starting at block " + block + ", leaving heights " + (head.number() + 1) + " to " + (block - 1)
                        + " after the head " + head + " empty";
        return new ChainStart(block, time, parent, Optional.of(note));
    }
}
