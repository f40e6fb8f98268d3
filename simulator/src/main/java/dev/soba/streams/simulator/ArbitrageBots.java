package dev.soba.streams.simulator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Arbitrage searchers. After every retail swap they look for a cycle of pools whose prices no longer
 * agree — the same pair on Uniswap and SushiSwap, or a WETH-USDC-DAI triangle — and, if the best one
 * pays at least 1.3 times its gas, a free searcher back-runs the swap with one transaction round the
 * cycle, sized at the optimum of the constant-product curves. Sometimes a second searcher raced for
 * the same opportunity: its identical transaction lands right after the winner's, finds the prices
 * already aligned, and reverts. Each searcher sends at most one transaction per block.
 */
final class ArbitrageBots {

    /** Uniswap V2's 0.3% fee: 997/1000 of the input is swapped. */
    private static final double GAMMA = 0.997;
    private static final double MIN_PROFIT_PER_GAS_COST = 1.3;
    /** The chance that a losing searcher's transaction also lands (and reverts). */
    private static final int RACE_PERCENT = 20;
    /** An arbitrage moves at most 1/5 of the first pool's input reserve. */
    private static final BigInteger MAX_SHARE_OF_RESERVE = BigInteger.valueOf(5);

    private final List<Searcher> searchers = new ArrayList<>();
    private final List<Cycle> cycles;

    ArbitrageBots(final long seed, final int count, final Economy economy) {
        final SplittableRandom rng = new SplittableRandom(LabelledHash.seed("arbitrage-searchers", seed));
        for (int i = 0; i < count; i++) {
            final Searcher searcher = new Searcher(LabelledHash.address("arbitrage-searcher", seed, i),
                    LabelledHash.address("arbitrage-contract", seed, i));
            searcher.endow(economy, 300, 900_000, 900_000, 15);
            economy.startNonce(searcher.account(), rng.nextLong(1_000, 200_000));
            searchers.add(searcher);
        }
        this.cycles = cycles(economy.pairs());
    }

    List<Searcher> searchers() {
        return List.copyOf(searchers);
    }

    List<Cycle> cycles() {
        return cycles;
    }

    /**
     * Takes the best opportunity the pools offer now, if any pays and a searcher is free; returns the
     * ground truth of what was included (the winner, and a losing racer if one landed).
     */
    List<GroundTruth> backrun(final BlockBuilder block, final Set<String> busy, final SplittableRandom rng) {
        final List<Searcher> free = new ArrayList<>();
        for (final Searcher searcher : searchers) {
            if (!busy.contains(searcher.contract())) {
                free.add(searcher);
            }
        }
        if (free.isEmpty()) {
            return List.of();
        }
        final Economy economy = block.economy();
        Opportunity best = null;
        final Searcher winner = free.get(rng.nextInt(free.size()));
        for (final Cycle cycle : cycles) {
            final Optional<Opportunity> opportunity = evaluate(economy, cycle, winner, block.baseFee());
            if (opportunity.isPresent() && (best == null || opportunity.get().profitWei() > best.profitWei())) {
                best = opportunity.get();
            }
        }
        if (best == null) {
            return List.of();
        }
        final List<GroundTruth> truth = new ArrayList<>(2);
        truth.add(include(block, winner, best));
        busy.add(winner.contract());
        free.remove(winner);
        if (!free.isEmpty() && rng.nextInt(100) < RACE_PERCENT) {
            final Searcher loser = free.get(rng.nextInt(free.size()));
            if (economy.balanceOf(loser.contract(), best.cycle().start()).compareTo(best.amountIn()) >= 0) {
                truth.add(include(block, loser, best));
                busy.add(loser.contract());
            }
        }
        return truth;
    }

    private static GroundTruth include(final BlockBuilder block, final Searcher searcher, final Opportunity opportunity) {
        final Cycle cycle = opportunity.cycle();
        final BigInteger returned = cycle.output(block.economy(), opportunity.amountIn());
        final MinedTransaction tx = block.include(new Action.Arbitrage(searcher.account(), searcher.contract(),
                cycle.pools(), cycle.start(), opportunity.amountIn(), BigInteger.ONE));
        final String error = tx.call().succeeded() ? null : tx.call().trace().error();
        return GroundTruth.arbitrage(block.number(), tx.hash(), searcher.contract(), searcher.account(), cycle.pools(),
                cycle.start().address(), returned.subtract(opportunity.amountIn()), error);
    }

    /**
     * The cycle's optimum: the pools in a row act as one constant-product pool with virtual reserves
     * (a, b), whose profit {@code γb·x/(a+γx) − x} peaks at {@code x = (√(γab) − a)/γ}; the size is then
     * capped by inventory and depth and priced exactly.
     */
    static Optional<Opportunity> evaluate(final Economy economy, final Cycle cycle, final Searcher searcher,
                                          final long baseFee) {
        Erc20Token token = cycle.start();
        double a = 0;
        double b = 0;
        for (int i = 0; i < cycle.pools().size(); i++) {
            final ConstantProductPair pool = economy.pair(cycle.pools().get(i));
            final double in = pool.reserveOf(token).doubleValue();
            final double out = pool.reserveOf(pool.other(token)).doubleValue();
            if (i == 0) {
                a = in;
                b = out;
            } else {
                final double denominator = in + GAMMA * b;
                a = a * in / denominator;
                b = GAMMA * b * out / denominator;
            }
            token = pool.other(token);
        }
        if (GAMMA * b <= a) {
            return Optional.empty();
        }
        final double optimum = (Math.sqrt(GAMMA * a * b) - a) / GAMMA;
        if (!(optimum >= 1)) {
            return Optional.empty();
        }
        final ConstantProductPair first = economy.pair(cycle.pools().get(0));
        final BigInteger amountIn = new BigDecimal(optimum).toBigInteger()
                .min(economy.balanceOf(searcher.contract(), cycle.start()))
                .min(first.reserveOf(cycle.start()).divide(MAX_SHARE_OF_RESERVE));
        if (amountIn.signum() <= 0) {
            return Optional.empty();
        }
        final BigInteger profit = cycle.output(economy, amountIn).subtract(amountIn);
        if (profit.signum() <= 0) {
            return Optional.empty();
        }
        final double profitWei = Valuation.inWei(economy, cycle.start(), profit);
        final long gas = 135_000 + 62_000L * cycle.pools().size();
        if (profitWei < MIN_PROFIT_PER_GAS_COST * Valuation.gasCostWei(gas, baseFee)) {
            return Optional.empty();
        }
        return Optional.of(new Opportunity(cycle, amountIn, profit, profitWei));
    }

    /**
     * Every cycle the searchers watch: each pair listed on both exchanges, both ways (from WETH when
     * the pair has it), and the WETH-USDC-DAI triangle both ways over every choice of pools.
     */
    static List<Cycle> cycles(final List<ConstantProductPair> pools) {
        final List<Cycle> cycles = new ArrayList<>();
        for (final ConstantProductPair p : pools) {
            for (final ConstantProductPair q : pools) {
                if (p != q && p.token0().equals(q.token0()) && p.token1().equals(q.token1())) {
                    final Erc20Token start = p.holds(MarketGenesis.WETH) ? MarketGenesis.WETH : p.token0();
                    cycles.add(new Cycle(start, List.of(p.address(), q.address())));
                }
            }
        }
        final List<Erc20Token> triangle = List.of(MarketGenesis.WETH, MarketGenesis.USDC, MarketGenesis.DAI);
        for (final boolean reversed : new boolean[] {false, true}) {
            final List<Erc20Token> path = reversed
                    ? List.of(triangle.get(0), triangle.get(2), triangle.get(1), triangle.get(0))
                    : List.of(triangle.get(0), triangle.get(1), triangle.get(2), triangle.get(0));
            addTriangles(pools, path, 0, new ArrayList<>(), cycles);
        }
        return List.copyOf(cycles);
    }

    private static void addTriangles(final List<ConstantProductPair> pools, final List<Erc20Token> path, final int hop,
                                     final List<String> chosen, final List<Cycle> cycles) {
        if (hop == path.size() - 1) {
            cycles.add(new Cycle(path.get(0), chosen));
            return;
        }
        for (final ConstantProductPair pool : pools) {
            if (pool.holds(path.get(hop)) && pool.holds(path.get(hop + 1))) {
                final List<String> next = new ArrayList<>(chosen);
                next.add(pool.address());
                addTriangles(pools, path, hop + 1, next, cycles);
            }
        }
    }

    /** A route of pools from {@code start} back to it. */
    record Cycle(Erc20Token start, List<String> pools) {

        Cycle {
            pools = List.copyOf(pools);
        }

        /** What {@code amountIn} of the start token comes back as, at the pools' current reserves. */
        BigInteger output(final Economy economy, final BigInteger amountIn) {
            Erc20Token token = start;
            BigInteger amount = amountIn;
            for (final String address : pools) {
                final ConstantProductPair pool = economy.pair(address);
                final Erc20Token out = pool.other(token);
                amount = ConstantProductPair.amountOut(amount, pool.reserveOf(token), pool.reserveOf(out));
                if (amount.signum() <= 0) {
                    return BigInteger.ZERO;
                }
                token = out;
            }
            return amount;
        }
    }

    record Opportunity(Cycle cycle, BigInteger amountIn, BigInteger profit, double profitWei) {
    }
}
