package dev.soba.streams.api.demo;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** The Uniswap V2 pieces the synthetic chain emits: Sync and Swap events, the router call, pair addresses. */
final class UniswapV2Abi {

    static final String SWAP_TOPIC = Hash.sha3String("Swap(address,uint256,uint256,uint256,uint256,address)");
    static final String SYNC_TOPIC = Hash.sha3String("Sync(uint112,uint112)");
    static final String FACTORY = "0x5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f";
    static final String ROUTER = "0x7a250d5630b4cf539739df2c5dacb4c659f2488d";
    /** keccak256 of the UniswapV2Pair creation code, the CREATE2 salt's companion. */
    private static final String PAIR_INIT_CODE_HASH = "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f";

    private UniswapV2Abi() {
    }

    /** {@code Sync(uint112 reserve0, uint112 reserve1)}: the pool's reserves after the swap. */
    static LogEntry syncLog(final ConstantProductPair pair) {
        return new LogEntry(pair.address(), List.of(SYNC_TOPIC), AbiWords.uintData(pair.reserve0(), pair.reserve1()));
    }

    /** {@code Swap(address indexed sender, uint amount0In, uint amount1In, uint amount0Out, uint amount1Out, address indexed to)}. */
    static LogEntry swapLog(final String pairAddress, final String sender, final ConstantProductPair.Fill fill, final String to) {
        return new LogEntry(pairAddress,
                List.of(SWAP_TOPIC, AbiWords.addressTopic(sender), AbiWords.addressTopic(to)),
                AbiWords.uintData(fill.amount0In(), fill.amount1In(), fill.amount0Out(), fill.amount1Out()));
    }

    /** {@code UniswapV2Router02.swapExactTokensForTokens(amountIn, amountOutMin, path, to, deadline)}. */
    static String swapExactTokensForTokensCall(final BigInteger amountIn, final BigInteger amountOutMin,
                                               final List<String> path, final String to, final long deadline) {
        final List<Address> hops = path.stream().map(Address::new).toList();
        return FunctionEncoder.encode(new Function("swapExactTokensForTokens", List.of(
                new Uint256(amountIn), new Uint256(amountOutMin), new DynamicArray<>(Address.class, hops),
                new Address(to), new Uint256(BigInteger.valueOf(deadline))), List.of()));
    }

    /**
     * The pair's address as {@code UniswapV2Library.pairFor} computes it (CREATE2 from the factory),
     * so the demo's pools are the mainnet pools and any mainnet pool registry recognises them.
     */
    static String pairAddress(final String tokenA, final String tokenB) {
        final boolean aFirst = tokenA.compareTo(tokenB) < 0;
        final ByteArrayOutputStream tokens = new ByteArrayOutputStream();
        tokens.writeBytes(Numeric.hexStringToByteArray(aFirst ? tokenA : tokenB));
        tokens.writeBytes(Numeric.hexStringToByteArray(aFirst ? tokenB : tokenA));
        final ByteArrayOutputStream preimage = new ByteArrayOutputStream();
        preimage.write(0xff);
        preimage.writeBytes(Numeric.hexStringToByteArray(FACTORY));
        preimage.writeBytes(Hash.sha3(tokens.toByteArray()));
        preimage.writeBytes(Numeric.hexStringToByteArray(PAIR_INIT_CODE_HASH));
        final byte[] hash = Hash.sha3(preimage.toByteArray());
        return Numeric.toHexString(hash, 12, 20, true);
    }
}
