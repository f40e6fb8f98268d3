package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The background flow of ordinary users: each block some distinct traders send ETH, send a token
 * to another trader, or swap a slice of a holding through a pool. Sizes follow balances, so
 * nobody spends what they do not hold, and stay small against the pools, so prices drift
 * rather than jump; directions lean towards the {@link ReferencePrices}.
 */
final class RetailTraders {

    static final int MIN_TRANSACTIONS = 5;
    static final int MAX_TRANSACTIONS = 30;
    private static final int ETH_TRANSFER_PERCENT = 25;
    private static final int TOKEN_TRANSFER_PERCENT = 25;
    /** A single retail swap takes at most 1% of the input reserve. */
    private static final BigInteger MAX_SHARE_OF_RESERVE = BigInteger.valueOf(100);
    private static final BigInteger BASIS_POINTS = BigInteger.valueOf(10_000);

    private RetailTraders() {
    }

    /** This block's actions, at most one per trader so each sender's nonces stay in transaction order. */
    static List<Action> actionsFor(final SplittableRandom rng, final Economy economy, final ReferencePrices prices,
                                   final long number) {
        final int count = rng.nextInt(MIN_TRANSACTIONS, MAX_TRANSACTIONS + 1);
        final List<String> senders = distinct(rng, economy.traders(), count);
        final List<Action> actions = new ArrayList<>(count);
        for (final String sender : senders) {
            final int roll = rng.nextInt(100);
            final Action action;
            if (roll < ETH_TRANSFER_PERCENT) {
                action = ethTransfer(rng, economy, sender);
            } else if (roll < ETH_TRANSFER_PERCENT + TOKEN_TRANSFER_PERCENT) {
                action = tokenTransfer(rng, economy, sender);
            } else {
                action = swap(rng, economy, sender, prices, number);
            }
            actions.add(action);
        }
        return actions;
    }

    /** 0.001 to about 50 ETH, mostly small, as wallet-to-wallet payments are. */
    private static Action ethTransfer(final SplittableRandom rng, final Economy economy, final String sender) {
        final BigInteger wei = BigInteger.TEN.pow(15 + rng.nextInt(3)).multiply(BigInteger.valueOf(rng.nextLong(1, 500)));
        return new Action.EthTransfer(sender, otherTrader(rng, economy, sender), wei);
    }

    private static Action tokenTransfer(final SplittableRandom rng, final Economy economy, final String sender) {
        final Erc20Token token = MarketGenesis.TOKENS.get(rng.nextInt(MarketGenesis.TOKENS.size()));
        final BigInteger amount = slice(rng, economy.balanceOf(sender, token), 100, 2_000);
        if (amount.signum() <= 0) {
            return ethTransfer(rng, economy, sender);
        }
        return new Action.TokenTransfer(sender, otherTrader(rng, economy, sender), token, amount);
    }

    private static Action swap(final SplittableRandom rng, final Economy economy, final String sender,
                               final ReferencePrices prices, final long number) {
        final List<ConstantProductPair> pairs = economy.pairs();
        final ConstantProductPair pair = pairs.get(rng.nextInt(pairs.size()));
        final Erc20Token preferred = rng.nextDouble() < prices.chanceToSellToken0(pair, number) ? pair.token0() : pair.token1();
        for (final Erc20Token tokenIn : List.of(preferred, pair.other(preferred))) {
            final BigInteger amountIn = slice(rng, economy.balanceOf(sender, tokenIn), 200, 2_500)
                    .min(pair.reserveOf(tokenIn).divide(MAX_SHARE_OF_RESERVE));
            if (amountIn.signum() > 0
                    && ConstantProductPair.amountOut(amountIn, pair.reserveOf(tokenIn), pair.reserveOf(pair.other(tokenIn))).signum() > 0) {
                return new Action.Swap(sender, pair.address(), tokenIn, amountIn);
            }
        }
        return ethTransfer(rng, economy, sender);
    }

    /** A random share, in basis points, of a balance. */
    private static BigInteger slice(final SplittableRandom rng, final BigInteger balance, final int minBps, final int maxBps) {
        return balance.multiply(BigInteger.valueOf(rng.nextInt(minBps, maxBps + 1))).divide(BASIS_POINTS);
    }

    private static String otherTrader(final SplittableRandom rng, final Economy economy, final String sender) {
        final List<String> traders = economy.traders();
        final String pick = traders.get(rng.nextInt(traders.size() - 1));
        // Drawing from n-1 and mapping the sender to the last trader keeps the draw uniform over the others.
        return pick.equals(sender) ? traders.get(traders.size() - 1) : pick;
    }

    /** A partial Fisher-Yates shuffle: {@code count} distinct traders in random order. */
    private static List<String> distinct(final SplittableRandom rng, final List<String> traders, final int count) {
        final List<String> pool = new ArrayList<>(traders);
        for (int i = 0; i < count; i++) {
            final int j = rng.nextInt(i, pool.size());
            final String chosen = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, chosen);
        }
        return List.copyOf(pool.subList(0, count));
    }
}
