package dev.soba.streams.schemas.mev;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;
import java.util.List;

/**
 * A swap as the MEV ladder classified it (mev-inspect-py's {@code Swap}): who paid which token into
 * which pool and who received which token out of it. Written by {@code ./soba mev inspect --swaps} with
 * {@code "kind": "swap"}, so it can share a stream with {@link MevFinding}s.
 *
 * <p>From traces, the amounts are those of the token transfers around the swap call and
 * {@code trace_address} locates the call; from logs (a block without traces), they are the Swap
 * event's and {@code log_index} locates it.
 *
 * @param poolAddress the contract swapped with (for 0x native orders the exchange proxy, for Bancor its network)
 * @param abiName     the spec that recognised the call, e.g. {@code UniswapV2Pair}, {@code BPool}
 * @param fromAddress who paid {@code token_in} into the pool
 * @param toAddress   who received {@code token_out}
 * @param error       null, or the call's error or that of a call around it (a reverted swap changed nothing)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "block_number", "transaction_hash", "transaction_position", "trace_address", "log_index",
        "pool_address", "protocol", "abi_name", "from_address", "to_address", "token_in_address", "token_in_amount",
        "token_out_address", "token_out_amount", "error"})
public record MevSwap(
        long blockNumber,
        String transactionHash,
        long transactionPosition,
        List<Integer> traceAddress,
        Long logIndex,
        String poolAddress,
        String protocol,
        String abiName,
        String fromAddress,
        String toAddress,
        String tokenInAddress,
        BigInteger tokenInAmount,
        String tokenOutAddress,
        BigInteger tokenOutAmount,
        @JsonInclude(JsonInclude.Include.ALWAYS) String error) {

    public static final String KIND = "swap";

    public MevSwap {
        traceAddress = traceAddress == null ? null : List.copyOf(traceAddress);
    }

    @JsonProperty("kind")
    public String kind() {
        return KIND;
    }

    /** Where the swap sits inside its transaction: the call's trace address, or the log index as a one-step path. */
    public List<Integer> positionInTransaction() {
        return traceAddress != null ? traceAddress : List.of(Math.toIntExact(logIndex == null ? 0 : logIndex));
    }

    public boolean failed() {
        return error != null;
    }
}
