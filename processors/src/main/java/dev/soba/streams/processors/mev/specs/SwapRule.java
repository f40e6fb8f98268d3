package dev.soba.streams.processors.mev.specs;

/**
 * How a swap call's sides are read from the token transfers around it — the three shapes
 * mev-inspect-py knows. Argument positions as in {@link Role}.
 */
public sealed interface SwapRule permits SwapRule.PoolTransfers, SwapRule.RecipientTransfers,
        SwapRule.NativeOrderFill {

    /**
     * The called contract is the pool: the token paid in is the call's ETH value, else the last
     * transfer to the pool before the call, else one inside it; the token paid out is the single
     * transfer from the pool to the recipient inside the call (Uniswap, Curve, Balancer).
     */
    record PoolTransfers(int recipientArgument) implements SwapRule {
    }

    /**
     * A router that never holds the tokens: the swap is the single transfer from the caller (before or
     * inside the call) and the single transfer back to it (inside), recorded on a fixed pool address
     * (Bancor's network).
     */
    record RecipientTransfers(String poolAddress) implements SwapRule {
    }

    /**
     * A 0x native (limit or RFQ) order fill, read the way mev-inspect-py reads it: {@code token_in} is
     * the order's maker token with the amount transferred to the taker (or, for an open order, of that
     * token), {@code token_out} the taker token with the fill amount. A settled order has exactly two
     * transfers inside the call.
     */
    record NativeOrderFill(int makerTokenArgument, int takerTokenArgument, int takerArgument, int fillAmountArgument)
            implements SwapRule {
    }
}
