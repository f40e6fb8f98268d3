package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The world state the synthetic chain evolves: traders, their token balances and nonces, and the
 * pools' reserves. It executes {@link Action}s like the contracts would, refusing what they would
 * revert, so every emitted log is one the real contracts could have emitted; a searcher's arbitrage
 * that would not pay is executed as the revert it is (its trace, no logs, no change).
 */
final class Economy {

    /** The plain chain's slippage tolerance for {@code amountOutMin}: 0.5%. */
    private static final BigInteger SLIPPAGE_KEPT_PER_MILLE = BigInteger.valueOf(995);
    private static final BigInteger PER_MILLE = BigInteger.valueOf(1_000);
    /**
     * What the market scenario's traders accept, in per mille below the quote, one per trader: most
     * keep their wallet's default of 0.5-1%, some set 2-5% to get volatile trades through.
     */
    private static final int[] TOLERANCES_PER_MILLE = {5, 5, 5, 10, 10, 10, 20, 30, 50};
    private static final long SWAP_DEADLINE_SECONDS = 1_200;
    /** How long before the first block the pools last changed, for {@code getReserves}' timestamp. */
    private static final long GENESIS_RESERVES_AGE_SECONDS = 60;

    private final List<String> traders;
    private final Map<String, ConstantProductPair> pairs = new LinkedHashMap<>();
    private final Map<Holding, BigInteger> balances = new HashMap<>();
    private final Map<String, Long> nonces = new HashMap<>();
    private final Map<String, Integer> tolerances = new HashMap<>();
    private final Map<String, Long> reservesUpdatedAt = new HashMap<>();

    private Economy(final List<String> traders) {
        this.traders = List.copyOf(traders);
    }

    /** The plain economy at the first block for a seed: same seed, same traders, balances and nonces. */
    static Economy genesis(final long seed) {
        return genesis(seed, Scenario.PLAIN);
    }

    /**
     * The economy of a scenario at its first block. The traders' draws come first and from their own
     * stream, so the traders of both scenarios start alike; the market scenario adds its pools and,
     * from another stream, each trader's slippage tolerance.
     */
    static Economy genesis(final long seed, final Scenario scenario) {
        final SplittableRandom rng = new SplittableRandom(LabelledHash.seed("genesis", seed));
        final List<String> traders = new ArrayList<>();
        for (int i = 0; i < MarketGenesis.TRADER_COUNT; i++) {
            traders.add(LabelledHash.address("trader", seed, i));
        }
        final Economy economy = new Economy(traders);
        MarketGenesis.pairs(scenario).forEach(pair -> economy.pairs.put(pair.address(), pair));
        for (final String trader : traders) {
            economy.nonces.put(trader, rng.nextLong(0, 5_000));
            for (final MarketGenesis.StartingHolding holding : MarketGenesis.startingHoldings()) {
                final long cents = rng.nextLong(holding.minCents(), holding.maxCents() + 1);
                economy.balances.put(new Holding(trader, holding.token()), holding.rawUnits(cents));
            }
        }
        if (scenario.hasActors()) {
            final SplittableRandom tolerance = new SplittableRandom(LabelledHash.seed("slippage-tolerance", seed));
            for (final String trader : traders) {
                economy.tolerances.put(trader, TOLERANCES_PER_MILLE[tolerance.nextInt(TOLERANCES_PER_MILLE.length)]);
            }
        }
        return economy;
    }

    List<String> traders() {
        return traders;
    }

    /** The pools now, in a fixed order. */
    List<ConstantProductPair> pairs() {
        return List.copyOf(pairs.values());
    }

    ConstantProductPair pair(final String address) {
        final ConstantProductPair pair = pairs.get(address);
        if (pair == null) {
            throw new IllegalArgumentException("unknown pair " + address);
        }
        return pair;
    }

    BigInteger balanceOf(final String holder, final Erc20Token token) {
        return balances.getOrDefault(new Holding(holder, token), BigInteger.ZERO);
    }

    /** Gives an account tokens at genesis (bots' inventories, holders' savings): no transaction, no log. */
    void endow(final String holder, final Erc20Token token, final BigInteger amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("cannot endow a negative amount");
        }
        credit(holder, token, amount);
    }

    /** Sets an account's next nonce at genesis. */
    void startNonce(final String account, final long nonce) {
        nonces.put(account, nonce);
    }

    /** The sender's next nonce, consumed. */
    long takeNonce(final String sender) {
        final long nonce = nonces.getOrDefault(sender, 0L);
        nonces.put(sender, nonce + 1);
        return nonce;
    }

    /** How far below its quote a trader's swap may fill, in per mille (5 = 0.5%). */
    int tolerancePerMille(final String trader) {
        return tolerances.getOrDefault(trader, PER_MILLE.subtract(SLIPPAGE_KEPT_PER_MILLE).intValue());
    }

    /** The least a trader accepts for {@code amountIn} at the pools as they are now: the quote less its tolerance. */
    BigInteger minimumOut(final String trader, final String pair, final Erc20Token tokenIn, final BigInteger amountIn) {
        final ConstantProductPair pool = pair(pair);
        final BigInteger quote = ConstantProductPair.amountOut(amountIn, pool.reserveOf(tokenIn),
                pool.reserveOf(pool.other(tokenIn)));
        return quote.multiply(PER_MILLE.subtract(BigInteger.valueOf(tolerancePerMille(trader)))).divide(PER_MILLE);
    }

    ExecutedCall execute(final Action action, final long blockTimestamp, final SplittableRandom rng) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (action instanceof Action.EthTransfer t) {
            return new ExecutedCall(t.recipient(), t.wei(), "0x", 21_000, 21_000, List.of(),
                    ContractCalls.ethTransfer(t.sender(), t.recipient(), t.wei()), true);
        }
        if (action instanceof Action.TokenTransfer t) {
            return transfer(t, rng);
        }
        if (action instanceof Action.Swap s) {
            return swap(s, blockTimestamp, rng);
        }
        if (action instanceof Action.BotSwap b) {
            return botSwap(b, blockTimestamp, rng);
        }
        if (action instanceof Action.Arbitrage a) {
            return arbitrage(a, blockTimestamp, rng);
        }
        throw new IllegalArgumentException("unknown action " + action);
    }

    private ExecutedCall transfer(final Action.TokenTransfer t, final SplittableRandom rng) {
        move(t.token(), t.sender(), t.recipient(), t.amount());
        final long gasUsed = rng.nextLong(29_000, 52_000);
        return new ExecutedCall(t.token().address(), BigInteger.ZERO, Erc20Abi.transferCall(t.recipient(), t.amount()),
                gasUsed, withHeadroom(gasUsed, rng),
                List.of(Erc20Abi.transferLog(t.token(), t.sender(), t.recipient(), t.amount())),
                ContractCalls.transfer(t.token(), t.sender(), t.recipient(), t.amount()), true);
    }

    /** The router pulls tokenIn into the pair, the pair pays out, syncs and emits Swap: the mainnet log order. */
    private ExecutedCall swap(final Action.Swap s, final long blockTimestamp, final SplittableRandom rng) {
        final ConstantProductPair before = pair(s.pair());
        final String router = MarketGenesis.dexOf(before.address()).router();
        final Erc20Token tokenOut = before.other(s.tokenIn());
        final ConstantProductPair.Fill fill = before.swap(s.tokenIn(), s.amountIn());
        final BigInteger amountOut = fill.amountOut();
        final BigInteger amountOutMin = s.amountOutMin() != null ? s.amountOutMin()
                : amountOut.multiply(SLIPPAGE_KEPT_PER_MILLE).divide(PER_MILLE);
        if (amountOut.compareTo(amountOutMin) < 0) {
            // The router would revert; no actor of the simulation may plan such a trade.
            throw new IllegalStateException("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT, " + amountOut + " < "
                    + amountOutMin + " for " + s);
        }
        move(s.tokenIn(), s.sender(), before.address(), s.amountIn());
        credit(s.sender(), tokenOut, amountOut);
        final long updatedAt = touch(before.address(), fill.after(), blockTimestamp);
        final String input = UniswapV2Abi.swapExactTokensForTokensCall(s.amountIn(), amountOutMin,
                List.of(s.tokenIn().address(), tokenOut.address()), s.sender(), blockTimestamp + SWAP_DEADLINE_SECONDS);
        final long gasUsed = rng.nextLong(105_000, 150_000);
        return new ExecutedCall(router, BigInteger.ZERO, input, gasUsed, withHeadroom(gasUsed, rng), List.of(
                Erc20Abi.transferLog(s.tokenIn(), s.sender(), before.address(), s.amountIn()),
                Erc20Abi.transferLog(tokenOut, before.address(), s.sender(), amountOut),
                UniswapV2Abi.syncLog(fill.after()),
                UniswapV2Abi.swapLog(before.address(), router, fill, s.sender())),
                ContractCalls.routerSwap(s.sender(), router, input, before, updatedAt, s.tokenIn(), s.amountIn(), fill),
                true);
    }

    /** A searcher contract trades on one pool: it pays the pair, the pair pays it back. */
    private ExecutedCall botSwap(final Action.BotSwap b, final long blockTimestamp, final SplittableRandom rng) {
        final ConstantProductPair before = pair(b.pair());
        final Erc20Token tokenOut = before.other(b.tokenIn());
        final ConstantProductPair.Fill fill = before.swap(b.tokenIn(), b.amountIn());
        move(b.tokenIn(), b.contract(), before.address(), b.amountIn());
        credit(b.contract(), tokenOut, fill.amountOut());
        final long updatedAt = touch(before.address(), fill.after(), blockTimestamp);
        final String input = SearcherCalldata.botSwap(before, b.tokenIn(), b.amountIn());
        final long gasUsed = rng.nextLong(88_000, 118_000);
        return new ExecutedCall(b.contract(), BigInteger.ZERO, input, gasUsed, withHeadroom(gasUsed, rng), List.of(
                Erc20Abi.transferLog(b.tokenIn(), b.contract(), before.address(), b.amountIn()),
                Erc20Abi.transferLog(tokenOut, before.address(), b.contract(), fill.amountOut()),
                UniswapV2Abi.syncLog(fill.after()),
                UniswapV2Abi.swapLog(before.address(), b.contract(), fill, b.contract())),
                ContractCalls.botSwap(b.sender(), b.contract(), input, before, updatedAt, b.tokenIn(), b.amountIn(), fill),
                true);
    }

    /**
     * Runs the cycle against the pools as they are; if it returns less than {@code amountIn + minProfit}
     * the contract reverts: the trace shows the swaps it tried, the receipt fails, nothing changes.
     */
    private ExecutedCall arbitrage(final Action.Arbitrage a, final long blockTimestamp, final SplittableRandom rng) {
        if (balanceOf(a.contract(), a.startToken()).compareTo(a.amountIn()) < 0) {
            throw new IllegalArgumentException(a.contract() + " cannot fund an arbitrage of " + a.amountIn());
        }
        final List<ConstantProductPair> before = new ArrayList<>();
        final List<ConstantProductPair.Fill> fills = new ArrayList<>();
        final List<Long> updatedAt = new ArrayList<>();
        Erc20Token token = a.startToken();
        BigInteger amount = a.amountIn();
        for (final String address : a.pools()) {
            final ConstantProductPair pool = pair(address);
            final ConstantProductPair.Fill fill = pool.swap(token, amount);
            before.add(pool);
            fills.add(fill);
            updatedAt.add(reservesUpdatedAt.getOrDefault(address, blockTimestamp - GENESIS_RESERVES_AGE_SECONDS));
            token = pool.other(token);
            amount = fill.amountOut();
        }
        if (!token.equals(a.startToken())) {
            throw new IllegalArgumentException("the pools of " + a + " do not form a cycle");
        }
        final boolean pays = amount.compareTo(a.amountIn().add(a.minProfit())) >= 0;
        final String input = SearcherCalldata.arbitrage(a.startToken(), a.pools(), a.amountIn());
        final long gasUsed = rng.nextLong(120_000, 150_000) + 62_000L * a.pools().size();
        final long gasLimit = withHeadroom(gasUsed, rng);
        final CallFrame trace = ContractCalls.arbitrage(a.sender(), a.contract(), input, before, updatedAt,
                a.startToken(), a.amountIn(), fills);
        if (!pays) {
            return new ExecutedCall(a.contract(), BigInteger.ZERO, input, gasUsed, gasLimit, List.of(),
                    trace.reverted(CallFrame.REVERTED), false);
        }
        final List<LogEntry> logs = new ArrayList<>();
        logs.add(Erc20Abi.transferLog(a.startToken(), a.contract(), before.get(0).address(), a.amountIn()));
        Erc20Token tokenIn = a.startToken();
        for (int i = 0; i < before.size(); i++) {
            final ConstantProductPair pool = before.get(i);
            final ConstantProductPair.Fill fill = fills.get(i);
            final String to = i + 1 < before.size() ? before.get(i + 1).address() : a.contract();
            logs.add(Erc20Abi.transferLog(pool.other(tokenIn), pool.address(), to, fill.amountOut()));
            logs.add(UniswapV2Abi.syncLog(fill.after()));
            logs.add(UniswapV2Abi.swapLog(pool.address(), a.contract(), fill, to));
            touch(pool.address(), fill.after(), blockTimestamp);
            tokenIn = pool.other(tokenIn);
        }
        move(a.startToken(), a.contract(), before.get(0).address(), a.amountIn());
        credit(a.contract(), a.startToken(), amount);
        return new ExecutedCall(a.contract(), BigInteger.ZERO, input, gasUsed, gasLimit, logs, trace, true);
    }

    /** Stores the pool after a trade; returns when its reserves had last changed before, as getReserves reports. */
    private long touch(final String address, final ConstantProductPair after, final long blockTimestamp) {
        pairs.put(address, after);
        final Long previous = reservesUpdatedAt.put(address, blockTimestamp);
        return previous != null ? previous : blockTimestamp - GENESIS_RESERVES_AGE_SECONDS;
    }

    /** Pool balances live in the pairs' reserves; only other accounts' balances are kept here. */
    private void move(final Erc20Token token, final String from, final String to, final BigInteger amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("transfer amount must be positive: " + amount);
        }
        if (!pairs.containsKey(from)) {
            final BigInteger balance = balanceOf(from, token);
            if (balance.compareTo(amount) < 0) {
                throw new IllegalArgumentException(from + " holds " + balance + " " + token.symbol() + ", cannot send " + amount);
            }
            balances.put(new Holding(from, token), balance.subtract(amount));
        }
        if (!pairs.containsKey(to)) {
            credit(to, token, amount);
        }
    }

    private void credit(final String holder, final Erc20Token token, final BigInteger amount) {
        balances.merge(new Holding(holder, token), amount, BigInteger::add);
    }

    /** Wallets set a gas limit above the estimate, as they do on mainnet. */
    private static long withHeadroom(final long gasUsed, final SplittableRandom rng) {
        return gasUsed + gasUsed * rng.nextLong(10, 60) / 100;
    }

    private record Holding(String holder, Erc20Token token) {
    }
}
