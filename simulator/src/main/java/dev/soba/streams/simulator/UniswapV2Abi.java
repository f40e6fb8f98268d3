package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/** The Uniswap V2 pieces the synthetic chain emits: Sync and Swap events, the router call, pair addresses. */
final class UniswapV2Abi {

    static final String SWAP_TOPIC = Hash.sha3String("Swap(address,uint256,uint256,uint256,uint256,address)");
    static final String SYNC_TOPIC = Hash.sha3String("Sync(uint112,uint112)");
    static final String FACTORY = Dex.UNISWAP_V2.factory();
    static final String ROUTER = Dex.UNISWAP_V2.router();

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

    /** {@code UniswapV2Pair.getReserves()}: no arguments. */
    static final String GET_RESERVES_CALL = FunctionEncoder.encode(new Function("getReserves", List.of(), List.of()));

    /** {@code UniswapV2Pair.swap(amount0Out, amount1Out, to, data)} with empty data: no flash-swap callback. */
    static String pairSwapCall(final ConstantProductPair.Fill fill, final String to) {
        return FunctionEncoder.encode(new Function("swap", List.of(new Uint256(fill.amount0Out()),
                new Uint256(fill.amount1Out()), new Address(to), new DynamicBytes(new byte[0])), List.of()));
    }

    /** What {@code getReserves()} returns: {@code (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast)}. */
    static String reservesOutput(final ConstantProductPair pair, final long blockTimestampLast) {
        return AbiWords.uintData(pair.reserve0(), pair.reserve1(), BigInteger.valueOf(blockTimestampLast));
    }

    /** What the router's swap functions return: {@code uint[] amounts}, one per token of the path. */
    static String amountsOutput(final BigInteger... amounts) {
        final BigInteger[] words = new BigInteger[amounts.length + 2];
        words[0] = BigInteger.valueOf(32);
        words[1] = BigInteger.valueOf(amounts.length);
        System.arraycopy(amounts, 0, words, 2, amounts.length);
        return AbiWords.uintData(words);
    }

    /** The Uniswap V2 pair of two tokens (see {@link Dex#pairAddress}). */
    static String pairAddress(final String tokenA, final String tokenB) {
        return Dex.UNISWAP_V2.pairAddress(tokenA, tokenB);
    }
}
