package dev.soba.streams.processors.mev.specs;

/**
 * What a recognised function does for the MEV ladder (mev-inspect-py's classifications). Arguments
 * are referred to by their position in the function's flattened argument list (a static tuple's
 * fields count one by one).
 */
public sealed interface Role permits Role.Transfer, Role.Swap, Role.Liquidation, Role.Seize, Role.LiquidityMint,
        Role.LiquidityBurn {

    /** An argument position meaning "the caller" ({@code msg.sender}, the trace's from address). */
    int CALLER = -1;

    /** Moves {@code amount} of the called token from {@code from} (an argument or the caller) to {@code to}. */
    record Transfer(int fromArgument, int toArgument, int amountArgument) implements Role {
    }

    /** Trades with the called contract; how the swap's sides are found is the rule's. */
    record Swap(SwapRule rule) implements Role {
    }

    /** Repays a borrower's debt for part of their collateral. */
    record Liquidation(LiquidationRule rule) implements Role {
    }

    /** Compound-style collateral seizure inside a liquidation (the liquidator's cTokens). */
    record Seize(int seizeTokensArgument) implements Role {
    }

    /** Adds Uniswap V3 liquidity in a tick range. */
    record LiquidityMint(int tickLowerArgument, int tickUpperArgument) implements Role {
    }

    /** Removes Uniswap V3 liquidity from a tick range (the tokens leave with a later {@code collect}). */
    record LiquidityBurn(int tickLowerArgument, int tickUpperArgument) implements Role {
    }
}
