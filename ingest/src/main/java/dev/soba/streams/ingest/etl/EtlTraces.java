package dev.soba.streams.ingest.etl;

import static dev.soba.streams.ingest.etl.NodeJson.address;
import static dev.soba.streams.ingest.etl.NodeJson.hex;
import static dev.soba.streams.ingest.etl.NodeJson.put;
import static dev.soba.streams.ingest.etl.NodeJson.quantity;
import static dev.soba.streams.ingest.etl.NodeJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * ethereum-etl's Parity trace export ({@code trace_mapper.py}'s {@code json_dict_to_trace},
 * {@code trace_status_calculator.py}, {@code trace_id_calculator.py}, the trace index and
 * {@code enrich_traces}): one block's {@code trace_block} answer to its {@code trace} items.
 */
public final class EtlTraces {

    private EtlTraces() {
    }

    /** A trace as ethereum-etl's {@code EthTrace} holds it while statuses, ids and indexes are computed. */
    private static final class Trace {
        BigInteger blockNumber;
        String transactionHash;
        BigInteger transactionIndex;
        String fromAddress;
        String toAddress;
        BigInteger value;
        String input;
        String output;
        String traceType;
        String callType;
        String rewardType;
        BigInteger gas;
        BigInteger gasUsed;
        BigInteger subtraces;
        List<Long> traceAddress;
        String error;
        long status;
        String traceId;
        long traceIndex;
    }

    /**
     * The block's {@code trace} items in the node's order, without {@code item_id}/{@code item_timestamp}.
     *
     * @param parityTraces   the {@code trace_block} answer (or a geth answer converted by {@link GethCallTraces})
     * @param blockTimestamp joined from the block
     * @param blockHash      joined from the block
     */
    public static List<ObjectNode> items(final List<JsonNode> parityTraces, final BigInteger blockTimestamp,
            final String blockHash) {
        final List<Trace> traces = parityTraces.stream().map(EtlTraces::map).toList();
        calculateStatuses(traces);
        calculateIds(traces);
        for (int i = 0; i < traces.size(); i++) {
            traces.get(i).traceIndex = i;
        }
        return traces.stream().map(trace -> item(trace, blockTimestamp, blockHash)).toList();
    }

    private static Trace map(final JsonNode json) {
        final Trace trace = new Trace();
        trace.blockNumber = quantity(json, "blockNumber");
        trace.transactionHash = hex(json, "transactionHash");
        trace.transactionIndex = quantity(json, "transactionPosition");
        trace.subtraces = quantity(json, "subtraces");
        trace.traceAddress = new ArrayList<>();
        NodeJson.elements(json, "traceAddress").forEach(position -> trace.traceAddress.add(position.asLong()));
        final String error = text(json, "error");
        if (error != null && !error.isEmpty()) {
            trace.error = error;
        }
        final JsonNode action = json.hasNonNull("action") ? json.get("action") : NodeJson.object();
        final JsonNode result = json.hasNonNull("result") ? json.get("result") : NodeJson.object();
        trace.traceType = text(json, "type");
        if ("call".equals(trace.traceType) || "create".equals(trace.traceType)) {
            trace.fromAddress = address(action, "from");
            trace.value = quantity(action, "value");
            trace.gas = quantity(action, "gas");
            trace.gasUsed = quantity(result, "gasUsed");
        }
        switch (trace.traceType == null ? "" : trace.traceType) {
            case "call" -> {
                trace.callType = text(action, "callType");
                trace.toAddress = address(action, "to");
                trace.input = hex(action, "input");
                trace.output = hex(result, "output");
            }
            case "create" -> {
                trace.toAddress = address(result, "address");
                trace.input = hex(action, "init");
                trace.output = hex(result, "code");
            }
            case "suicide" -> {
                trace.fromAddress = address(action, "address");
                trace.toAddress = address(action, "refundAddress");
                trace.value = quantity(action, "balance");
            }
            case "reward" -> {
                trace.toAddress = address(action, "author");
                trace.value = quantity(action, "value");
                trace.rewardType = text(action, "rewardType");
            }
            default -> {
                // ethereum-etl keeps unknown types with only the common fields
            }
        }
        return trace;
    }

    /** A failed trace fails everything below it in its transaction. */
    private static void calculateStatuses(final List<Trace> traces) {
        traces.forEach(trace -> trace.status = trace.error != null && !trace.error.isEmpty() ? 0 : 1);
        final Map<String, List<Trace>> byTransaction = new LinkedHashMap<>();
        traces.stream().filter(t -> t.transactionHash != null && !t.transactionHash.isEmpty())
                .forEach(t -> byTransaction.computeIfAbsent(t.transactionHash, h -> new ArrayList<>()).add(t));
        for (final List<Trace> transaction : byTransaction.values()) {
            final List<Trace> byDepth = transaction.stream()
                    .sorted(Comparator.comparingInt((Trace t) -> t.traceAddress.size())).toList();
            final Map<List<Long>, Trace> byAddress = new HashMap<>();
            byDepth.forEach(t -> byAddress.put(t.traceAddress, t));
            for (final Trace trace : byDepth) {
                if (!trace.traceAddress.isEmpty()) {
                    final Trace parent = byAddress.get(trace.traceAddress.subList(0, trace.traceAddress.size() - 1));
                    if (parent == null) {
                        throw new NodeResponseException("a parent trace for trace with trace_address "
                                + trace.traceAddress + " in transaction " + trace.transactionHash + " is not found");
                    }
                    if (parent.status == 0) {
                        trace.status = 0;
                    }
                }
            }
        }
    }

    /**
     * Transaction traces: {@code <type>_<tx hash>_<trace address joined by _>}; block traces (rewards):
     * {@code <type>_<block>_<n>}, numbered per type after sorting by reward type, sender, recipient, value.
     */
    private static void calculateIds(final List<Trace> traces) {
        final Map<BigInteger, List<Trace>> byBlock = new LinkedHashMap<>();
        traces.forEach(t -> byBlock.computeIfAbsent(t.blockNumber, n -> new ArrayList<>()).add(t));
        for (final List<Trace> block : byBlock.values()) {
            final Map<String, List<Trace>> blockScopedByType = new LinkedHashMap<>();
            for (final Trace trace : block) {
                if (trace.transactionHash != null && !trace.transactionHash.isEmpty()) {
                    trace.traceId = trace.traceType + "_" + trace.transactionHash + "_" + trace.traceAddress.stream()
                            .map(String::valueOf).collect(Collectors.joining("_"));
                } else {
                    blockScopedByType.computeIfAbsent(trace.traceType, type -> new ArrayList<>()).add(trace);
                }
            }
            for (final List<Trace> ofType : blockScopedByType.values()) {
                final List<Trace> sorted = ofType.stream().sorted(Comparator
                        .comparing((Trace t) -> t.rewardType, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(t -> t.fromAddress, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(t -> t.toAddress, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(t -> t.value, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
                for (int i = 0; i < sorted.size(); i++) {
                    sorted.get(i).traceId = sorted.get(i).traceType + "_" + sorted.get(i).blockNumber + "_" + i;
                }
            }
        }
    }

    private static ObjectNode item(final Trace trace, final BigInteger blockTimestamp, final String blockHash) {
        final ObjectNode item = NodeJson.object();
        item.put("type", "trace");
        put(item, "transaction_index", trace.transactionIndex);
        put(item, "from_address", trace.fromAddress);
        put(item, "to_address", trace.toAddress);
        put(item, "value", trace.value);
        put(item, "input", trace.input);
        put(item, "output", trace.output);
        put(item, "trace_type", trace.traceType);
        put(item, "call_type", trace.callType);
        put(item, "reward_type", trace.rewardType);
        put(item, "gas", trace.gas);
        put(item, "gas_used", trace.gasUsed);
        put(item, "subtraces", trace.subtraces);
        final ArrayNode traceAddress = item.putArray("trace_address");
        trace.traceAddress.forEach(traceAddress::add);
        put(item, "error", trace.error);
        item.put("status", trace.status);
        put(item, "transaction_hash", trace.transactionHash);
        put(item, "block_number", trace.blockNumber);
        put(item, "trace_id", trace.traceId);
        item.put("trace_index", trace.traceIndex);
        put(item, "block_timestamp", blockTimestamp);
        put(item, "block_hash", Objects.requireNonNull(blockHash, "block hash"));
        return item;
    }
}
