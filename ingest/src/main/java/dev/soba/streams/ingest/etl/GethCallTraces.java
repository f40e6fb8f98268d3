package dev.soba.streams.ingest.etl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * geth's {@code debug_traceBlockByNumber}/{@code ByHash} with {@code callTracer} converted to what
 * {@code trace_block} answers on a Parity-style node (OpenEthereum, Erigon, Nethermind, Reth, anvil),
 * so one trace mapper serves both: frames depth first, each with its {@code traceAddress} and
 * {@code subtraces}; calls of every kind become {@code call} with their {@code callType}; CREATE and
 * CREATE2 become {@code create} (the new address and its code in the result); SELFDESTRUCT becomes
 * {@code suicide}; a failed frame keeps its error in Parity's words and, as on Parity-style nodes, no
 * result — except a revert, which returns data and gas and keeps its result.
 *
 * <p>What cannot be converted: geth reports the top frame's gas as the transaction's gas limit and its
 * gas used including the intrinsic gas, which Parity-style nodes subtract; block rewards (before the
 * merge) are not traced by geth at all.
 */
public final class GethCallTraces {

    private static final String REVERTED = "Reverted";

    /** geth's error texts for what Parity-style nodes call otherwise. */
    private static final Map<String, String> PARITY_ERRORS = Map.of(
            "execution reverted", REVERTED,
            "out of gas", "Out of gas",
            "invalid jump destination", "Bad jump destination",
            "stack underflow", "Stack underflow",
            "write protection", "Mutable Call In Static Context");

    private GethCallTraces() {
    }

    /**
     * @param blockNumber       the block's number
     * @param blockHash         the block's hash
     * @param transactionHashes the block's transactions in order (when a result carries no {@code txHash})
     * @param results           the tracer's answer: one {@code {"txHash", "result"}} per transaction, in order
     */
    public static List<JsonNode> toParity(final BigInteger blockNumber, final String blockHash,
            final List<String> transactionHashes, final List<JsonNode> results) {
        if (results.size() != transactionHashes.size()) {
            throw new NodeResponseException("the tracer answered for " + results.size() + " transactions, the block has "
                    + transactionHashes.size());
        }
        final List<JsonNode> traces = new ArrayList<>();
        for (int position = 0; position < results.size(); position++) {
            final JsonNode entry = results.get(position);
            if (entry.hasNonNull("error") && !entry.hasNonNull("result")) {
                throw new NodeResponseException("the tracer failed on transaction " + position + ": " + entry.get("error"));
            }
            final JsonNode frame = entry.hasNonNull("result") ? entry.get("result") : entry;
            final String hash = entry.hasNonNull("txHash") ? NodeJson.hex(entry, "txHash") : transactionHashes.get(position);
            if (!hash.equals(transactionHashes.get(position))) {
                throw new NodeResponseException("the tracer's transaction " + position + " is " + hash + ", the block's is "
                        + transactionHashes.get(position));
            }
            addFrame(traces, frame, new Position(blockNumber, blockHash, hash, position), List.of());
        }
        return traces;
    }

    private record Position(BigInteger blockNumber, String blockHash, String transactionHash, int transactionPosition) {
    }

    private static void addFrame(final List<JsonNode> traces, final JsonNode frame, final Position position,
            final List<Integer> traceAddress) {
        final List<JsonNode> calls = NodeJson.elements(frame, "calls");
        traces.add(trace(frame, position, traceAddress, calls.size()));
        for (int i = 0; i < calls.size(); i++) {
            final List<Integer> child = new ArrayList<>(traceAddress);
            child.add(i);
            addFrame(traces, calls.get(i), position, child);
        }
    }

    private static ObjectNode trace(final JsonNode frame, final Position position, final List<Integer> traceAddress,
            final int subtraces) {
        final String kind = NodeJson.text(frame, "type") == null ? "CALL"
                : NodeJson.text(frame, "type").toUpperCase(Locale.ROOT);
        final String error = NodeJson.text(frame, "error");
        final ObjectNode trace = NodeJson.object();
        final ObjectNode action = trace.putObject("action");
        final ObjectNode result = NodeJson.object();
        switch (kind) {
            case "CREATE", "CREATE2" -> {
                trace.put("type", "create");
                action.put("from", lower(frame, "from"));
                action.put("gas", text(frame, "gas"));
                action.put("init", lower(frame, "input"));
                action.put("value", text(frame, "value"));
                action.put("creationMethod", kind.toLowerCase(Locale.ROOT));
                result.put("address", lower(frame, "to"));
                result.put("code", lower(frame, "output"));
                result.put("gasUsed", text(frame, "gasUsed"));
            }
            case "SELFDESTRUCT" -> {
                trace.put("type", "suicide");
                action.put("address", lower(frame, "from"));
                action.put("refundAddress", lower(frame, "to"));
                action.put("balance", text(frame, "value"));
            }
            default -> {
                trace.put("type", "call");
                action.put("from", lower(frame, "from"));
                action.put("callType", kind.toLowerCase(Locale.ROOT));
                action.put("gas", text(frame, "gas"));
                action.put("input", lower(frame, "input"));
                action.put("to", lower(frame, "to"));
                action.put("value", text(frame, "value"));
                result.put("gasUsed", text(frame, "gasUsed"));
                result.put("output", frame.hasNonNull("output") ? lower(frame, "output") : "0x");
            }
        }
        trace.put("blockHash", position.blockHash());
        trace.put("blockNumber", position.blockNumber());
        if (error != null && !error.isEmpty()) {
            final String parityError = parityError(error);
            trace.put("error", parityError);
            // a revert still returns data and gas: Parity-style nodes keep the result then, and only then
            if (REVERTED.equals(parityError) && !"suicide".equals(trace.get("type").asText())) {
                trace.set("result", result);
            } else {
                trace.putNull("result");
            }
        } else if ("suicide".equals(trace.get("type").asText())) {
            trace.putNull("result");
        } else {
            trace.set("result", result);
        }
        trace.put("subtraces", subtraces);
        final ArrayNode address = trace.putArray("traceAddress");
        traceAddress.forEach(address::add);
        trace.put("transactionHash", position.transactionHash());
        trace.put("transactionPosition", position.transactionPosition());
        return trace;
    }

    /** Quantities geth leaves out (the value of a static or delegate call) are zero on Parity-style nodes. */
    private static String text(final JsonNode frame, final String field) {
        final String value = NodeJson.text(frame, field);
        return value == null ? "0x0" : value;
    }

    private static String lower(final JsonNode frame, final String field) {
        final String value = NodeJson.text(frame, field);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    static String parityError(final String gethError) {
        final String lower = gethError.toLowerCase(Locale.ROOT);
        if (PARITY_ERRORS.containsKey(lower)) {
            return PARITY_ERRORS.get(lower);
        }
        if (lower.startsWith("invalid opcode")) {
            return "Bad instruction";
        }
        return gethError;
    }
}
