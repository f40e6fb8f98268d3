package dev.soba.streams.processors.mev.calls;

import static dev.soba.streams.processors.mev.Abi.address;
import static dev.soba.streams.processors.mev.Abi.uint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.mev.Abi;
import dev.soba.streams.processors.mev.Addresses;
import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.processors.mev.specs.FunctionSpec;
import dev.soba.streams.processors.mev.specs.ProtocolSpec;
import dev.soba.streams.processors.mev.specs.Role;
import dev.soba.streams.processors.mev.specs.SwapRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallClassifierTest {

    private static final String CURVE_3POOL = "0xbebc44782c7db0a1a60cb6fe97d0b483032ff1c7";
    private static final String EXCHANGE = Abi.call("exchange(int128,int128,uint256,uint256)", uint(0), uint(1),
            uint(100), uint(99));

    private static List<ClassifiedCall> classify(final CallClassifier classifier, final TestBlock block) {
        return classifier.classify(Calls.fromTraces(block.traces(), Map.of()));
    }

    @Test
    void aTransferOfAnyContractIsAnErc20Transfer() {
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", Addresses.USER, Addresses.TOKEN,
                Abi.call("transfer(address,uint256)", address(Addresses.BOT), uint(5)));
        final DecodedCall call = classify(CallClassifier.standard(), block).get(0).decoded().orElseThrow();
        assertThat(call.spec().abiName()).isEqualTo("ERC20");
        assertThat(call.protocol()).isEmpty();
        assertThat(call.function().role()).isInstanceOf(Role.Transfer.class);
    }

    @Test
    void aSpecForListedContractsIgnoresOthers() {
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", Addresses.USER, CURVE_3POOL, EXCHANGE).call("0", Addresses.USER, Addresses.PAIR, EXCHANGE);
        final List<ClassifiedCall> calls = classify(CallClassifier.standard(), block);
        assertThat(calls.get(0).decoded()).hasValueSatisfying(c -> assertThat(c.spec().abiName()).isEqualTo("StableSwap3Pool"));
        assertThat(calls.get(1)).isInstanceOf(UnknownCall.class);
    }

    @Test
    void theFirstSpecThatDecodesWinsAndBadCallDataFallsThrough() {
        final FunctionSpec narrow = FunctionSpec.of("transfer(address,uint256)", new Role.Transfer(Role.CALLER, 0, 1));
        final FunctionSpec wide = FunctionSpec.of("transfer(address,uint256)",
                new Role.Swap(new SwapRule.PoolTransfers(Role.CALLER)));
        final CallClassifier classifier = new CallClassifier(List.of(
                ProtocolSpec.contracts("Only", "only", Set.of(Addresses.PAIR), narrow),
                ProtocolSpec.anyContract("First", "first", narrow),
                ProtocolSpec.anyContract("Second", "second", wide)));
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", Addresses.USER, Addresses.TOKEN,
                Abi.call("transfer(address,uint256)", address(Addresses.BOT), uint(5)));
        assertThat(classify(classifier, block).get(0).decoded().orElseThrow().spec().abiName()).isEqualTo("First");
        final TestBlock pair = new TestBlock();
        pair.transaction("a").call("", Addresses.USER, Addresses.PAIR,
                Abi.call("transfer(address,uint256)", address(Addresses.BOT), uint(5)));
        assertThat(classify(classifier, pair).get(0).decoded().orElseThrow().spec().abiName()).isEqualTo("Only");
        final TestBlock truncated = new TestBlock();
        truncated.transaction("a").call("", Addresses.USER, Addresses.TOKEN, Abi.selector("transfer(address,uint256)"));
        assertThat(classify(classifier, truncated).get(0)).isInstanceOf(UnknownCall.class);
    }

    @Test
    void revertedCallsAreClassifiedAndKeepTheirError() {
        final TestBlock block = new TestBlock();
        block.transaction("a").failedCall("", Addresses.USER, Addresses.TOKEN,
                Abi.call("transfer(address,uint256)", address(Addresses.BOT), uint(5)), "Reverted");
        final ClassifiedCall call = classify(CallClassifier.standard(), block).get(0);
        assertThat(call.decoded()).isPresent();
        assertThat(call.call().error()).isEqualTo("Reverted");
    }

    @Test
    void callsWithoutDataOrToAContractCreationAreUnknown() {
        final TestBlock block = new TestBlock();
        block.transaction("a").call("", Addresses.USER, Addresses.BOT, "0x", java.math.BigInteger.TEN);
        final ClassifiedCall call = classify(CallClassifier.standard(), block).get(0);
        assertThat(call).isInstanceOf(UnknownCall.class);
        assertThat(call.role()).isEmpty();
        assertThat(call.call().isPlainEthTransfer()).isTrue();
    }
}
