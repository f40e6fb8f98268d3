package dev.soba.streams.simulator;

import java.math.BigInteger;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;

/** 32-byte ABI words for event topics and data, through web3j's encoder so padding matches the EVM's. */
final class AbiWords {

    private AbiWords() {
    }

    /** An address as an indexed topic: left-padded to 32 bytes. */
    static String addressTopic(final String address) {
        return "0x" + TypeEncoder.encode(new Address(address));
    }

    /** Non-indexed {@code uint} values concatenated as event data. */
    static String uintData(final BigInteger... values) {
        final StringBuilder data = new StringBuilder("0x");
        for (final BigInteger value : values) {
            data.append(TypeEncoder.encode(new Uint256(value)));
        }
        return data.toString();
    }
}
