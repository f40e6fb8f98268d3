package dev.soba.streams.processors.mev.calls;

import static dev.soba.streams.processors.mev.Abi.address;
import static dev.soba.streams.processors.mev.Abi.bool;
import static dev.soba.streams.processors.mev.Abi.integer;
import static dev.soba.streams.processors.mev.Abi.uint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.mev.Addresses;
import dev.soba.streams.processors.mev.specs.AbiSignature;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** web3j decodes; the decoder first insists on the canonical encoding, as mev-inspect-py's eth_abi does. */
class CallDataDecoderTest {

    private static final CallDataDecoder TRANSFER = new CallDataDecoder(AbiSignature.parse("transfer(address,uint256)"));
    private static final CallDataDecoder V3_SWAP =
            new CallDataDecoder(AbiSignature.parse("swap(address,bool,int256,uint160,bytes)"));
    private static final CallDataDecoder MINT =
            new CallDataDecoder(AbiSignature.parse("mint(address,int24,int24,uint128,bytes)"));
    private static final CallDataDecoder PATH = new CallDataDecoder(
            AbiSignature.parse("convertByPath(address[],uint256,uint256,address,address,uint256)"));

    private static Optional<Arguments> decode(final CallDataDecoder decoder, final String... words) {
        return decoder.decode("0x" + String.join("", words));
    }

    @Test
    void canonicalArgumentsDecode() {
        final Arguments arguments = decode(TRANSFER, address(Addresses.USER), uint(1234)).orElseThrow();
        assertThat(arguments.address(0)).isEqualTo(Addresses.USER);
        assertThat(arguments.integer(1)).isEqualTo(BigInteger.valueOf(1234));
    }

    @Test
    void trailingDataIsAllowedButShortDataIsNot() {
        assertThat(decode(TRANSFER, address(Addresses.USER), uint(1), uint(2))).isPresent();
        assertThat(decode(TRANSFER, address(Addresses.USER))).isEmpty();
        assertThat(TRANSFER.decode("0x")).isEmpty();
    }

    @Test
    void dirtyPaddingIsNotThisFunction() {
        assertThat(decode(TRANSFER, "f".repeat(24) + Addresses.USER.substring(2), uint(1))).isEmpty();
        assertThat(decode(V3_SWAP, address(Addresses.USER), uint(2), integer(-5), uint(0), uint(160), uint(0)))
                .as("bool 2").isEmpty();
        assertThat(decode(V3_SWAP, address(Addresses.USER), bool(true), integer(-5), "1" + "0".repeat(63), uint(160),
                uint(0))).as("uint160 over 160 bits").isEmpty();
    }

    @Test
    void signedValuesAreSignExtended() {
        final Arguments mint = decode(MINT, address(Addresses.USER), integer(-887220), integer(887220), uint(10), uint(160),
                uint(0)).orElseThrow();
        assertThat(mint.integer(1)).isEqualTo(BigInteger.valueOf(-887220));
        assertThat(mint.integer(2)).isEqualTo(BigInteger.valueOf(887220));
        assertThat(decode(MINT, address(Addresses.USER), "0".repeat(58) + "f27764", integer(1), uint(10), uint(160),
                uint(0))).as("a negative int24 without its sign extension").isEmpty();
    }

    @Test
    void dynamicValuesMustLieInsideTheData() {
        final String[] swap = {address(Addresses.USER), bool(false), integer(-5), uint(1), uint(160), uint(2), "ab" + "0".repeat(62)};
        assertThat(decode(V3_SWAP, swap)).isPresent();
        swap[4] = uint(4096);
        assertThat(decode(V3_SWAP, swap)).as("offset past the end").isEmpty();
        swap[4] = uint(160);
        swap[5] = uint(33);
        assertThat(decode(V3_SWAP, swap)).as("length past the end").isEmpty();
        swap[5] = uint(1);
        swap[6] = "abcd" + "0".repeat(60);
        assertThat(decode(V3_SWAP, swap)).as("non-zero padding after the bytes").isEmpty();
    }

    @Test
    void addressArraysDecode() {
        final Arguments arguments = decode(PATH, uint(192), uint(1), uint(2), address(Addresses.USER), address(Addresses.ZERO),
                uint(0), uint(2), address(Addresses.WETH), address(Addresses.DAI)).orElseThrow();
        assertThat(arguments.size()).isEqualTo(6);
        assertThat(arguments.address(3)).isEqualTo(Addresses.USER);
    }
}
