package dev.soba.streams.schemas.mev;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One piece of MEV found in a block: the value of the MEV alert topic, a line of {@code ./soba mev
 * inspect} and an element of the REST answers — one format everywhere
 * ({@code schemas/mev_finding.schema.json}). Addresses and hashes are lower-case hex; amounts are raw
 * token units, written as decimal strings, and may be negative (a sandwich or arbitrage that lost).
 *
 * <p>The fields up to {@code error} are present for every kind ({@code profit_*}, {@code protocol} and
 * {@code error} written as {@code null} when they have no value); the per-kind fields are left out
 * when null. Liquidations and JIT liquidity exchange one token for another, so their profit needs
 * prices this contract does not have: their {@code profit_*} are null and the amounts are given instead.
 *
 * @param transactionHash    the front-run, the arbitrage or liquidation transaction, or the mint
 * @param transactionHashes  every transaction involved, in block order
 * @param searcherAddress    the sandwicher, arbitrageur, liquidator or JIT bot
 * @param profitAmount       sandwich: back-run output minus front-run input, in the front-run's input
 *                           token (mev-inspect-py's definition); arbitrage: the cycle's output minus its
 *                           input, in the start token
 * @param protocol           the protocol of the pool or market; for an arbitrage over several, their
 *                           names sorted and joined with commas
 * @param error              null, or why the transaction (or a call around the MEV) failed, e.g.
 *                           {@code Reverted}: a failed arbitrage is still reported, flagged
 * @param profitAmountProRata sandwich only, when the back-run sold a different amount than the front-run
 *                           bought: the profit of the matched part (the larger leg scaled down to the smaller)
 * @param swaps              arbitrage: the cycle's swaps, starting and ending in {@code start_token_address}
 * @param token0Address      JIT: the pool's lower token address (Uniswap's token0)
 * @param mintToken0Amount   JIT: token0 the bot paid into the pool when minting
 * @param burnToken0Amount   JIT: token0 the bot collected from the pool after burning (fees included)
 * @param token0SwapVolume   JIT: token0 the swaps in between paid into the pool
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "block_number", "transaction_hash", "transaction_hashes", "searcher_address",
        "profit_token_address", "profit_amount", "protocol", "error", "pool_address", "frontrun_transaction_hash",
        "backrun_transaction_hash", "victim_transaction_hashes", "profit_amount_pro_rata", "start_token_address",
        "swaps", "liquidated_user", "debt_token_address", "debt_purchase_amount", "received_token_address",
        "received_amount", "mint_transaction_hash", "burn_transaction_hash", "swap_transaction_hashes",
        "token0_address", "token1_address", "mint_token0_amount", "mint_token1_amount", "burn_token0_amount",
        "burn_token1_amount", "token0_swap_volume", "token1_swap_volume"})
public record MevFinding(
        MevKind kind,
        long blockNumber,
        String transactionHash,
        List<String> transactionHashes,
        String searcherAddress,
        @JsonInclude(JsonInclude.Include.ALWAYS) String profitTokenAddress,
        @JsonInclude(JsonInclude.Include.ALWAYS) BigInteger profitAmount,
        @JsonInclude(JsonInclude.Include.ALWAYS) String protocol,
        @JsonInclude(JsonInclude.Include.ALWAYS) String error,
        String poolAddress,
        String frontrunTransactionHash,
        String backrunTransactionHash,
        List<String> victimTransactionHashes,
        BigInteger profitAmountProRata,
        String startTokenAddress,
        List<ArbitrageLeg> swaps,
        String liquidatedUser,
        String debtTokenAddress,
        BigInteger debtPurchaseAmount,
        String receivedTokenAddress,
        BigInteger receivedAmount,
        String mintTransactionHash,
        String burnTransactionHash,
        List<String> swapTransactionHashes,
        String token0Address,
        String token1Address,
        BigInteger mintToken0Amount,
        BigInteger mintToken1Amount,
        BigInteger burnToken0Amount,
        BigInteger burnToken1Amount,
        BigInteger token0SwapVolume,
        BigInteger token1SwapVolume) {

    public MevFinding {
        transactionHashes = copy(transactionHashes);
        victimTransactionHashes = copy(victimTransactionHashes);
        swaps = copy(swaps);
        swapTransactionHashes = copy(swapTransactionHashes);
    }

    /** The legs of a sandwich, in block order. */
    public record SandwichLegs(String poolAddress, String frontrunTransactionHash, List<String> victimTransactionHashes,
                               String backrunTransactionHash) {
        public SandwichLegs {
            victimTransactionHashes = List.copyOf(victimTransactionHashes);
        }
    }

    /** A liquidation's two sides, as the liquidator saw them. */
    public record LiquidationTerms(String liquidatedUser, String debtTokenAddress, BigInteger debtPurchaseAmount,
                                   String receivedTokenAddress, BigInteger receivedAmount) {
    }

    /** A JIT position's life: minted, traded against, burned; amounts by the pool's token order. */
    public record JitPosition(String poolAddress, String mintTransactionHash, List<String> swapTransactionHashes,
                              String burnTransactionHash, String token0Address, String token1Address,
                              BigInteger mintToken0Amount, BigInteger mintToken1Amount, BigInteger burnToken0Amount,
                              BigInteger burnToken1Amount, BigInteger token0SwapVolume, BigInteger token1SwapVolume) {
        public JitPosition {
            swapTransactionHashes = List.copyOf(swapTransactionHashes);
        }
    }

    /** A profit in one token's raw units. */
    public record Profit(String tokenAddress, BigInteger amount) {
    }

    public static MevFinding sandwich(final long blockNumber, final String sandwicher, final SandwichLegs legs,
            final Profit profit, final BigInteger profitProRata, final String protocol, final String error) {
        final List<String> all = new ArrayList<>();
        all.add(legs.frontrunTransactionHash());
        all.addAll(legs.victimTransactionHashes());
        all.add(legs.backrunTransactionHash());
        return new MevFinding(MevKind.SANDWICH, blockNumber, legs.frontrunTransactionHash(), all, sandwicher,
                profit.tokenAddress(), profit.amount(), protocol, error, legs.poolAddress(),
                legs.frontrunTransactionHash(), legs.backrunTransactionHash(), legs.victimTransactionHashes(),
                profitProRata, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public static MevFinding arbitrage(final long blockNumber, final String transactionHash, final String arbitrageur,
            final List<ArbitrageLeg> swaps, final BigInteger profit, final String protocol, final String error) {
        final String startToken = swaps.get(0).tokenInAddress();
        return new MevFinding(MevKind.ARBITRAGE, blockNumber, transactionHash, List.of(transactionHash), arbitrageur,
                startToken, profit, protocol, error, null, null, null, null, null, startToken, swaps, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static MevFinding liquidation(final long blockNumber, final String transactionHash, final String liquidator,
            final LiquidationTerms terms, final String protocol, final String error) {
        return new MevFinding(MevKind.LIQUIDATION, blockNumber, transactionHash, List.of(transactionHash), liquidator,
                null, null, protocol, error, null, null, null, null, null, null, null, terms.liquidatedUser(),
                terms.debtTokenAddress(), terms.debtPurchaseAmount(), terms.receivedTokenAddress(),
                terms.receivedAmount(), null, null, null, null, null, null, null, null, null, null, null);
    }

    public static MevFinding jitLiquidity(final long blockNumber, final String bot, final JitPosition position,
            final String protocol, final String error) {
        final List<String> all = new ArrayList<>();
        all.add(position.mintTransactionHash());
        position.swapTransactionHashes().stream().filter(h -> !all.contains(h)).forEach(all::add);
        all.add(position.burnTransactionHash());
        return new MevFinding(MevKind.JIT_LIQUIDITY, blockNumber, position.mintTransactionHash(), all, bot, null, null,
                protocol, error, position.poolAddress(), null, null, null, null, null, null, null, null, null, null,
                null, position.mintTransactionHash(), position.burnTransactionHash(),
                position.swapTransactionHashes(), position.token0Address(), position.token1Address(),
                position.mintToken0Amount(), position.mintToken1Amount(), position.burnToken0Amount(),
                position.burnToken1Amount(), position.token0SwapVolume(), position.token1SwapVolume());
    }

    private static <T> List<T> copy(final List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
