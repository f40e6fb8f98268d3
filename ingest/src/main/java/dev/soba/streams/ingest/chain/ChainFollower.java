package dev.soba.streams.ingest.chain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Follows a chain by hash, one block at a time (pure: the ingester fetches, this decides). It keeps the
 * last {@code depth} blocks it accepted. A block at the next height whose parent is the last accepted
 * block extends the chain; one whose parent is not means the node's chain has moved to another branch:
 * the last accepted block is orphaned and dropped, and the next block to fetch is at its height again.
 * Repeating that walks back to the common ancestor, after which the new branch's blocks are accepted
 * one by one, in order — which is what re-emits the new canonical blocks.
 *
 * <p>A re-organisation deeper than {@code depth} leaves nothing to compare with; the follower then
 * accepts the next block as it is and says so ({@link Decision.AcceptedUnchecked}).
 */
public final class ChainFollower {

    private final int depth;
    private final Deque<ChainLink> recent;
    private long next;

    private ChainFollower(final int depth, final List<ChainLink> recent, final long next) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        this.depth = depth;
        this.recent = new ArrayDeque<>(recent);
        this.next = next;
        while (this.recent.size() > depth) {
            this.recent.removeFirst();
        }
    }

    /** Starts at {@code firstBlock} with no history: the first block is accepted as it is. */
    public static ChainFollower startingAt(final long firstBlock, final int depth) {
        if (firstBlock < 0) {
            throw new IllegalArgumentException("first block must not be negative, got " + firstBlock);
        }
        return new ChainFollower(depth, List.of(), firstBlock);
    }

    /** Resumes after the given accepted blocks (oldest first, consecutive). */
    public static ChainFollower resuming(final List<ChainLink> accepted, final int depth) {
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("nothing to resume from");
        }
        for (int i = 1; i < accepted.size(); i++) {
            if (!accepted.get(i - 1).isParentOf(accepted.get(i))) {
                throw new IllegalArgumentException("resumed blocks are not a chain at " + accepted.get(i).number());
            }
        }
        return new ChainFollower(depth, accepted, accepted.get(accepted.size() - 1).number() + 1);
    }

    /** The height to fetch next. */
    public long next() {
        return next;
    }

    /** The last accepted block, if any. */
    public Optional<ChainLink> last() {
        return Optional.ofNullable(recent.peekLast());
    }

    /** The accepted blocks kept for comparison, oldest first. */
    public List<ChainLink> recent() {
        return List.copyOf(new ArrayList<>(recent));
    }

    /** Whether {@link #offer} would accept the block (without changing anything): worth exporting it. */
    public boolean continues(final ChainLink block) {
        final ChainLink last = recent.peekLast();
        return block.number() == next && (last == null || last.isParentOf(block));
    }

    /** What to do with a block fetched at {@link #next()}. */
    public sealed interface Decision {

        /** The block extends the chain: emit it. */
        record Accepted(ChainLink block) implements Decision {
        }

        /**
         * Nothing was left to compare the block with (first block, or a re-organisation deeper than the
         * kept history): emit it, without proof it continues what was emitted before.
         */
        record AcceptedUnchecked(ChainLink block) implements Decision {
        }

        /** The block does not continue the chain: {@code orphaned} is no longer canonical; fetch its height again. */
        record Orphaned(ChainLink orphaned, ChainLink newer) implements Decision {
        }
    }

    /**
     * Offers the block the node has at {@link #next()}.
     *
     * @throws IllegalArgumentException when the block is not at the expected height
     */
    public Decision offer(final ChainLink block) {
        if (block.number() != next) {
            throw new IllegalArgumentException("expected block " + next + ", got " + block.number());
        }
        final ChainLink last = recent.peekLast();
        if (last == null) {
            accept(block);
            return new Decision.AcceptedUnchecked(block);
        }
        if (last.isParentOf(block)) {
            accept(block);
            return new Decision.Accepted(block);
        }
        recent.removeLast();
        next = last.number();
        return new Decision.Orphaned(last, block);
    }

    private void accept(final ChainLink block) {
        recent.addLast(block);
        if (recent.size() > depth) {
            recent.removeFirst();
        }
        next = block.number() + 1;
    }
}
