package dev.soba.streams.processors.mev.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry is data: these are its invariants. */
class ProtocolSpecsTest {

    @Test
    void theSharedErc20SpecComesFirstSoEveryTransferIsATransfer() {
        final ProtocolSpec first = ProtocolSpecs.ALL.get(0);
        assertThat(first.abiName()).isEqualTo("ERC20");
        assertThat(first.addresses()).isEmpty();
        assertThat(first.functions()).allMatch(f -> f.role() instanceof Role.Transfer);
    }

    @Test
    void everyProtocolOfTheIssueIsThere() {
        final Set<String> protocols = new HashSet<>();
        ProtocolSpecs.ALL.forEach(s -> protocols.add(s.protocol()));
        assertThat(protocols).contains(ProtocolSpecs.UNISWAP_V2, ProtocolSpecs.UNISWAP_V3, ProtocolSpecs.CURVE,
                ProtocolSpecs.BALANCER_V1, ProtocolSpecs.ZERO_EX, ProtocolSpecs.BANCOR, ProtocolSpecs.AAVE,
                ProtocolSpecs.COMPOUND_V2, ProtocolSpecs.CREAM);
    }

    @Test
    void noContractHasTwoMeaningsForOneSelectorWithinASpec() {
        for (final ProtocolSpec spec : ProtocolSpecs.ALL) {
            final Set<String> selectors = new HashSet<>();
            spec.functions().forEach(f -> assertThat(selectors.add(f.signature().selector()))
                    .as(spec.abiName() + " " + f.signature().canonical()).isTrue());
        }
    }

    @Test
    void argumentPositionsExistInTheirFunctions() {
        for (final ProtocolSpec spec : ProtocolSpecs.ALL) {
            for (final FunctionSpec function : spec.functions()) {
                final int size = function.signature().flatTypes().size();
                for (final int position : positions(function.role())) {
                    assertThat(position).as(spec.abiName() + " " + function.signature().canonical())
                            .isBetween(Role.CALLER, size - 1);
                }
            }
        }
    }

    @Test
    void argumentsReadAsAddressesAreAddressesAndAmountsAreIntegers() {
        for (final ProtocolSpec spec : ProtocolSpecs.ALL) {
            for (final FunctionSpec function : spec.functions()) {
                final List<String> types = function.signature().flatTypes();
                final String name = spec.abiName() + " " + function.signature().canonical();
                for (final int position : addressPositions(function.role())) {
                    assertThat(position == Role.CALLER || types.get(position).equals("address")).as(name).isTrue();
                }
                for (final int position : integerPositions(function.role())) {
                    assertThat(position == Role.CALLER || types.get(position).matches("u?int\\d+")).as(name).isTrue();
                }
            }
        }
    }

    private static List<Integer> addressPositions(final Role role) {
        if (role instanceof Role.Transfer t) {
            return List.of(t.fromArgument(), t.toArgument());
        }
        if (role instanceof Role.Swap s && s.rule() instanceof SwapRule.PoolTransfers p) {
            return List.of(p.recipientArgument());
        }
        if (role instanceof Role.Swap s && s.rule() instanceof SwapRule.NativeOrderFill o) {
            return List.of(o.makerTokenArgument(), o.takerTokenArgument(), o.takerArgument());
        }
        if (role instanceof Role.Liquidation l && l.rule() instanceof LiquidationRule.LendingPoolLiquidation a) {
            return List.of(a.collateralArgument(), a.debtArgument(), a.userArgument());
        }
        if (role instanceof Role.Liquidation l && l.rule() instanceof LiquidationRule.CTokenLiquidation c) {
            return List.of(c.borrowerArgument(), c.collateralArgument());
        }
        return List.of();
    }

    private static List<Integer> integerPositions(final Role role) {
        if (role instanceof Role.Transfer t) {
            return List.of(t.amountArgument());
        }
        if (role instanceof Role.Swap s && s.rule() instanceof SwapRule.NativeOrderFill o) {
            return List.of(o.fillAmountArgument());
        }
        if (role instanceof Role.Liquidation l && l.rule() instanceof LiquidationRule.CTokenLiquidation c) {
            return List.of(c.repayAmountArgument());
        }
        if (role instanceof Role.Seize s) {
            return List.of(s.seizeTokensArgument());
        }
        if (role instanceof Role.LiquidityMint m) {
            return List.of(m.tickLowerArgument(), m.tickUpperArgument());
        }
        if (role instanceof Role.LiquidityBurn b) {
            return List.of(b.tickLowerArgument(), b.tickUpperArgument());
        }
        return List.of();
    }

    @Test
    void etherMarketsComeBeforeTheTokenMarketsThatAlsoListThem() {
        final Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < ProtocolSpecs.ALL.size(); i++) {
            for (final String address : ProtocolSpecs.ALL.get(i).addresses()) {
                firstIndex.putIfAbsent(address, i);
            }
        }
        assertThat(ProtocolSpecs.ALL.get(firstIndex.get(ProtocolSpecs.CREAM_CRETH)).abiName()).isEqualTo("CEther");
        assertThat(ProtocolSpecs.ALL.get(firstIndex.get(ProtocolSpecs.IRON_BANK_CYWETH)).abiName()).isEqualTo("CYEther");
    }

    @Test
    void aSpecRefusesAnAddressThatIsNotOne() {
        assertThatThrownBy(() -> ProtocolSpec.contracts("X", "x", Set.of("0x1234"))).hasMessageContaining("not an address");
        assertThat(ProtocolSpec.contracts("X", "x", Set.of("0x" + "AB".repeat(20))).addresses())
                .containsExactly("0x" + "ab".repeat(20));
    }

    private static List<Integer> positions(final Role role) {
        if (role instanceof Role.Transfer t) {
            return List.of(t.fromArgument(), t.toArgument(), t.amountArgument());
        }
        if (role instanceof Role.Swap s && s.rule() instanceof SwapRule.PoolTransfers p) {
            return List.of(p.recipientArgument());
        }
        if (role instanceof Role.Swap s && s.rule() instanceof SwapRule.NativeOrderFill o) {
            return List.of(o.makerTokenArgument(), o.takerTokenArgument(), o.takerArgument(), o.fillAmountArgument());
        }
        if (role instanceof Role.Liquidation l && l.rule() instanceof LiquidationRule.LendingPoolLiquidation a) {
            return List.of(a.collateralArgument(), a.debtArgument(), a.userArgument());
        }
        if (role instanceof Role.Liquidation l && l.rule() instanceof LiquidationRule.CTokenLiquidation c) {
            return List.of(c.borrowerArgument(), c.repayAmountArgument(), c.collateralArgument());
        }
        if (role instanceof Role.Seize s) {
            return List.of(s.seizeTokensArgument());
        }
        if (role instanceof Role.LiquidityMint m) {
            return List.of(m.tickLowerArgument(), m.tickUpperArgument());
        }
        if (role instanceof Role.LiquidityBurn b) {
            return List.of(b.tickLowerArgument(), b.tickUpperArgument());
        }
        return List.of();
    }
}
