package dev.soba.streams.api.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Renders the chain's records as ethereum-etl's {@code stream} items: the same field names in the
 * same order, uint256 as bare JSON integers, lower-case hex, nulls where ethereum-etl writes null
 * (receipt_root after Byzantium, the L1 fields on mainnet, fee-market fields of legacy transactions).
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
        item.put("receipt_status", 1);
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
