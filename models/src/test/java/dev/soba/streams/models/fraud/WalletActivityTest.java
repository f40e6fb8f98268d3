package dev.soba.streams.models.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.soba.streams.schemas.TokenTransfer;
import dev.soba.streams.schemas.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalletActivityTest {

    static final String ME = "0x00000000000000000000000000000000000000aa";
    static final String ALICE = "0x00000000000000000000000000000000000000b1";
    static final String BOB = "0x00000000000000000000000000000000000000b2";
    static final String TOKEN = "0x00000000000000000000000000000000000000c1";
    static final BigInteger ETHER = BigInteger.TEN.pow(18);

    static Transaction tx(final String hash, final String from, final String to, final BigInteger value, final long time,
                          final String input, final long block) {
        return new Transaction(hash, BigInteger.ZERO, 0L, from, to, value, 21000L, BigInteger.ONE, input, time, block,
                "0xb" + block, null, null, null, null, null, to == null ? "0x00000000000000000000000000000000000000dd" : null,
                null, 1L, null, null, null, Map.of());
    }

    static TokenTransfer transfer(final String from, final String to, final BigInteger value, final long time, final long block) {
        return new TokenTransfer(TOKEN, from, to, value, "0xt" + block, 0L, block, time, "0xb" + block, null, null, Map.of());
    }

    @Test
    void featuresOfAKnownHistory() {
        final List<WalletEvent> events = new ArrayList<>();
        events.addAll(WalletEvent.of(tx("0x1", ALICE, ME, ETHER.multiply(BigInteger.TWO), 1_000, "0x", 1)));
        events.addAll(WalletEvent.of(tx("0x2", ME, BOB, ETHER, 1_600, "0x", 2)));
        events.addAll(WalletEvent.of(tx("0x3", ME, BOB, ETHER.divide(BigInteger.TWO), 2_800, "0xa9059cbb", 3)));
        events.addAll(WalletEvent.of(tx("0x4", ME, null, BigInteger.ZERO, 4_000, "0x6080", 4)));
        events.addAll(WalletEvent.of(transfer(ALICE, ME, ETHER.multiply(BigInteger.valueOf(5)), 4_600, 5)));
        final WalletActivity me = WalletActivity.of(events.stream().filter(e -> e.address().equals(ME)).toList());
        final double[] v = WalletFeature.vector(me);
        assertThat(v[idx(WalletFeature.SENT_COUNT)]).isEqualTo(2);
        assertThat(v[idx(WalletFeature.RECEIVED_COUNT)]).isEqualTo(1);
        assertThat(v[idx(WalletFeature.CREATED_CONTRACTS)]).isEqualTo(1);
        assertThat(v[idx(WalletFeature.TOTAL_TRANSACTIONS)]).isEqualTo(4);
        assertThat(v[idx(WalletFeature.AVG_MIN_BETWEEN_SENT)]).isEqualTo(20.0);   // 1,200 s between two sends
        assertThat(v[idx(WalletFeature.TIME_FIRST_TO_LAST)]).isEqualTo(50.0);     // 1,000 s to 4,000 s
        assertThat(v[idx(WalletFeature.UNIQUE_SENT_TO)]).isEqualTo(1);
        assertThat(v[idx(WalletFeature.MIN_VALUE_SENT)]).isEqualTo(0.5);
        assertThat(v[idx(WalletFeature.MAX_VALUE_SENT)]).isEqualTo(1.0);
        assertThat(v[idx(WalletFeature.AVG_VALUE_SENT)]).isEqualTo(0.75);
        assertThat(v[idx(WalletFeature.TOTAL_ETHER_SENT_CONTRACTS)]).isEqualTo(0.5);
        assertThat(v[idx(WalletFeature.TOTAL_ETHER_BALANCE)]).isEqualTo(0.5);
        assertThat(v[idx(WalletFeature.ERC20_TRANSFERS)]).isEqualTo(1);
        assertThat(v[idx(WalletFeature.ERC20_TOTAL_RECEIVED)]).isEqualTo(5.0);
        assertThat(v[idx(WalletFeature.ERC20_UNIQUE_RECEIVED_CONTRACT)]).isEqualTo(1);
        assertThat(v[idx(WalletFeature.ERC20_UNIQUE_RECEIVED_FROM)]).isEqualTo(1);
        assertThat(v[idx(WalletFeature.ERC20_TOTAL_SENT)]).isZero();
    }

    @Test
    void orderOfEventsDoesNotChangeTheVector() {
        final List<WalletEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            final String other = String.format("0x%040x", i % 7 + 1);
            events.addAll(WalletEvent.of(tx("0x" + i, i % 2 == 0 ? ME : other, i % 2 == 0 ? other : ME,
                    BigInteger.valueOf(i).multiply(ETHER), 1_000 + 60L * i, "0x", i)));
        }
        final List<WalletEvent> mine = events.stream().filter(e -> e.address().equals(ME)).toList();
        final List<WalletEvent> shuffled = new ArrayList<>(mine);
        Collections.shuffle(shuffled, new java.util.Random(3));
        final double[] a = WalletFeature.vector(WalletActivity.of(mine));
        final double[] b = WalletFeature.vector(WalletActivity.of(shuffled));
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], within(1e-9));
        }
    }

    @Test
    void distinctCountsAreExactBelowTheBoundAndEstimatedAbove() {
        DistinctSketch sketch = DistinctSketch.empty();
        for (int i = 0; i < DistinctSketch.BOUND - 1; i++) {
            sketch = sketch.with(String.format("0x%040x", i)).with(String.format("0x%040x", i));
        }
        assertThat(sketch.count()).isEqualTo(DistinctSketch.BOUND - 1);
        for (int i = 0; i < 20_000; i++) {
            sketch = sketch.with(String.format("0x%040x", i));
        }
        assertThat(sketch.hashes()).hasSize(DistinctSketch.BOUND);
        assertThat(sketch.count()).isCloseTo(20_000, within(20_000 * 0.2));
    }

    private static int idx(final WalletFeature feature) {
        return WalletFeature.MODEL_INPUTS.indexOf(feature);
    }
}
