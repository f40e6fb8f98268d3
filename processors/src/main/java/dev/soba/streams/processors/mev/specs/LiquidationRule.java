package dev.soba.streams.processors.mev.specs;

/** How a liquidation call's terms are read. Argument positions as in {@link Role}. */
public sealed interface LiquidationRule permits LiquidationRule.LendingPoolLiquidation,
        LiquidationRule.CTokenLiquidation {

    /**
     * Aave's {@code liquidationCall(collateral, debt, user, …)}: the liquidator is the caller; the debt
     * paid is its first transfer out inside the call (or, for an ETH reserve, the ETH sent with the call)
     * and the collateral received the first transfer to it; without both, nothing was liquidated.
     */
    record LendingPoolLiquidation(int collateralArgument, int debtArgument, int userArgument)
            implements LiquidationRule {
    }

    /**
     * Compound's {@code liquidateBorrow} on the debt's cToken: the liquidator is the caller. The debt is
     * the call's ETH value on the ether market, else {@code repayAmount}, and the first transfer from
     * the liquidator inside the call overrides both; the collateral received is the first transfer to
     * the liquidator, else the {@code seizeTokens} of the {@code seize} inside, in the collateral cToken.
     *
     * @param repayAmountArgument {@link Role#CALLER} when the function has none (the ether market's)
     * @param etherMarket         the market whose debt is ETH, lower case
     */
    record CTokenLiquidation(int borrowerArgument, int repayAmountArgument, int collateralArgument,
                             String etherMarket) implements LiquidationRule {
    }
}
