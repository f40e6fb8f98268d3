package dev.soba.streams.ingest.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainFollowerTest {

    /** A chain whose hashes name their branch: hash(n, "a") is block n of branch a. */
    private static String hash(final long n, final String branch) {
        return String.format("0x%02x%062x", (int) branch.charAt(0), n);
    }

    private static ChainLink block(final long n, final String branch, final String parentBranch) {
        return new ChainLink(n, hash(n, branch), n == 0 ? "0x" + "0".repeat(64) : hash(n - 1, parentBranch));
    }

    @Test
    void extendsTheChainBlockByBlock() {
        final ChainFollower follower = ChainFollower.startingAt(0, 8);
        assertThat(follower.offer(block(0, "a", "a"))).isInstanceOf(ChainFollower.Decision.AcceptedUnchecked.class);
        assertThat(follower.offer(block(1, "a", "a"))).isInstanceOf(ChainFollower.Decision.Accepted.class);
        assertThat(follower.next()).isEqualTo(2);
        assertThat(follower.last()).contains(block(1, "a", "a"));
    }

    @Test
    void walksBackToTheCommonAncestorThenAcceptsTheNewBranchInOrder() {
        final ChainFollower follower = ChainFollower.startingAt(10, 8);
        for (long n = 10; n <= 14; n++) {
            follower.offer(block(n, "a", "a"));
        }
        // the node now has branch b from height 13 on (12 is the common ancestor)
        final List<Long> orphaned = new ArrayList<>();
        final List<Long> accepted = new ArrayList<>();
        while (follower.next() <= 15) {
            final long n = follower.next();
            final ChainLink nodeBlock = n <= 12 ? block(n, "a", "a") : block(n, "b", n == 13 ? "a" : "b");
            final boolean continues = follower.continues(nodeBlock);
            final ChainFollower.Decision decision = follower.offer(nodeBlock);
            assertThat(continues).isEqualTo(decision instanceof ChainFollower.Decision.Accepted);
            if (decision instanceof ChainFollower.Decision.Orphaned o) {
                orphaned.add(o.orphaned().number());
            } else if (decision instanceof ChainFollower.Decision.Accepted a) {
                accepted.add(a.block().number());
            }
        }
        assertThat(orphaned).containsExactly(14L, 13L);
        assertThat(accepted).containsExactly(13L, 14L, 15L);
        assertThat(follower.recent()).extracting(ChainLink::hash)
                .containsExactly(hash(10, "a"), hash(11, "a"), hash(12, "a"), hash(13, "b"), hash(14, "b"), hash(15, "b"));
    }

    @Test
    void aReorganisationDeeperThanTheKeptHistoryContinuesUnchecked() {
        final ChainFollower follower = ChainFollower.startingAt(0, 2);
        for (long n = 0; n <= 4; n++) {
            follower.offer(block(n, "a", "a"));
        }
        assertThat(follower.recent()).hasSize(2);
        assertThat(follower.offer(block(5, "b", "b"))).isInstanceOf(ChainFollower.Decision.Orphaned.class);
        assertThat(follower.offer(block(4, "b", "b"))).isInstanceOf(ChainFollower.Decision.Orphaned.class);
        assertThat(follower.next()).isEqualTo(3);
        assertThat(follower.offer(block(3, "b", "b"))).isInstanceOf(ChainFollower.Decision.AcceptedUnchecked.class);
    }

    @Test
    void resumesFromStoredBlocksAndDetectsAReorganisationThatHappenedMeanwhile() {
        final ChainFollower follower = ChainFollower.resuming(List.of(block(7, "a", "a"), block(8, "a", "a")), 8);
        assertThat(follower.next()).isEqualTo(9);
        assertThat(follower.offer(block(9, "b", "b"))).isEqualTo(
                new ChainFollower.Decision.Orphaned(block(8, "a", "a"), block(9, "b", "b")));
        assertThat(follower.next()).isEqualTo(8);
        assertThatThrownBy(() -> ChainFollower.resuming(List.of(block(7, "a", "a"), block(8, "b", "b")), 8))
                .hasMessageContaining("not a chain");
        assertThatThrownBy(() -> follower.offer(block(3, "a", "a"))).hasMessageContaining("expected block 8");
    }
}
