package dev.soba.streams.processors.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AddressHistoryTest {

    private static TransactionRef ref(final String hash, final long block, final long index, final String blockHash) {
        return new TransactionRef(hash, block, blockHash, index, 0L, "0xa", "0xb", BigInteger.ONE);
    }

    @Test
    void keepsNewestFirstWhateverTheArrivalOrder() {
        final AddressHistory history = AddressHistory.empty()
                .with(ref("t2", 2, 0, "b2"), 10)
                .with(ref("t1", 1, 5, "b1"), 10)
                .with(ref("t3", 2, 1, "b2"), 10)
                .with(ref("t0", 1, 0, "b1"), 10);
        assertThat(history.transactions()).extracting(TransactionRef::hash).containsExactly("t3", "t2", "t1", "t0");
    }

    @Test
    void isBoundedByDroppingTheOldest() {
        AddressHistory history = AddressHistory.empty();
        for (int block = 1; block <= 10; block++) {
            history = history.with(ref("t" + block, block, 0, "b" + block), 3);
        }
        assertThat(history.transactions()).extracting(TransactionRef::hash).containsExactly("t10", "t9", "t8");
        assertThat(history.with(ref("old", 1, 0, "b1"), 3).transactions())
                .extracting(TransactionRef::hash).containsExactly("t10", "t9", "t8");
    }

    @Test
    void theSameTransactionReplacesItsEarlierCopy() {
        final AddressHistory history = AddressHistory.empty()
                .with(ref("t", 5, 0, "old"), 10)
                .with(ref("t", 5, 2, "new"), 10);
        assertThat(history.transactions()).singleElement().extracting(TransactionRef::blockHash).isEqualTo("new");
    }

    @Test
    void retractionRemovesOnlyTheCopyFromTheOrphanedBlock() {
        final AddressHistory history = AddressHistory.empty().with(ref("t", 5, 0, "new"), 10);
        assertThat(history.without(ref("t", 5, 0, "old")).transactions()).hasSize(1);
        assertThat(history.without(ref("t", 5, 0, "new")).transactions()).isEmpty();
    }

    @Test
    void newestReturnsAtMostTheAskedCount() {
        final AddressHistory history = AddressHistory.empty().with(ref("a", 1, 0, "b"), 10).with(ref("b", 2, 0, "c"), 10);
        assertThat(history.newest(1)).extracting(TransactionRef::hash).containsExactly("b");
        assertThat(history.newest(50)).hasSize(2);
    }
}
