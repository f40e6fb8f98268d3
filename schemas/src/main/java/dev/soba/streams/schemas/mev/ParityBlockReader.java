package dev.soba.streams.schemas.mev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Trace;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads mev-inspect-py's block files: one JSON object with {@code block_number}, {@code miner},
 * {@code base_fee_per_gas}, optional {@code block_timestamp}, the block's Parity {@code trace_block}
 * output as {@code traces} and its {@code receipts}. Traces become ethereum-etl trace items exactly as
 * ethereum-etl's trace mapper builds them (hex quantities to integers, addresses lower case, a create's
 * {@code init}/{@code code} as input/output, a self-destruct's balance as value), with the fields its
 * stream adds: {@code status} (0 when the call or any call around it failed), {@code trace_id},
 * {@code trace_index} (position in the block), {@code item_id}, and the block hash and timestamp.
 * Keys are accepted in snake_case (the files) or camelCase (raw {@code trace_block} answers).
 */
public final class ParityBlockReader {

    private ParityBlockReader() {
    }

    /** Reads an already parsed file; every problem is reported with the file and the JSON path. */
    public static ParityBlock read(final Path file, final JsonNode root) {
        final Fields top = new Fields(file, root, "");
        final long blockNumber = top.requiredLong("block_number", "blockNumber");
        final Long timestamp = top.optionalLong("block_timestamp", "timestamp");
        final JsonNode traceArray = top.requiredArray("traces");
        final List<Trace> traces = new ArrayList<>(traceArray.size());
        final List<RawTrace> raw = new ArrayList<>(traceArray.size());
        for (int i = 0; i < traceArray.size(); i++) {
            raw.add(RawTrace.of(new Fields(file, traceArray.get(i), "traces[" + i + "]."), blockNumber, i));
        }
        final Map<String, Long> statuses = statuses(raw);
        final Map<String, String> blockScopedIds = blockScopedIds(raw, blockNumber);
        final String itemTimestamp = timestamp == null ? null : Instant.ofEpochSecond(timestamp).toString();
        for (int i = 0; i < raw.size(); i++) {
            final RawTrace t = raw.get(i);
            final String traceId = t.transactionHash() != null
                    ? t.traceType() + "_" + t.transactionHash() + "_" + joined(t.traceAddress(), "_")
                    : blockScopedIds.get(t.key());
            traces.add(new Trace(t.transactionIndex(), t.from(), t.to(), t.value(), t.input(), t.output(),
                    t.traceType(), t.callType(), t.rewardType(), t.gas(), t.gasUsed(), t.subtraces(), t.traceAddress(),
                    t.error(), statuses.get(t.key()), t.transactionHash(), blockNumber, traceId, (long) i, timestamp,
                    t.blockHash(), "trace_" + traceId, itemTimestamp, Map.of()));
        }
        final List<ParityReceipt> receipts = new ArrayList<>();
        final JsonNode receiptArray = root.get("receipts");
        if (receiptArray != null && !receiptArray.isNull()) {
            if (!receiptArray.isArray()) {
                throw new BlockFileException(file, "receipts: expected an array");
            }
            for (int i = 0; i < receiptArray.size(); i++) {
                final Fields r = new Fields(file, receiptArray.get(i), "receipts[" + i + "].");
                receipts.add(new ParityReceipt(r.requiredHash("transaction_hash", "transactionHash"),
                        r.requiredLong("transaction_index", "transactionIndex"), r.quantity("gas_used", "gasUsed"),
                        r.quantity("effective_gas_price", "effectiveGasPrice"),
                        r.quantity("cumulative_gas_used", "cumulativeGasUsed"), r.address("to", "to")));
            }
        }
        final String miner = top.address("miner", "author");
        return new ParityBlock(blockNumber, miner, top.quantity("base_fee_per_gas", "baseFeePerGas"), timestamp,
                traces, receipts);
    }

    /** ethereum-etl's rule: 0 when the trace has an error or its parent call has status 0. */
    private static Map<String, Long> statuses(final List<RawTrace> traces) {
        final Map<String, Long> statuses = new HashMap<>();
        final List<RawTrace> byDepth = new ArrayList<>(traces);
        byDepth.sort(Comparator.comparingInt(t -> t.traceAddress().size()));
        for (final RawTrace t : byDepth) {
            long status = t.error() == null ? 1 : 0;
            if (t.transactionHash() != null && !t.traceAddress().isEmpty()
                    && (t.traceType().equals("call") || t.traceType().equals("create"))) {
                final Long parent = statuses.get(t.transactionHash() + "/"
                        + joined(t.traceAddress().subList(0, t.traceAddress().size() - 1), ","));
                if (parent != null && parent == 0) {
                    status = 0;
                }
            }
            statuses.put(t.key(), status);
        }
        return statuses;
    }

    /** ethereum-etl numbers a block's transaction-less traces per type, sorted by reward type, recipient, value. */
    private static Map<String, String> blockScopedIds(final List<RawTrace> traces, final long blockNumber) {
        final Map<String, List<RawTrace>> byType = new HashMap<>();
        traces.stream().filter(t -> t.transactionHash() == null)
                .forEach(t -> byType.computeIfAbsent(t.traceType(), k -> new ArrayList<>()).add(t));
        final Map<String, String> ids = new HashMap<>();
        final Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
        final Comparator<BigInteger> number = Comparator.nullsFirst(Comparator.naturalOrder());
        byType.forEach((type, list) -> {
            list.sort(Comparator.comparing(RawTrace::rewardType, text).thenComparing(RawTrace::from, text)
                    .thenComparing(RawTrace::to, text).thenComparing(RawTrace::value, number));
            for (int i = 0; i < list.size(); i++) {
                ids.put(list.get(i).key(), type + "_" + blockNumber + "_" + i);
            }
        });
        return ids;
    }

    private static String joined(final List<Long> address, final String separator) {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < address.size(); i++) {
            out.append(i == 0 ? "" : separator).append(address.get(i));
        }
        return out.toString();
    }

    /** One Parity trace, mapped the way ethereum-etl's {@code EthTraceMapper} does. */
    private record RawTrace(String key, String traceType, String transactionHash, Long transactionIndex,
                            List<Long> traceAddress, Long subtraces, String from, String to, BigInteger value,
                            String input, String output, String callType, String rewardType, Long gas, Long gasUsed,
                            String error, String blockHash) {

        static RawTrace of(final Fields t, final long blockNumber, final int position) {
            final String type = t.requiredText("type", "type");
            final Fields action = t.requiredObject("action");
            final Fields result = t.optionalObject("result");
            final String txHash = t.hash("transaction_hash", "transactionHash");
            final Long txIndex = t.optionalLong("transaction_position", "transactionPosition");
            if (txHash != null && txIndex == null) {
                throw t.fail("transaction_position", "is required for a transaction's trace");
            }
            final List<Long> traceAddress = t.traceAddress();
            final String error = t.optionalText("error", "error");
            final Long blockNo = t.optionalLong("block_number", "blockNumber");
            if (blockNo != null && blockNo != blockNumber) {
                throw t.fail("block_number", "is " + blockNo + " in a file of block " + blockNumber);
            }
            final String blockHash = t.requiredHash("block_hash", "blockHash");
            final Long subtraces = t.optionalLong("subtraces", "subtraces");
            final String errorOrNull = error == null || error.isEmpty() ? null : error;
            // identity within the block, for the maps above (a reward has no transaction: its position is unique)
            final String key = txHash == null ? "#" + position : txHash + "/" + joined(traceAddress, ",");
            return switch (type) {
                case "call" -> new RawTrace(key, type, txHash, txIndex, traceAddress, subtraces,
                        action.address("from", "from"), action.address("to", "to"), action.quantity("value", "value"),
                        action.hexData("input", "input"), result == null ? null : result.hexData("output", "output"),
                        action.optionalText("callType", "call_type"), null, action.quantityLong("gas", "gas"),
                        result == null ? null : result.quantityLong("gasUsed", "gas_used"), errorOrNull, blockHash);
                case "create" -> new RawTrace(key, type, txHash, txIndex, traceAddress, subtraces,
                        action.address("from", "from"), result == null ? null : result.address("address", "address"),
                        action.quantity("value", "value"), action.hexData("init", "init"),
                        result == null ? null : result.hexData("code", "code"), null, null,
                        action.quantityLong("gas", "gas"),
                        result == null ? null : result.quantityLong("gasUsed", "gas_used"), errorOrNull, blockHash);
                case "suicide" -> new RawTrace(key, type, txHash, txIndex, traceAddress, subtraces,
                        action.address("address", "address"), action.address("refundAddress", "refund_address"),
                        action.quantity("balance", "balance"), null, null, null, null, null, null, errorOrNull,
                        blockHash);
                case "reward" -> new RawTrace(key, type, txHash, txIndex, traceAddress, subtraces, null,
                        action.address("author", "author"), action.quantity("value", "value"), null, null, null,
                        action.optionalText("rewardType", "reward_type"), null, null, errorOrNull, blockHash);
                default -> throw t.fail("type", "must be call, create, suicide or reward, got '" + type + "'");
            };
        }
    }
}
