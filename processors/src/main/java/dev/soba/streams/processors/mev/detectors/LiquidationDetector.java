package dev.soba.streams.processors.mev.detectors;

import dev.soba.streams.processors.mev.calls.Call;
import dev.soba.streams.processors.mev.calls.ClassifiedCall;
import dev.soba.streams.processors.mev.calls.DecodedCall;
import dev.soba.streams.processors.mev.flows.TransactionCalls;
import dev.soba.streams.processors.mev.flows.Transfer;
import dev.soba.streams.processors.mev.flows.Transfers;
import dev.soba.streams.processors.mev.specs.LiquidationRule;
import dev.soba.streams.processors.mev.specs.Role;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevFinding.LiquidationTerms;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Liquidations (mev-inspect-py's {@code liquidations.py} and its Aave and Compound-style classifiers):
 * a recognised liquidation call, not inside another one, read by its {@link LiquidationRule} from the
 * transfers and calls inside it. A liquidation that failed (its call or one around it reverted) took
 * nothing from anyone and is not reported.
 */
public final class LiquidationDetector {

    private LiquidationDetector() {
    }

    /** @param calls the block's classified calls in block order */
    public static List<MevFinding> find(final long blockNumber, final List<ClassifiedCall> calls) {
        final List<MevFinding> findings = new ArrayList<>();
        for (final List<ClassifiedCall> transaction : TransactionCalls.split(calls)) {
            Call outer = null;
            for (int i = 0; i < transaction.size(); i++) {
                final ClassifiedCall classified = transaction.get(i);
                if (outer != null && classified.call().isInside(outer)) {
                    continue;
                }
                final Optional<DecodedCall> decoded = classified.decoded();
                if (decoded.isEmpty() || !(decoded.get().function().role() instanceof Role.Liquidation liquidation)) {
                    continue;
                }
                outer = classified.call();
                if (outer.failed()) {
                    continue;
                }
                final List<ClassifiedCall> inside = TransactionCalls.inside(transaction, i);
                final List<Transfer> transfers = TransactionCalls.transfersInside(transaction, i);
                terms(decoded.get(), liquidation.rule(), inside, transfers).ifPresent(terms ->
                        findings.add(MevFinding.liquidation(blockNumber, decoded.get().call().transactionHash(),
                                decoded.get().call().from(), terms, decoded.get().protocol().orElse(null), null)));
            }
        }
        return findings;
    }

    static Optional<LiquidationTerms> terms(final DecodedCall call, final LiquidationRule rule,
            final List<ClassifiedCall> inside, final List<Transfer> transfers) {
        if (rule instanceof LiquidationRule.LendingPoolLiquidation pool) {
            return lendingPool(call, pool, transfers);
        }
        return cToken(call, (LiquidationRule.CTokenLiquidation) rule, inside, transfers);
    }

    private static Optional<LiquidationTerms> lendingPool(final DecodedCall call,
            final LiquidationRule.LendingPoolLiquidation rule, final List<Transfer> transfers) {
        final String liquidator = call.call().from();
        // An ETH reserve (Aave v1) is repaid with the call's own value, not by a transfer inside it.
        final Optional<Transfer> debt = Transfers.from(transfers, liquidator).stream().findFirst()
                .or(() -> Optional.of(call.call()).filter(c -> c.value().signum() > 0).map(Transfers::eth));
        final Optional<Transfer> received = Transfers.to(transfers, liquidator).stream().findFirst();
        if (debt.isEmpty() || received.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LiquidationTerms(call.arguments().address(rule.userArgument()),
                debt.get().tokenAddress(), debt.get().amount(), received.get().tokenAddress(), received.get().amount()));
    }

    private static Optional<LiquidationTerms> cToken(final DecodedCall call, final LiquidationRule.CTokenLiquidation rule,
            final List<ClassifiedCall> inside, final List<Transfer> transfers) {
        final Call liquidation = call.call();
        final String liquidator = liquidation.from();
        final boolean paidInEther = liquidation.to().equals(rule.etherMarket()) && liquidation.value().signum() != 0;
        // Without a transfer from the liquidator, the debt is what the call says it repays, in the market's terms.
        final Transfer stated = new Transfer(liquidation.transactionHash(), liquidation.traceAddress(),
                paidInEther ? Transfers.ETH : liquidation.to(), liquidator, liquidation.to(),
                paidInEther || rule.repayAmountArgument() == Role.CALLER ? liquidation.value()
                        : call.arguments().integer(rule.repayAmountArgument()));
        final Transfer debt = Transfers.from(transfers, liquidator).stream().findFirst().orElse(stated);
        final String debtToken = debt.tokenAddress();
        final BigInteger debtAmount = debt.amount();
        final Optional<Transfer> received = Transfers.to(transfers, liquidator).stream().findFirst();
        if (received.isPresent()) {
            return Optional.of(new LiquidationTerms(call.arguments().address(rule.borrowerArgument()), debtToken,
                    debtAmount, received.get().tokenAddress(), received.get().amount()));
        }
        final Optional<DecodedCall> seize = inside.stream().flatMap(c -> c.decoded().stream())
                .filter(c -> c.function().role() instanceof Role.Seize).findFirst();
        return seize.map(s -> new LiquidationTerms(call.arguments().address(rule.borrowerArgument()), debtToken,
                debtAmount, call.arguments().address(rule.collateralArgument()),
                s.arguments().integer(((Role.Seize) s.function().role()).seizeTokensArgument())));
    }
}
