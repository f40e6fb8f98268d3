package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.List;

/**
 * What an actor of the economy wants to do in one transaction. Actors (the retail traders, the
 * bots, the phishing drains) decide actions; {@link Economy} executes them.
 */
sealed interface Action {

    /** The account that signs and pays for the transaction. */
    String sender();

    record EthTransfer(String sender, String recipient, BigInteger wei) implements Action {
    }

    record TokenTransfer(String sender, String recipient, Erc20Token token, BigInteger amount) implements Action {
    }

    /**
     * Sells {@code amountIn} of {@code tokenIn} through the pair's router, one hop, proceeds to the sender.
     *
     * @param amountOutMin the least the trader accepts (the router reverts below it); null: 0.5% below
     *                     what the swap actually pays, the plain chain's rule
     */
    record Swap(String sender, String pair, Erc20Token tokenIn, BigInteger amountIn, BigInteger amountOutMin)
            implements Action {

        Swap(final String sender, final String pair, final Erc20Token tokenIn, final BigInteger amountIn) {
            this(sender, pair, tokenIn, amountIn, null);
        }

        Swap withAmountOutMin(final BigInteger minimum) {
            return new Swap(sender, pair, tokenIn, amountIn, minimum);
        }
    }

    /**
     * A searcher's one-pool trade through its own contract (a sandwich leg): the contract sends
     * {@code amountIn} of {@code tokenIn} to the pair and receives the output.
     *
     * @param sender   the searcher's account, which calls the contract
     * @param contract the searcher's contract, which holds the inventory and trades
     */
    record BotSwap(String sender, String contract, String pair, Erc20Token tokenIn, BigInteger amountIn)
            implements Action {
    }

    /**
     * An atomic arbitrage through a searcher's contract: {@code amountIn} of {@code startToken} round
     * {@code pools} in order, back to the contract. The contract reverts unless it gets back at least
     * {@code amountIn + minProfit}.
     */
    record Arbitrage(String sender, String contract, List<String> pools, Erc20Token startToken, BigInteger amountIn,
                     BigInteger minProfit) implements Action {

        public Arbitrage {
            pools = List.copyOf(pools);
            if (pools.size() < 2) {
                throw new IllegalArgumentException("an arbitrage needs at least two pools");
            }
        }
    }
}
