package dev.soba.streams.api.demo;

import java.math.BigInteger;

/**
 * What an actor of the economy wants to do in one transaction. Actors (today the retail
 * traders, later bots and attackers) decide actions; {@link Economy} executes them.
 */
sealed interface Action {

    String sender();

    record EthTransfer(String sender, String recipient, BigInteger wei) implements Action {
    }

    record TokenTransfer(String sender, String recipient, Erc20Token token, BigInteger amount) implements Action {
    }

    /** Sells {@code amountIn} of {@code tokenIn} through the router, one hop, proceeds to the sender. */
    record Swap(String sender, String pair, Erc20Token tokenIn, BigInteger amountIn) implements Action {
    }
}
