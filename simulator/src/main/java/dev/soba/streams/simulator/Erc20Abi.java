package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/** The ERC-20 pieces the synthetic chain emits: the Transfer event and the calls its traces show. */
final class Erc20Abi {

    static final String TRANSFER_TOPIC = Hash.sha3String("Transfer(address,address,uint256)");

    private Erc20Abi() {
    }

    static LogEntry transferLog(final Erc20Token token, final String from, final String to, final BigInteger amount) {
        return new LogEntry(token.address(),
                List.of(TRANSFER_TOPIC, AbiWords.addressTopic(from), AbiWords.addressTopic(to)),
                AbiWords.uintData(amount));
    }

    static String transferCall(final String to, final BigInteger amount) {
        return FunctionEncoder.encode(new Function("transfer",
                List.of(new Address(to), new Uint256(amount)), List.of()));
    }

    static String transferFromCall(final String from, final String to, final BigInteger amount) {
        return FunctionEncoder.encode(new Function("transferFrom",
                List.of(new Address(from), new Address(to), new Uint256(amount)), List.of()));
    }

    static String balanceOfCall(final String holder) {
        return FunctionEncoder.encode(new Function("balanceOf", List.of(new Address(holder)), List.of()));
    }

    /** A {@code bool} return value of {@code true}, as {@code transfer} and {@code transferFrom} give it. */
    static String trueOutput() {
        return AbiWords.uintData(BigInteger.ONE);
    }
}
