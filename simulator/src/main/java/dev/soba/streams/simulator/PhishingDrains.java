package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Wallets that behave like phishing drains. Each drain runs in episodes — a pure function of the
 * height, so a restarted chain agrees — during which victims (small wallets that do nothing else)
 * send it small amounts of ETH, USDC, DAI or WETH, a few per block; a block or a few after the
 * first of them, the drain sweeps everything it holds to its cash-out address, one transaction per
 * asset, and starts collecting again. Each sweep is one ground-truth record.
 */
final class PhishingDrains {

    /** Every drain is active for 10 to 39 blocks out of every 200. */
    private static final int EPISODE_PERIOD = 200;
    private static final int MIN_EPISODE = 10;
    private static final int EPISODE_SPREAD = 30;
    private static final int MAX_INBOUND_PER_BLOCK = 3;
    private static final BigInteger FINNEY = BigInteger.TEN.pow(15);
    /** The drain keeps 0.002 ETH of what it swept for gas. */
    private static final BigInteger GAS_KEPT = FINNEY.multiply(BigInteger.TWO);
    private static final List<Erc20Token> DRAINED_TOKENS = List.of(MarketGenesis.USDC, MarketGenesis.DAI,
            MarketGenesis.WETH);

    private final long seed;
    private final List<String> holders = new ArrayList<>();
    private final List<Drain> drains = new ArrayList<>();

    PhishingDrains(final long seed, final int count, final int holderCount, final Economy economy) {
        this.seed = seed;
        final SplittableRandom rng = new SplittableRandom(LabelledHash.seed("phishing-holders", seed));
        for (int i = 0; i < holderCount; i++) {
            final String holder = LabelledHash.address("holder", seed, i);
            holders.add(holder);
            economy.startNonce(holder, rng.nextLong(0, 300));
            economy.endow(holder, MarketGenesis.USDC, MarketGenesis.USDC.units(rng.nextLong(20, 3_000)));
            economy.endow(holder, MarketGenesis.DAI, MarketGenesis.DAI.units(rng.nextLong(20, 3_000)));
            economy.endow(holder, MarketGenesis.WETH, FINNEY.multiply(BigInteger.valueOf(rng.nextLong(20, 1_500))));
        }
        for (int i = 0; i < count; i++) {
            final long draws = LabelledHash.seed("drain", seed, i);
            drains.add(new Drain(i, LabelledHash.address("drain-wallet", seed, i),
                    LabelledHash.address("drain-sink", seed, i), Math.floorMod(draws, EPISODE_PERIOD),
                    1 + Math.floorMod(draws >>> 16, 4)));
        }
    }

    List<String> wallets() {
        return drains.stream().map(Drain::wallet).toList();
    }

    /** Whether the drain is in an episode at this height. */
    boolean active(final int drain, final long number) {
        final Drain d = drains.get(drain);
        final long t = number + d.offset();
        final long episode = Math.floorDiv(t, EPISODE_PERIOD);
        final long length = MIN_EPISODE + Math.floorMod(LabelledHash.seed("drain-episode", seed, drain, episode),
                EPISODE_SPREAD);
        return Math.floorMod(t, EPISODE_PERIOD) < length;
    }

    /**
     * This block's drain transactions, in groups that stay together (a drain's sweep), each group to be
     * placed anywhere among the block's other transactions. Amounts are fixed now; nothing else moves
     * the holders' or drains' tokens, so they still hold them when the group runs.
     */
    List<List<Step>> plan(final long number, final Economy economy, final SplittableRandom rng) {
        final List<List<Step>> groups = new ArrayList<>();
        final Set<String> sending = new HashSet<>();
        for (final Drain drain : drains) {
            final boolean active = active(drain.index(), number);
            if (!drain.inbound.isEmpty() && (!active || number - drain.firstInboundBlock >= drain.sweepDelay())) {
                final List<Step> sweep = sweep(drain, economy);
                if (!sweep.isEmpty()) {
                    groups.add(sweep);
                    continue;
                }
            }
            if (!active) {
                continue;
            }
            final int count = rng.nextInt(MAX_INBOUND_PER_BLOCK + 1);
            for (int i = 0; i < count; i++) {
                final String victim = holders.get(rng.nextInt(holders.size()));
                if (sending.add(victim)) {
                    groups.add(List.of(inbound(drain, victim, economy, rng)));
                }
            }
        }
        return groups;
    }

    private Step inbound(final Drain drain, final String victim, final Economy economy, final SplittableRandom rng) {
        final Erc20Token token = DRAINED_TOKENS.get(rng.nextInt(DRAINED_TOKENS.size()));
        final BigInteger balance = economy.balanceOf(victim, token);
        final BigInteger amount = balance.multiply(BigInteger.valueOf(rng.nextInt(5, 41))).divide(BigInteger.valueOf(100));
        if (rng.nextInt(100) < 40 || amount.signum() <= 0) {
            final BigInteger wei = FINNEY.multiply(BigInteger.valueOf(rng.nextLong(10, 400)));
            return new Step(drain, new Action.EthTransfer(victim, drain.wallet(), wei), false, victim, wei);
        }
        return new Step(drain, new Action.TokenTransfer(victim, drain.wallet(), token, amount), false, victim,
                BigInteger.ZERO);
    }

    private static List<Step> sweep(final Drain drain, final Economy economy) {
        final List<Step> steps = new ArrayList<>();
        for (final Erc20Token token : DRAINED_TOKENS) {
            final BigInteger held = economy.balanceOf(drain.wallet(), token);
            if (held.signum() > 0) {
                steps.add(new Step(drain, new Action.TokenTransfer(drain.wallet(), drain.sink(), token, held), true,
                        null, BigInteger.ZERO));
            }
        }
        if (drain.wei.compareTo(GAS_KEPT) > 0) {
            steps.add(new Step(drain, new Action.EthTransfer(drain.wallet(), drain.sink(), drain.wei.subtract(GAS_KEPT)),
                    true, null, BigInteger.ZERO));
        }
        return steps;
    }

    /** Records a drain transaction once it is in the block. */
    void recorded(final Step step, final MinedTransaction tx, final long number) {
        final Drain drain = step.drain();
        if (step.sweep()) {
            drain.sweeps.add(tx.hash());
            return;
        }
        if (drain.inbound.isEmpty()) {
            drain.firstInboundBlock = number;
        }
        drain.inbound.add(tx.hash());
        drain.victims.add(step.victim());
        drain.wei = drain.wei.add(step.wei());
    }

    /** The ground truth of this block's sweeps; each swept drain starts collecting afresh. */
    List<GroundTruth> finish(final long number) {
        final List<GroundTruth> truth = new ArrayList<>();
        for (final Drain drain : drains) {
            if (drain.sweeps.isEmpty()) {
                continue;
            }
            truth.add(GroundTruth.phishingDrain(number, drain.wallet(), drain.inbound, drain.sweeps,
                    List.copyOf(drain.victims), drain.sink(), drain.firstInboundBlock));
            drain.inbound.clear();
            drain.sweeps.clear();
            drain.victims.clear();
            drain.wei = BigInteger.ZERO;
        }
        return truth;
    }

    /** One drain transaction: an inbound transfer from a victim, or part of a sweep. */
    record Step(Drain drain, Action action, boolean sweep, String victim, BigInteger wei) {
    }

    /** A draining wallet, its cash-out address, where its episodes fall, and what it holds since its last sweep. */
    static final class Drain {
        private final int index;
        private final String wallet;
        private final String sink;
        private final long offset;
        private final int sweepDelay;
        private final List<String> inbound = new ArrayList<>();
        private final List<String> sweeps = new ArrayList<>();
        private final Set<String> victims = new LinkedHashSet<>();
        private long firstInboundBlock;
        private BigInteger wei = BigInteger.ZERO;

        Drain(final int index, final String wallet, final String sink, final long offset, final int sweepDelay) {
            this.index = index;
            this.wallet = wallet;
            this.sink = sink;
            this.offset = offset;
            this.sweepDelay = sweepDelay;
        }

        int index() {
            return index;
        }

        String wallet() {
            return wallet;
        }

        String sink() {
            return sink;
        }

        long offset() {
            return offset;
        }

        int sweepDelay() {
            return sweepDelay;
        }
    }
}
