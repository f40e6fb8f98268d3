package dev.soba.streams.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.web3j.utils.Numeric;

/**
 * Renders the chain's records as ethereum-etl's {@code stream} items: the same field names in the
 * same order, uint256 as bare JSON integers, lower-case hex, nulls where ethereum-etl writes null
 * (receipt_root after Byzantium, the L1 fields on mainnet, fee-market fields of legacy transactions,
 * reward_type of calls, output and gas_used of a failed call).
 */
final class EthereumEtlItems {

    /** Post-merge total difficulty is frozen at the terminal value. */
    private static final BigInteger TERMINAL_TOTAL_DIFFICULTY = new BigInteger("58750003716598352816469");
    /** keccak256(rlp([])): every post-merge block has no uncles. */
    private static final String EMPTY_UNCLES_HASH = "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EthereumEtlItems() {
    }

    static ObjectNode block(final BlockHeader h) {
        final ObjectNode item = NODES.objectNode();
        item.put("type", "block");
        item.put("number", h.number());
        item.put("hash", h.hash());
        item.put("parent_hash", h.parentHash());
        item.put("nonce", "0x0000000000000000");
        item.put("sha3_uncles", EMPTY_UNCLES_HASH);
        item.put("logs_bloom", h.logsBloom());
        item.put("transactions_root", h.transactionsRoot());
        item.put("state_root", h.stateRoot());
        item.put("receipts_root", h.receiptsRoot());
        item.put("miner", h.miner());
        item.put("difficulty", 0L);
        item.put("total_difficulty", TERMINAL_TOTAL_DIFFICULTY);
        item.put("size", h.size());
        item.put("extra_data", h.extraData());
        item.put("gas_limit", h.gasLimit());
        item.put("gas_used", h.gasUsed());
        item.put("timestamp", h.timestamp());
        item.put("transaction_count", h.transactionCount());
        item.put("base_fee_per_gas", h.baseFeePerGas());
        item.put("withdrawals_root", h.withdrawalsRoot());
        final ArrayNode withdrawals = item.putArray("withdrawals");
        for (final BlockHeader.Withdrawal w : h.withdrawals()) {
            final ObjectNode withdrawal = withdrawals.addObject();
            withdrawal.put("index", w.index());
            withdrawal.put("validator_index", w.validatorIndex());
            withdrawal.put("address", w.address());
            withdrawal.put("amount", w.amount());
        }
        item.put("item_id", "block_" + h.hash());
        item.put("item_timestamp", itemTimestamp(h.timestamp()));
        return item;
    }

    static ObjectNode transaction(final BlockHeader h, final MinedTransaction tx) {
        final ObjectNode item = NODES.objectNode();
        item.put("type", "transaction");
        item.put("hash", tx.hash());
        item.put("nonce", tx.nonce());
        item.put("transaction_index", tx.transactionIndex());
        item.put("from_address", tx.from());
        item.put("to_address", tx.to());
        item.put("value", tx.value());
        item.put("gas", tx.call().gasLimit());
        item.put("gas_price", tx.gasPrice());
        item.put("input", tx.call().input());
        item.put("block_timestamp", h.timestamp());
        item.put("block_number", h.number());
        item.put("block_hash", h.hash());
        putOptional(item, "max_fee_per_gas", tx.maxFeePerGas());
        putOptional(item, "max_priority_fee_per_gas", tx.maxPriorityFeePerGas());
        item.put("transaction_type", tx.transactionType());
        item.put("receipt_cumulative_gas_used", tx.cumulativeGasUsed());
        item.put("receipt_gas_used", tx.gasUsed());
        item.putNull("receipt_contract_address");
        item.putNull("receipt_root");
        item.put("receipt_status", tx.call().succeeded() ? 1 : 0);
        item.put("receipt_effective_gas_price", tx.effectiveGasPrice());
        item.put("item_id", "transaction_" + tx.hash());
        item.put("item_timestamp", itemTimestamp(h.timestamp()));
        item.putNull("receipt_l1_fee");
        item.putNull("receipt_l1_gas_used");
        item.putNull("receipt_l1_gas_price");
        item.putNull("receipt_l1_fee_scalar");
        return item;
    }

    static ObjectNode log(final BlockHeader h, final MinedLog log) {
        final ObjectNode item = NODES.objectNode();
        item.put("type", "log");
        item.put("log_index", log.logIndex());
        item.put("transaction_hash", log.transactionHash());
        item.put("transaction_index", log.transactionIndex());
        item.put("address", log.entry().address());
        item.put("data", log.entry().data());
        final ArrayNode topics = item.putArray("topics");
        log.entry().topics().forEach(topics::add);
        item.put("block_number", h.number());
        item.put("block_timestamp", h.timestamp());
        item.put("block_hash", h.hash());
        item.put("item_id", "log_" + log.transactionHash() + "_" + log.logIndex());
        item.put("item_timestamp", itemTimestamp(h.timestamp()));
        return item;
    }

    /** ethereum-etl derives a token transfer from every ERC-20 Transfer log (three topics, value in data). */
    static Optional<ObjectNode> tokenTransfer(final BlockHeader h, final MinedLog log) {
        final LogEntry entry = log.entry();
        if (entry.topics().size() != 3 || !Erc20Abi.TRANSFER_TOPIC.equals(entry.topics().get(0))) {
            return Optional.empty();
        }
        final ObjectNode item = NODES.objectNode();
        item.put("type", "token_transfer");
        item.put("token_address", entry.address());
        item.put("from_address", topicAddress(entry.topics().get(1)));
        item.put("to_address", topicAddress(entry.topics().get(2)));
        item.put("value", new BigInteger(entry.data().substring(2), 16));
        item.put("transaction_hash", log.transactionHash());
        item.put("log_index", log.logIndex());
        item.put("block_number", h.number());
        item.put("block_timestamp", h.timestamp());
        item.put("block_hash", h.hash());
        item.put("item_id", "token_transfer_" + log.transactionHash() + "_" + log.logIndex());
        item.put("item_timestamp", itemTimestamp(h.timestamp()));
        return Optional.of(item);
    }

    /**
     * The transaction's call tree as ethereum-etl's trace items, depth first (Parity's order), numbered
     * from {@code firstTraceIndex} in the block. Gas as Parity reports it: the top call gets the gas
     * limit less the intrinsic gas and uses the receipt's gas less it; each sub-call gets 63/64 of what
     * its caller has left. A failed frame has no output or gas used; it and every call below it have
     * status 0.
     */
    static List<ObjectNode> traces(final BlockHeader h, final MinedTransaction tx, final int firstTraceIndex) {
        final long intrinsic = intrinsicGas(tx.call().input());
        final CallFrame root = tx.call().trace();
        final long childrenUsed = root.gasUsed() - root.ownGas();
        final long topUsed = tx.gasUsed() - intrinsic;
        if (topUsed < childrenUsed) {
            throw new IllegalStateException("transaction " + tx.hash() + " uses " + tx.gasUsed()
                    + " gas, less than its intrinsic gas and calls need");
        }
        final List<ObjectNode> items = new ArrayList<>(root.size());
        addTraces(h, tx, root.withOwnGas(topUsed - childrenUsed), List.of(), tx.call().gasLimit() - intrinsic,
                true, firstTraceIndex, items);
        return items;
    }

    private static void addTraces(final BlockHeader h, final MinedTransaction tx, final CallFrame frame,
                                  final List<Integer> address, final long gas, final boolean parentsSucceeded,
                                  final int firstTraceIndex, final List<ObjectNode> items) {
        final boolean succeeded = parentsSucceeded && frame.error() == null;
        final String traceId = "call_" + tx.hash() + "_"
                + address.stream().map(String::valueOf).collect(Collectors.joining("_"));
        final ObjectNode item = NODES.objectNode();
        item.put("type", "trace");
        item.put("transaction_index", tx.transactionIndex());
        item.put("from_address", frame.from());
        item.put("to_address", frame.to());
        item.put("value", frame.value());
        item.put("input", frame.input());
        if (frame.error() == null) {
            item.put("output", frame.output());
        } else {
            item.putNull("output");
        }
        item.put("trace_type", "call");
        item.put("call_type", frame.callType());
        item.putNull("reward_type");
        item.put("gas", gas);
        if (frame.error() == null) {
            item.put("gas_used", frame.gasUsed());
        } else {
            item.putNull("gas_used");
        }
        item.put("subtraces", frame.children().size());
        final ArrayNode traceAddress = item.putArray("trace_address");
        address.forEach(traceAddress::add);
        if (frame.error() == null) {
            item.putNull("error");
        } else {
            item.put("error", frame.error());
        }
        item.put("status", succeeded ? 1 : 0);
        item.put("transaction_hash", tx.hash());
        item.put("block_number", h.number());
        item.put("trace_id", traceId);
        item.put("trace_index", firstTraceIndex + items.size());
        item.put("block_timestamp", h.timestamp());
        item.put("block_hash", h.hash());
        item.put("item_id", "trace_" + traceId);
        item.put("item_timestamp", itemTimestamp(h.timestamp()));
        items.add(item);
        // The callee spends part of its own gas before its calls; each call is given 63/64 of what is left.
        long left = gas - frame.ownGas() / 2;
        for (int i = 0; i < frame.children().size(); i++) {
            final CallFrame child = frame.children().get(i);
            final List<Integer> childAddress = new ArrayList<>(address);
            childAddress.add(i);
            addTraces(h, tx, child, List.copyOf(childAddress), left - left / 64, succeeded, firstTraceIndex, items);
            left -= child.gasUsed();
        }
    }

    /** 21,000 plus 16 per non-zero and 4 per zero byte of call data. */
    static long intrinsicGas(final String input) {
        long gas = 21_000;
        for (final byte b : Numeric.hexStringToByteArray(input)) {
            gas += b == 0 ? 4 : 16;
        }
        return gas;
    }

    /** ISO-8601 UTC without fractions, e.g. 2023-05-02T12:19:59Z. */
    static String itemTimestamp(final long epochSeconds) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epochSeconds));
    }

    private static String topicAddress(final String topic) {
        return "0x" + topic.substring(topic.length() - 40);
    }

    private static void putOptional(final ObjectNode item, final String field, final OptionalLong value) {
        if (value.isPresent()) {
            item.put(field, value.getAsLong());
        } else {
            item.putNull(field);
        }
    }
}
