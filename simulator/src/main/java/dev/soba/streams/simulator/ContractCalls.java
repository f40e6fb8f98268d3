package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The call trees of the contracts the synthetic chain runs, shaped like mainnet's: a router swap
 * reads the pair's reserves, pulls the input into the pair with {@code transferFrom} and calls
 * {@code swap}, in which the pair pays out and reads both balances; USDC answers through its proxy's
 * {@code delegatecall} to the implementation. The top frame's own gas is fitted to the receipt
 * later; the costs here are typical warm-storage figures.
 */
final class ContractCalls {

    /** USDC's current implementation (FiatTokenV2_2), behind the proxy at the token's address. */
    static final String USDC_IMPLEMENTATION = "0x43506849d7c04f9138d1a2050bbf3a0c054402dd";

    private static final long TRANSFER_GAS = 7_200;
    private static final long TRANSFER_FROM_GAS = 9_600;
    private static final long BALANCE_OF_GAS = 1_100;
    private static final long PROXY_GAS = 2_400;
    private static final long GET_RESERVES_GAS = 2_504;
    private static final long PAIR_SWAP_GAS = 27_500;

    private ContractCalls() {
    }

    static CallFrame ethTransfer(final String from, final String to, final BigInteger wei) {
        return CallFrame.call(from, to, wei, "0x", "0x", 0, List.of());
    }

    /** {@code token.transfer(to, amount)} called by {@code caller}. */
    static CallFrame transfer(final Erc20Token token, final String caller, final String to, final BigInteger amount) {
        return tokenCall(token, caller, Erc20Abi.transferCall(to, amount), Erc20Abi.trueOutput(), TRANSFER_GAS, false);
    }

    /** {@code token.transferFrom(from, to, amount)} called by {@code caller} (a router holding an allowance). */
    static CallFrame transferFrom(final Erc20Token token, final String caller, final String from, final String to,
                                  final BigInteger amount) {
        return tokenCall(token, caller, Erc20Abi.transferFromCall(from, to, amount), Erc20Abi.trueOutput(),
                TRANSFER_FROM_GAS, false);
    }

    static CallFrame balanceOf(final Erc20Token token, final String caller, final String holder, final BigInteger balance) {
        return tokenCall(token, caller, Erc20Abi.balanceOfCall(holder), AbiWords.uintData(balance), BALANCE_OF_GAS, true);
    }

    static CallFrame getReserves(final String caller, final ConstantProductPair pair, final long blockTimestampLast) {
        return CallFrame.staticCall(caller, pair.address(), UniswapV2Abi.GET_RESERVES_CALL,
                UniswapV2Abi.reservesOutput(pair, blockTimestampLast), GET_RESERVES_GAS, List.of());
    }

    /**
     * {@code pair.swap(amount0Out, amount1Out, to, "")} called by {@code caller}, the input already in the
     * pair: the pair pays out, then reads its two balances (which become the reserves it syncs to).
     */
    static CallFrame pairSwap(final String caller, final ConstantProductPair before, final Erc20Token tokenIn,
                              final ConstantProductPair.Fill fill, final String to) {
        final ConstantProductPair after = fill.after();
        final Erc20Token tokenOut = before.other(tokenIn);
        return CallFrame.call(caller, before.address(), BigInteger.ZERO, UniswapV2Abi.pairSwapCall(fill, to), "0x",
                PAIR_SWAP_GAS, List.of(
                        transfer(tokenOut, before.address(), to, fill.amountOut()),
                        balanceOf(after.token0(), before.address(), before.address(), after.reserve0()),
                        balanceOf(after.token1(), before.address(), before.address(), after.reserve1())));
    }

    /** A retail swap through a router: reserves read, input pulled into the pair, one hop paid to the trader. */
    static CallFrame routerSwap(final String trader, final String router, final String input,
                                final ConstantProductPair before, final long reservesUpdatedAt,
                                final Erc20Token tokenIn, final BigInteger amountIn, final ConstantProductPair.Fill fill) {
        return CallFrame.call(trader, router, BigInteger.ZERO, input,
                UniswapV2Abi.amountsOutput(amountIn, fill.amountOut()), 0, List.of(
                        getReserves(router, before, reservesUpdatedAt),
                        transferFrom(tokenIn, router, trader, before.address(), amountIn),
                        pairSwap(router, before, tokenIn, fill, trader)));
    }

    /**
     * A searcher contract's one-pool trade (a sandwich leg): it reads the reserves, sends its own input
     * to the pair and has the pair pay it back.
     */
    static CallFrame botSwap(final String operator, final String contract, final String input,
                             final ConstantProductPair before, final long reservesUpdatedAt,
                             final Erc20Token tokenIn, final BigInteger amountIn, final ConstantProductPair.Fill fill) {
        return CallFrame.call(operator, contract, BigInteger.ZERO, input, "0x", 0, List.of(
                getReserves(contract, before, reservesUpdatedAt),
                transfer(tokenIn, contract, before.address(), amountIn),
                pairSwap(contract, before, tokenIn, fill, contract)));
    }

    /**
     * An atomic arbitrage through a searcher contract: reserves of every pool read, the start token sent
     * to the first pool, each pool paying straight into the next and the last back to the contract.
     */
    static CallFrame arbitrage(final String operator, final String contract, final String input,
                               final List<ConstantProductPair> pools, final List<Long> reservesUpdatedAt,
                               final Erc20Token startToken, final BigInteger amountIn,
                               final List<ConstantProductPair.Fill> fills) {
        final List<CallFrame> calls = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            calls.add(getReserves(contract, pools.get(i), reservesUpdatedAt.get(i)));
        }
        calls.add(transfer(startToken, contract, pools.get(0).address(), amountIn));
        Erc20Token tokenIn = startToken;
        for (int i = 0; i < pools.size(); i++) {
            final String to = i + 1 < pools.size() ? pools.get(i + 1).address() : contract;
            calls.add(pairSwap(contract, pools.get(i), tokenIn, fills.get(i), to));
            tokenIn = pools.get(i).other(tokenIn);
        }
        return CallFrame.call(operator, contract, BigInteger.ZERO, input, "0x", 0, calls);
    }

    /** A token call, through USDC's proxy when the token is USDC (the proxy delegates to its implementation). */
    private static CallFrame tokenCall(final Erc20Token token, final String caller, final String input,
                                       final String output, final long gas, final boolean readOnly) {
        final boolean proxied = token.equals(MarketGenesis.USDC);
        final List<CallFrame> inner = proxied
                ? List.of(CallFrame.delegateCall(token.address(), USDC_IMPLEMENTATION, input, output, gas))
                : List.of();
        final long own = proxied ? PROXY_GAS : gas;
        return readOnly
                ? CallFrame.staticCall(caller, token.address(), input, output, own, inner)
                : CallFrame.call(caller, token.address(), BigInteger.ZERO, input, output, own, inner);
    }
}
