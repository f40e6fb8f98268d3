package dev.soba.streams.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.soba.streams.schemas.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One event the market simulator injected on purpose: the answer key MEV and fraud detection are
 * scored against. One JSON object per event (snake_case, amounts as decimal strings, absent fields
 * left out), on the {@code ground_truth} topic keyed by block number, and one line per event in the
 * {@code --truth} file.
 *
 * <ul>
 *   <li>{@code sandwich}: front-run, victim and back-run transactions, next to each other in the
 *       block, on one pool, by one searcher; {@code expected_profit} is the back-run's output less the
 *       front-run's input, in the front-run's input token (mev-inspect's definition).</li>
 *   <li>{@code arbitrage}: one transaction swapping round a cycle of pools back to the start token;
 *       {@code expected_profit} is the cycle's output less its input. A searcher that lost the race for
 *       an opportunity lands after the winner and reverts: {@code expected_error} is {@code Reverted},
 *       the profit what its swaps would have returned (negative).</li>
 *   <li>{@code phishing_drain}: a wallet that collected small transfers from many victims and swept
 *       them to a cash-out address; one record per sweep, with the inbound transfers since the last.</li>
 * </ul>
 *
 * @param searcherAddress the searcher's contract, the address a detector names (MEV kinds)
 * @param searcherAccount the account that signed the searcher's transactions (MEV kinds)
 * @param walletAddress   the draining wallet (phishing_drain)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "block_number", "transaction_hashes", "searcher_address", "searcher_account",
        "pool_addresses", "profit_token_address", "expected_profit", "protocol", "frontrun_transaction_hash",
        "victim_transaction_hashes", "backrun_transaction_hash", "start_token_address", "expected_error",
        "wallet_address", "inbound_transaction_hashes", "sweep_transaction_hashes", "victim_addresses",
        "sink_address", "first_block_number"})
public record GroundTruth(
        Kind kind,
        long blockNumber,
        List<String> transactionHashes,
        String searcherAddress,
        String searcherAccount,
        List<String> poolAddresses,
        String profitTokenAddress,
        BigInteger expectedProfit,
        String protocol,
        String frontrunTransactionHash,
        List<String> victimTransactionHashes,
        String backrunTransactionHash,
        String startTokenAddress,
        String expectedError,
        String walletAddress,
        List<String> inboundTransactionHashes,
        List<String> sweepTransactionHashes,
        List<String> victimAddresses,
        String sinkAddress,
        Long firstBlockNumber) {

    /** The protocol a Uniswap-V2-style pool's swaps are classified as (SushiSwap's pairs are the same contract). */
    public static final String UNISWAP_V2 = "uniswap_v2";

    public enum Kind {
        @JsonProperty("sandwich") SANDWICH,
        @JsonProperty("arbitrage") ARBITRAGE,
        @JsonProperty("phishing_drain") PHISHING_DRAIN;

        /** The name on the wire, e.g. {@code phishing_drain}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GroundTruth {
        transactionHashes = copy(transactionHashes);
        poolAddresses = copy(poolAddresses);
        victimTransactionHashes = copy(victimTransactionHashes);
        inboundTransactionHashes = copy(inboundTransactionHashes);
        sweepTransactionHashes = copy(sweepTransactionHashes);
        victimAddresses = copy(victimAddresses);
    }

    static GroundTruth sandwich(final long blockNumber, final String searcher, final String account, final String pool,
                                final String front, final String victim, final String back, final String profitToken,
                                final BigInteger profit) {
        return new GroundTruth(Kind.SANDWICH, blockNumber, List.of(front, victim, back), searcher, account,
                List.of(pool), profitToken, profit, UNISWAP_V2, front, List.of(victim), back, null, null, null, null,
                null, null, null, null);
    }

    static GroundTruth arbitrage(final long blockNumber, final String transaction, final String searcher,
                                 final String account, final List<String> pools, final String startToken,
                                 final BigInteger profit, final String error) {
        return new GroundTruth(Kind.ARBITRAGE, blockNumber, List.of(transaction), searcher, account, pools, startToken,
                profit, UNISWAP_V2, null, null, null, startToken, error, null, null, null, null, null, null);
    }

    static GroundTruth phishingDrain(final long blockNumber, final String wallet, final List<String> inbound,
                                     final List<String> sweeps, final List<String> victims, final String sink,
                                     final long firstBlockNumber) {
        final List<String> all = new ArrayList<>(inbound);
        all.addAll(sweeps);
        return new GroundTruth(Kind.PHISHING_DRAIN, blockNumber, all, null, null, null, null, null, null, null, null,
                null, null, null, wallet, inbound, sweeps, victims, sink, firstBlockNumber);
    }

    /** Whether the injected transaction is expected to have reverted (a lost arbitrage race). */
    public boolean reverted() {
        return expectedError != null;
    }

    /** The record as one line of JSON, without the line break. */
    public String toJson() {
        return new String(Json.write(this), StandardCharsets.UTF_8);
    }

    public static GroundTruth parse(final byte[] json) {
        try {
            return Json.mapper().readValue(json, GroundTruth.class);
        } catch (final IOException e) {
            throw new UncheckedIOException("not a ground-truth record: " + e.getMessage(), e);
        }
    }

    public static GroundTruth parse(final String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> List<T> copy(final List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
