package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Sandwich searchers. Each watches the block's pending retail swaps; for one it finds worth it, it
 * buys the same way just before the victim (the front-run), lets the victim buy at the worse price,
 * and sells what it bought just after (the back-run): three transactions next to each other, as a
 * builder lands a bundle. The front-run is the largest that still leaves the victim its minimum
 * output — the victim's own slippage tolerance is what the searcher takes — and the sandwich is only
 * done when its profit is worth at least 1.5 times the gas of both legs. Each searcher makes at most
 * one sandwich per block and sends nothing else, so its two legs are the only swaps it makes in the
 * block: nothing of it can be read as another sandwich.
 */
final class SandwichBots {

    /** Gas the two legs are expected to use, for the decision. */
    private static final long BOTH_LEGS_GAS = 205_000;
    private static final double MIN_PROFIT_PER_GAS_COST = 1.5;
    /** A searcher moves at most 1/20 of a pool's input reserve in a front-run. */
    private static final BigInteger MAX_SHARE_OF_RESERVE = BigInteger.valueOf(20);
    /** The chance that a free searcher looks at a given victim (searchers watch different mempools). */
    private static final int WATCH_PERCENT = 90;

    private final List<Searcher> searchers = new ArrayList<>();

    SandwichBots(final long seed, final int count, final Economy economy) {
        final SplittableRandom rng = new SplittableRandom(LabelledHash.seed("sandwich-searchers", seed));
        for (int i = 0; i < count; i++) {
            final Searcher searcher = new Searcher(LabelledHash.address("sandwich-searcher", seed, i),
                    LabelledHash.address("sandwich-contract", seed, i));
            searcher.endow(economy, 400, 1_200_000, 1_200_000, 20);
            economy.startNonce(searcher.account(), rng.nextLong(1_000, 200_000));
            searchers.add(searcher);
        }
    }

    List<Searcher> searchers() {
        return List.copyOf(searchers);
    }

    /**
     * Sandwiches the victim's swap if a free searcher wants it: includes front-run, victim and back-run
     * and returns their ground truth. Empty (nothing included) when no searcher takes it.
     *
     * @param busy contracts that already acted in this block; the taker is added
     */
    Optional<GroundTruth> trySandwich(final BlockBuilder block, final Action.Swap victim, final Set<String> busy,
                                      final SplittableRandom rng) {
        final List<Searcher> watching = new ArrayList<>();
        for (final Searcher searcher : shuffled(rng)) {
            if (!busy.contains(searcher.contract()) && rng.nextInt(100) < WATCH_PERCENT) {
                watching.add(searcher);
            }
        }
        if (watching.isEmpty()) {
            return Optional.empty();
        }
        final Searcher searcher = watching.get(0);
        final Optional<Plan> plan = plan(block.economy(), victim, searcher, block.baseFee());
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        busy.add(searcher.contract());
        return Optional.of(execute(block, victim, searcher, plan.get()));
    }

    private static GroundTruth execute(final BlockBuilder block, final Action.Swap victim, final Searcher searcher,
                                       final Plan plan) {
        final Economy economy = block.economy();
        final ConstantProductPair pool = economy.pair(victim.pair());
        final Erc20Token tokenOut = pool.other(victim.tokenIn());
        final BigInteger before = economy.balanceOf(searcher.contract(), victim.tokenIn());
        final MinedTransaction front = block.include(new Action.BotSwap(searcher.account(), searcher.contract(),
                victim.pair(), victim.tokenIn(), plan.frontIn()));
        final MinedTransaction victimTx = block.include(victim);
        final MinedTransaction back = block.include(new Action.BotSwap(searcher.account(), searcher.contract(),
                victim.pair(), tokenOut, plan.frontOut()));
        final BigInteger profit = economy.balanceOf(searcher.contract(), victim.tokenIn()).subtract(before);
        if (!profit.equals(plan.profit())) {
            throw new IllegalStateException("sandwich in block " + block.number() + " made " + profit
                    + ", planned " + plan.profit());
        }
        return GroundTruth.sandwich(block.number(), searcher.contract(), searcher.account(), victim.pair(),
                front.hash(), victimTx.hash(), back.hash(), victim.tokenIn().address(), profit);
    }

    /** The most profitable front-run that keeps the victim at its minimum, if it pays for the gas. */
    static Optional<Plan> plan(final Economy economy, final Action.Swap victim, final Searcher searcher,
                               final long baseFee) {
        final ConstantProductPair pool = economy.pair(victim.pair());
        final Erc20Token tokenIn = victim.tokenIn();
        final BigInteger reserveIn = pool.reserveOf(tokenIn);
        final BigInteger reserveOut = pool.reserveOf(pool.other(tokenIn));
        final BigInteger cap = economy.balanceOf(searcher.contract(), tokenIn).min(reserveIn.divide(MAX_SHARE_OF_RESERVE));
        if (cap.signum() <= 0 || victim.amountOutMin() == null) {
            return Optional.empty();
        }
        // The victim's output falls as the front-run grows: the largest front-run it still accepts.
        BigInteger low = BigInteger.ZERO;
        BigInteger high = cap;
        while (low.compareTo(high) < 0) {
            final BigInteger mid = low.add(high).add(BigInteger.ONE).shiftRight(1);
            if (victimOut(mid, victim, reserveIn, reserveOut).compareTo(victim.amountOutMin()) >= 0) {
                low = mid;
            } else {
                high = mid.subtract(BigInteger.ONE);
            }
        }
        Plan best = null;
        for (final int quarters : new int[] {4, 3, 2}) {
            final BigInteger frontIn = low.multiply(BigInteger.valueOf(quarters)).shiftRight(2);
            final Optional<Plan> candidate = outcome(frontIn, victim, reserveIn, reserveOut);
            if (candidate.isPresent() && (best == null || candidate.get().profit().compareTo(best.profit()) > 0)) {
                best = candidate.get();
            }
        }
        if (best == null || best.profit().signum() <= 0
                || Valuation.inWei(economy, tokenIn, best.profit())
                < MIN_PROFIT_PER_GAS_COST * Valuation.gasCostWei(BOTH_LEGS_GAS, baseFee)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    private static BigInteger victimOut(final BigInteger frontIn, final Action.Swap victim, final BigInteger reserveIn,
                                        final BigInteger reserveOut) {
        final BigInteger frontOut = frontIn.signum() == 0 ? BigInteger.ZERO
                : ConstantProductPair.amountOut(frontIn, reserveIn, reserveOut);
        return ConstantProductPair.amountOut(victim.amountIn(), reserveIn.add(frontIn), reserveOut.subtract(frontOut));
    }

    private static Optional<Plan> outcome(final BigInteger frontIn, final Action.Swap victim, final BigInteger reserveIn,
                                          final BigInteger reserveOut) {
        if (frontIn.signum() <= 0) {
            return Optional.empty();
        }
        final BigInteger frontOut = ConstantProductPair.amountOut(frontIn, reserveIn, reserveOut);
        if (frontOut.signum() <= 0) {
            return Optional.empty();
        }
        final BigInteger victimOut = ConstantProductPair.amountOut(victim.amountIn(), reserveIn.add(frontIn),
                reserveOut.subtract(frontOut));
        final BigInteger backOut = ConstantProductPair.amountOut(frontOut, reserveOut.subtract(frontOut).subtract(victimOut),
                reserveIn.add(frontIn).add(victim.amountIn()));
        return Optional.of(new Plan(frontIn, frontOut, backOut.subtract(frontIn)));
    }

    private List<Searcher> shuffled(final SplittableRandom rng) {
        final List<Searcher> order = new ArrayList<>(searchers);
        for (int i = order.size() - 1; i > 0; i--) {
            final int j = rng.nextInt(i + 1);
            final Searcher swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        return order;
    }

    /** A sandwich's legs: what the front-run sells, what it buys (and the back-run sells), the profit. */
    record Plan(BigInteger frontIn, BigInteger frontOut, BigInteger profit) {
    }
}
