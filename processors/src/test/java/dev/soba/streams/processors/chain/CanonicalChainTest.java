package dev.soba.streams.processors.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanonicalChainTest {

    private static final String ALICE = TestItems.address("alice");
    private static final String BOB = TestItems.address("bob");

    /** The chain's state in plain collections: the logic is tested without Kafka. */
    private static final class InMemoryState implements ChainState {
        final Map<Long, Block> blocks = new HashMap<>();
        final Set<String> orphaned = new HashSet<>();
        final Set<String> refused = new HashSet<>();
        final List<TransactionRef> transactions = new ArrayList<>();

        @Override
        public Optional<Block> canonicalBlock(final long number) {
            return Optional.ofNullable(blocks.get(number));
        }

        @Override
        public void putCanonicalBlock(final Block block) {
            blocks.put(block.number(), block);
        }

        @Override
        public long highest() {
            return blocks.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
        }

        @Override
        public void markRefused(final long number, final String blockHash) {
            refused.add(blockHash);
        }

        @Override
        public boolean isRefused(final String blockHash) {
            return refused.contains(blockHash);
        }

        @Override
        public boolean isOrphaned(final String blockHash) {
            return orphaned.contains(blockHash);
        }

        @Override
        public void markOrphaned(final long number, final String blockHash) {
            orphaned.add(blockHash);
        }

        @Override
        public void addTransaction(final TransactionRef transaction) {
            transactions.add(transaction);
        }

        @Override
        public List<TransactionRef> takeTransactions(final long number, final String blockHash) {
            final List<TransactionRef> taken = transactions.stream()
                    .filter(t -> t.blockNumber() == number && t.blockHash().equals(blockHash)).toList();
            transactions.removeAll(taken);
            return taken;
        }
    }

    private final InMemoryState state = new InMemoryState();
    private final CanonicalChain chain = new CanonicalChain(state);

    private static Block block(final long number, final String hash) {
        return TestItems.parse(TestItems.block(number, hash, TestItems.hash("parent-" + number), 0), Block.class);
    }

    private static Transaction tx(final String hash, final long number, final String blockHash) {
        return TestItems.parse(TestItems.transaction(hash, number, blockHash, 0, ALICE, BOB, BigInteger.ONE), Transaction.class);
    }

    @Test
    void firstBlockAtAHeightIsCanonical() {
        final Block block = block(7, TestItems.hash("a"));
        assertThat(chain.accept(block, 1L)).containsExactly(new ChainEvent.Canonical(block));
        assertThat(state.blocks.get(7L)).isEqualTo(block);
    }

    @Test
    void sameBlockAgainIsStillCanonicalAndNoReorg() {
        final Block block = block(7, TestItems.hash("a"));
        chain.accept(block, 1L);
        assertThat(chain.accept(block, 2L)).containsExactly(new ChainEvent.Canonical(block));
    }

    @Test
    void newHashAtAKnownHeightIsAReorgThatRetractsTheOldBlocksTransactions() {
        final String oldHash = TestItems.hash("old");
        final String newHash = TestItems.hash("new");
        chain.accept(block(9, oldHash), 1L);
        final Transaction orphanedTx = tx(TestItems.hash("t"), 9, oldHash);
        chain.accept(orphanedTx, 2L);

        final Block replacement = block(9, newHash);
        final List<ChainEvent> events = chain.accept(replacement, 3L);

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOfSatisfying(ChainEvent.Reorganised.class, r -> {
            assertThat(r.reorg().blockNumber()).isEqualTo(9);
            assertThat(r.reorg().oldHash()).isEqualTo(oldHash);
            assertThat(r.reorg().newHash()).isEqualTo(newHash);
            assertThat(r.reorg().detectedAt()).isEqualTo(3L);
        });
        assertThat(events.get(1)).isEqualTo(new ChainEvent.Retracted(TransactionRef.of(orphanedTx)));
        assertThat(events.get(2)).isEqualTo(new ChainEvent.Canonical(replacement));
        assertThat(state.blocks.get(9L).hash()).isEqualTo(newHash);
        assertThat(state.transactions).isEmpty();
    }

    @Test
    void itemsOfAnOrphanedBlockAreRecognised() {
        final String oldHash = TestItems.hash("old");
        chain.accept(block(9, oldHash), 1L);
        chain.accept(block(9, TestItems.hash("new")), 2L);

        final Transaction late = tx(TestItems.hash("late"), 9, oldHash);
        assertThat(chain.accept(late, 3L)).containsExactly(new ChainEvent.Orphaned(late, 9, oldHash));
        assertThat(chain.accept(block(9, oldHash), 4L)).singleElement().isInstanceOf(ChainEvent.Orphaned.class);
        assertThat(state.transactions).isEmpty();
    }

    @Test
    void transactionsBeforeTheirBlockAreAccepted() {
        final Transaction early = tx(TestItems.hash("early"), 11, TestItems.hash("b11"));
        assertThat(chain.accept(early, 1L)).containsExactly(new ChainEvent.Canonical(early));
        assertThat(state.transactions).hasSize(1);
    }

    @Test
    void aReorganisationDeeperThanTheDepthIsRefusedWithItsItemsAndNothingIsApplied() {
        final CanonicalChain shallow = new CanonicalChain(state, 3);
        final Block old = block(10, TestItems.hash("old"));
        shallow.accept(old, 1L);
        shallow.accept(tx(TestItems.hash("t-old"), 10, old.hash()), 1L);
        for (long n = 11; n <= 14; n++) {
            shallow.accept(block(n, TestItems.hash("b" + n)), 1L);
        }
        final Block replacement = block(10, TestItems.hash("new"));
        assertThat(shallow.accept(replacement, 2L)).singleElement().isInstanceOfSatisfying(ChainEvent.Refused.class,
                refused -> assertThat(refused.reason()).contains("deeper than 3 blocks").contains("4 below"));
        assertThat(shallow.accept(tx(TestItems.hash("t-new"), 10, replacement.hash()), 2L)).singleElement()
                .isInstanceOfSatisfying(ChainEvent.Refused.class,
                        refused -> assertThat(refused.reason()).contains(replacement.hash()));
        assertThat(state.blocks.get(10L)).isEqualTo(old);
        assertThat(state.orphaned).isEmpty();
        assertThat(state.transactions).extracting(TransactionRef::hash).containsExactly(TestItems.hash("t-old"));

        // at the depth itself a re-organisation is still applied
        final Block atDepth = block(11, TestItems.hash("new-11"));
        assertThat(shallow.accept(atDepth, 3L)).first().isInstanceOf(ChainEvent.Reorganised.class);
        // and a height never seen, however deep, is history, not a re-organisation
        final Block history = block(2, TestItems.hash("history"));
        assertThat(shallow.accept(history, 3L)).containsExactly(new ChainEvent.Canonical(history));
    }
}
