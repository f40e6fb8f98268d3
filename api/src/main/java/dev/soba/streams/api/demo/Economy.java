package dev.soba.streams.api.demo;

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
 * revert, so every emitted log is one the real contracts could have emitted.
 */
final class Economy {

    /** Retail slippage tolerance for {@code amountOutMin}: 0.5%. */
    private static final BigInteger SLIPPAGE_KEPT_PER_MILLE = BigInteger.valueOf(995);
    private static final long SWAP_DEADLINE_SECONDS = 1_200;

    private final List<String> traders;
    private final Map<String, ConstantProductPair> pairs = new LinkedHashMap<>();
    private final Map<Holding, BigInteger> balances = new HashMap<>();
    private final Map<String, Long> nonces = new HashMap<>();

    private Economy(final List<String> traders) {
        this.traders = List.copyOf(traders);
    }

    /** The economy at the first block for a seed: same seed, same traders, balances and nonces. */
    static Economy genesis(final long seed) {
        final SplittableRandom rng = new SplittableRandom(LabelledHash.seed("genesis", seed));
        final List<String> traders = new ArrayList<>();
        for (int i = 0; i < MarketGenesis.TRADER_COUNT; i++) {
            traders.add(LabelledHash.address("trader", seed, i));
        }
        final Economy economy = new Economy(traders);
        MarketGenesis.pairs().forEach(pair -> economy.pairs.put(pair.address(), pair));
        for (final String trader : traders) {
            economy.nonces.put(trader, rng.nextLong(0, 5_000));
            for (final MarketGenesis.StartingHolding holding : MarketGenesis.startingHoldings()) {
                final long cents = rng.nextLong(holding.minCents(), holding.maxCents() + 1);
                economy.balances.put(new Holding(trader, holding.token()), holding.rawUnits(cents));
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

    /** The sender's next nonce, consumed. */
    long takeNonce(final String sender) {
        final long nonce = nonces.getOrDefault(sender, 0L);
        nonces.put(sender, nonce + 1);
        return nonce;
    }

    ExecutedCall execute(final Action action, final long blockTimestamp, final SplittableRandom rng) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (action instanceof Action.EthTransfer t) {
            return new ExecutedCall(t.recipient(), t.wei(), "0x", 21_000, 21_000, List.of());
        }
        if (action instanceof Action.TokenTransfer t) {
            return transfer(t, rng);
        }
        if (action instanceof Action.Swap s) {
            return swap(s, blockTimestamp, rng);
        }
        throw new IllegalArgumentException("unknown action " + action);
    }

    private ExecutedCall transfer(final Action.TokenTransfer t, final SplittableRandom rng) {
        move(t.token(), t.sender(), t.recipient(), t.amount());
        final long gasUsed = rng.nextLong(29_000, 52_000);
        return new ExecutedCall(t.token().address(), BigInteger.ZERO, Erc20Abi.transferCall(t.recipient(), t.amount()),
                gasUsed, withHeadroom(gasUsed, rng),
                List.of(Erc20Abi.transferLog(t.token(), t.sender(), t.recipient(), t.amount())));
    }

    /** The router pulls tokenIn into the pair, the pair pays out, syncs and emits Swap: the mainnet log order. */
    private ExecutedCall swap(final Action.Swap s, final long blockTimestamp, final SplittableRandom rng) {
        final ConstantProductPair before = pair(s.pair());
        final Erc20Token tokenOut = before.other(s.tokenIn());
        final ConstantProductPair.Fill fill = before.swap(s.tokenIn(), s.amountIn());
        final BigInteger amountOut = fill.amountOut();
        move(s.tokenIn(), s.sender(), before.address(), s.amountIn());
        credit(s.sender(), tokenOut, amountOut);
        pairs.put(before.address(), fill.after());
        final BigInteger amountOutMin = amountOut.multiply(SLIPPAGE_KEPT_PER_MILLE).divide(BigInteger.valueOf(1_000));
        final String input = UniswapV2Abi.swapExactTokensForTokensCall(s.amountIn(), amountOutMin,
                List.of(s.tokenIn().address(), tokenOut.address()), s.sender(), blockTimestamp + SWAP_DEADLINE_SECONDS);
        final long gasUsed = rng.nextLong(105_000, 150_000);
        return new ExecutedCall(UniswapV2Abi.ROUTER, BigInteger.ZERO, input, gasUsed, withHeadroom(gasUsed, rng), List.of(
                Erc20Abi.transferLog(s.tokenIn(), s.sender(), before.address(), s.amountIn()),
                Erc20Abi.transferLog(tokenOut, before.address(), s.sender(), amountOut),
                UniswapV2Abi.syncLog(fill.after()),
                UniswapV2Abi.swapLog(before.address(), UniswapV2Abi.ROUTER, fill, s.sender())));
    }

    /** Pool balances live in the pairs' reserves; only traders' balances are kept here. */
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
