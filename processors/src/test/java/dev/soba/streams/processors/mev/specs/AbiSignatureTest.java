package dev.soba.streams.processors.mev.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AbiSignatureTest {

    /** Selectors as published by 4byte.directory / the contracts' verified ABIs. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "transfer(address,uint256)|0xa9059cbb",
            "transferFrom(address,address,uint256)|0x23b872dd",
            "swap(uint256,uint256,address,bytes)|0x022c0d9f",
            "swap(address,bool,int256,uint160,bytes)|0x128acb08",
            "mint(address,int24,int24,uint128,bytes)|0x3c8a7d8d",
            "burn(int24,int24,uint128)|0xa34123a7",
            "exchange(int128,int128,uint256,uint256)|0x3df02124",
            "exchange_underlying(int128,int128,uint256,uint256)|0xa6417ed6",
            "swapExactAmountIn(address,uint256,address,uint256,uint256)|0x8201aa3f",
            "liquidationCall(address,address,address,uint256,bool)|0x00a718a9",
            "liquidateBorrow(address,uint256,address)|0xf5e3c462",
            "liquidateBorrow(address,address)|0xaae40a2a",
            "seize(address,address,uint256)|0xb2a02ff1",
            "convertByPath(address[],uint256,uint256,address,address,uint256)|0xb77d239b"})
    void selectorsAreTheKnownOnes(final String signature, final String selector) {
        assertThat(AbiSignature.parse(signature).selector()).isEqualTo(selector);
    }

    @Test
    void staticTuplesAreFlattenedInPlace() {
        final AbiSignature rfq = AbiSignature.parse("fillRfqOrder((address,address,uint128,uint128,address,address,"
                + "address,bytes32,uint64,uint256),(uint8,uint8,bytes32,bytes32),uint128)");
        assertThat(rfq.name()).isEqualTo("fillRfqOrder");
        assertThat(rfq.flatTypes()).hasSize(15).startsWith("address", "address", "uint128").endsWith("bytes32", "uint128");
        assertThat(rfq.selector()).isEqualTo("0xaa77476c");
    }

    @Test
    void unsupportedShapesAreRefusedWhenTheRegistryIsBuilt() {
        assertThatThrownBy(() -> AbiSignature.parse("f((address,bytes))")).hasMessageContaining("dynamic fields");
        assertThatThrownBy(() -> AbiSignature.parse("f(uint7)")).hasMessageContaining("unsupported type");
        assertThatThrownBy(() -> AbiSignature.parse("f(bytes[])")).hasMessageContaining("unsupported type");
        assertThatThrownBy(() -> AbiSignature.parse("f(uint256")).hasMessageContaining("not a function signature");
    }

    @Test
    void staticAndDynamicTypes() {
        assertThat(AbiSignature.isStatic("bytes32")).isTrue();
        assertThat(AbiSignature.isStatic("bytes")).isFalse();
        assertThat(AbiSignature.isStatic("address[]")).isFalse();
    }
}
