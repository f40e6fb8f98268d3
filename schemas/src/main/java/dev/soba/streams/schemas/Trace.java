package dev.soba.streams.schemas;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.FieldReader.Need;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Parity-style trace (a call, create, self-destruct or reward), as ethereum-etl streams it to
 * {@code traces}. Required: {@code trace_type}, {@code block_number}, {@code block_hash}; reward
 * traces have no transaction, input, gas or sender.
 *
 * @param traceAddress the call's position in the transaction's call tree ({@code []} for the top call)
 * @param traceId      ethereum-etl's id: {@code <type>_<tx hash>_<trace address joined by _>} for
 *                     transaction traces, {@code <type>_<block number>_<n>} for block rewards
 * @param traceIndex   position of the trace in the block's trace list
 * @param status       1 if the call and all its parents succeeded, else 0
 */
public record Trace(
        Long transactionIndex,
        String fromAddress,
        String toAddress,
        BigInteger value,
        String input,
        String output,
        String traceType,
        String callType,
        String rewardType,
        Long gas,
        Long gasUsed,
        Long subtraces,
        List<Long> traceAddress,
        String error,
        Long status,
        String transactionHash,
        Long blockNumber,
        String traceId,
        Long traceIndex,
        Long blockTimestamp,
        String blockHash,
        String itemId,
        String itemTimestamp,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) implements EthItem {

    static final Set<String> FIELDS = JsonNames.of(Trace.class);

    /** Parity's action types plus ethereum-etl's synthetic genesis and DAO-fork traces. */
    static final Set<String> TRACE_TYPES = Set.of("call", "create", "suicide", "reward", "genesis", "daofork");
    private static final String TRACE_TYPE_LIST = "call, create, suicide, reward, genesis, daofork";

    public Trace {
        traceAddress = traceAddress == null ? null : List.copyOf(traceAddress);
        unknownFields = UnknownFields.copyOf(unknownFields);
    }

    @Override
    public ItemType itemType() {
        return ItemType.TRACE;
    }

    /**
     * {@code item_id}; else {@code trace_<trace_id>}; else what ethereum-etl's trace id would be for
     * a transaction trace; else, for a block-scoped trace (rewards), a stable id from the block,
     * the trace's index in the block or, without it, its reward type, recipient and value.
     * (ethereum-etl's own block-scoped id numbers the block's rewards, which needs the whole block.)
     */
    @Override
    public String identity() {
        if (itemId != null) {
            return itemId;
        }
        if (traceId != null) {
            return "trace_" + traceId;
        }
        if (transactionHash != null) {
            return "trace_" + transactionScopedTraceId(traceType, transactionHash, traceAddress);
        }
        final String base = "trace_" + traceType + "_" + blockNumber + "_";
        return traceIndex != null
                ? base + "at" + traceIndex
                : base + rewardType + "_" + toAddress + "_" + value;
    }

    @Override
    public OptionalLong blockNumberIfKnown() {
        return blockNumber == null ? OptionalLong.empty() : OptionalLong.of(blockNumber);
    }

    @Override
    public Optional<String> blockHashIfKnown() {
        return Optional.ofNullable(blockHash);
    }

    static String transactionScopedTraceId(final String traceType, final String transactionHash,
            final List<Long> traceAddress) {
        final String address = traceAddress == null || traceAddress.isEmpty()
                ? ""
                : traceAddress.stream().map(String::valueOf).collect(Collectors.joining("_"));
        return traceType + "_" + transactionHash + "_" + address;
    }

    static Trace read(final FieldReader in) {
        final Long transactionIndex = in.counter("transaction_index", Need.OPTIONAL);
        final String fromAddress = in.address("from_address", Need.OPTIONAL);
        final String toAddress = in.address("to_address", Need.OPTIONAL);
        final BigInteger value = in.uint256("value", Need.OPTIONAL);
        final String input = in.hexData("input", Need.OPTIONAL);
        final String output = in.hexData("output", Need.OPTIONAL);
        final String traceType = in.string("trace_type", Need.REQUIRED);
        if (traceType != null && !TRACE_TYPES.contains(traceType)) {
            in.violate("trace_type", "must be one of " + TRACE_TYPE_LIST + ", got " + FieldReader.quote(traceType));
        }
        final String callType = in.string("call_type", Need.OPTIONAL);
        final String rewardType = in.string("reward_type", Need.OPTIONAL);
        final Long gas = in.counter("gas", Need.OPTIONAL);
        final Long gasUsed = in.counter("gas_used", Need.OPTIONAL);
        final Long subtraces = in.counter("subtraces", Need.OPTIONAL);
        final List<Long> traceAddress = in.counterList("trace_address", Need.OPTIONAL);
        final String error = in.string("error", Need.OPTIONAL);
        final Long status = in.counter("status", Need.OPTIONAL);
        if (status != null && status > 1) {
            in.violate("status", "must be 0 (failed) or 1 (succeeded), got " + status);
        }
        final String transactionHash = in.hash("transaction_hash", Need.OPTIONAL);
        final Long blockNumber = in.counter("block_number", Need.REQUIRED);
        final String traceId = in.nonBlank("trace_id", Need.OPTIONAL);
        // A broken input of the ids was reported already; comparing against it would only add noise.
        final boolean idInputsValid = traceType != null && TRACE_TYPES.contains(traceType)
                && (transactionHash != null || !in.present("transaction_hash"))
                && (traceAddress != null || !in.present("trace_address"));
        if (idInputsValid && traceId != null) {
            checkTraceId(in, traceId, traceType, transactionHash, traceAddress, blockNumber);
        }
        final Long traceIndex = in.counter("trace_index", Need.OPTIONAL);
        final Long blockTimestamp = in.counter("block_timestamp", Need.OPTIONAL);
        final String blockHash = in.hash("block_hash", Need.REQUIRED);
        final String expectedItemId = traceId != null
                ? "trace_" + traceId
                : idInputsValid && transactionHash != null
                        ? "trace_" + transactionScopedTraceId(traceType, transactionHash, traceAddress)
                        : null;
        final String itemId = in.itemId(expectedItemId);
        if (itemId != null && expectedItemId == null && !itemId.startsWith("trace_")) {
            in.violate("item_id", "must start with 'trace_', got " + FieldReader.quote(itemId));
        }
        final String itemTimestamp = in.isoUtc("item_timestamp", Need.OPTIONAL);
        return new Trace(transactionIndex, fromAddress, toAddress, value, input, output, traceType, callType,
                rewardType, gas, gasUsed, subtraces, traceAddress, error, status, transactionHash, blockNumber, traceId,
                traceIndex, blockTimestamp, blockHash, itemId, itemTimestamp, in.unknownFields(FIELDS));
    }

    /** trace_id, when given, must be the one ethereum-etl derives from the same content. */
    private static void checkTraceId(final FieldReader in, final String traceId, final String traceType,
            final String transactionHash, final List<Long> traceAddress, final Long blockNumber) {
        if (transactionHash != null) {
            final String expected = transactionScopedTraceId(traceType, transactionHash, traceAddress);
            if (!traceId.equalsIgnoreCase(expected)) {
                in.violate("trace_id", "does not match the trace's content: expected " + FieldReader.quote(expected)
                        + ", got " + FieldReader.quote(traceId));
            }
        } else if (blockNumber != null && !traceId.startsWith(traceType + "_" + blockNumber + "_")) {
            in.violate("trace_id", "a trace without transaction must have the id '" + traceType + "_" + blockNumber
                    + "_<n>', got " + FieldReader.quote(traceId));
        }
    }
}
