package dev.soba.streams.schemas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web3j.crypto.Hash;

/**
 * Valid items of every type, generated here in the shape ethereum-etl's {@code stream} writes
 * (uint256 values as JSON integers, explicit nulls, {@code item_id}). Each call returns a fresh
 * tree that a test may mutate.
 */
final class Samples {

    static final long BLOCK = 17_173_049L;
    static final String BLOCK_HASH = hash("block");
    static final String TX_HASH = hash("tx");
    static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Samples() {
    }

    /** A 32-byte hash derived from a seed. */
    static String hash(final String seed) {
        return Hash.sha3String(seed);
    }

    /** A lower-case 20-byte address derived from a seed. */
    static String address(final String seed) {
        return "0x" + Hash.sha3String(seed).substring(26);
    }

    /** Samples of every type, keyed by a name for test reports. */
    static Map<String, ObjectNode> all() {
        final Map<String, ObjectNode> all = new LinkedHashMap<>();
        all.put("block", block());
        all.put("transaction", transaction());
        all.put("log", log());
        all.put("token_transfer", tokenTransfer());
        all.put("call trace", callTrace());
        all.put("reward trace", rewardTrace());
        all.put("contract", contract());
        all.put("token", token());
        all.put("market_tick", marketTick());
        return all;
    }

    /** One sample of the given type. */
    static ObjectNode of(final ItemType type) {
        return switch (type) {
            case BLOCK -> block();
            case TRANSACTION -> transaction();
            case LOG -> log();
            case TOKEN_TRANSFER -> tokenTransfer();
            case TRACE -> callTrace();
            case CONTRACT -> contract();
            case TOKEN -> token();
            case MARKET_TICK -> marketTick();
        };
    }

    static ObjectNode block() {
        final ObjectNode block = NODES.objectNode();
        block.put("type", "block");
        block.put("number", BLOCK);
        block.put("hash", BLOCK_HASH);
        block.put("parent_hash", hash("parent"));
        block.put("nonce", "0x0000000000000000");
        block.put("sha3_uncles", hash("uncles"));
        block.put("logs_bloom", "0x" + "00".repeat(255) + "08");
        block.put("transactions_root", hash("transactions"));
        block.put("state_root", hash("state"));
        block.put("receipts_root", hash("receipts"));
        block.put("miner", address("miner"));
        block.put("difficulty", 0);
        block.put("total_difficulty", new BigInteger("58750003716598352816469"));
        block.put("size", 40_573);
        block.put("extra_data", "0x7273796e632d6275696c6465722e78797a");
        block.put("gas_limit", 30_000_000);
        block.put("gas_used", 9_755_040);
        block.put("timestamp", 1_683_029_999L);
        block.put("transaction_count", 116);
        block.put("base_fee_per_gas", 80_869_370_967L);
        block.put("withdrawals_root", hash("withdrawals"));
        final ArrayNode withdrawals = block.putArray("withdrawals");
        for (int i = 0; i < 2; i++) {
            final ObjectNode withdrawal = withdrawals.addObject();
            withdrawal.put("index", 2_210_752 + i);
            withdrawal.put("validator_index", 540_230 + i);
            withdrawal.put("address", address("validator" + i));
            withdrawal.put("amount", 12_420_714 + i);
        }
        block.put("item_id", "block_" + BLOCK_HASH);
        block.put("item_timestamp", "2023-05-02T12:19:59Z");
        return block;
    }

    static ObjectNode transaction() {
        final ObjectNode tx = NODES.objectNode();
        tx.put("type", "transaction");
        tx.put("hash", TX_HASH);
        tx.put("nonce", 323_847);
        tx.put("transaction_index", 0);
        tx.put("from_address", address("sender"));
        tx.put("to_address", address("router"));
        tx.put("value", new BigInteger("7400000000000000000"));
        tx.put("gas", 121_632);
        tx.put("gas_price", 80_869_370_967L);
        tx.put("input", "0x392f177054b0f980a7eb5b3a6b3446f3c947d80162775c01e5492e");
        tx.put("block_timestamp", 1_683_029_999L);
        tx.put("block_number", BLOCK);
        tx.put("block_hash", BLOCK_HASH);
        tx.put("max_fee_per_gas", 80_869_370_967L);
        tx.put("max_priority_fee_per_gas", 0);
        tx.put("transaction_type", 2);
        tx.put("receipt_cumulative_gas_used", 85_143);
        tx.put("receipt_gas_used", 85_143);
        tx.putNull("receipt_contract_address");
        tx.putNull("receipt_root");
        tx.put("receipt_status", 1);
        tx.put("receipt_effective_gas_price", 80_869_370_967L);
        tx.put("item_id", "transaction_" + TX_HASH);
        tx.put("item_timestamp", "2023-05-02T12:19:59Z");
        tx.putNull("receipt_l1_fee");
        tx.putNull("receipt_l1_gas_used");
        tx.putNull("receipt_l1_gas_price");
        tx.putNull("receipt_l1_fee_scalar");
        return tx;
    }

    static ObjectNode log() {
        final ObjectNode log = NODES.objectNode();
        log.put("type", "log");
        log.put("log_index", 3);
        log.put("transaction_hash", TX_HASH);
        log.put("transaction_index", 0);
        log.put("address", address("weth"));
        log.put("data", "0x00000000000000000000000000000000000000000000000061ec933f00000000");
        final ArrayNode topics = log.putArray("topics");
        topics.add(TRANSFER_TOPIC);
        topics.add("0x000000000000000000000000" + address("from").substring(2));
        topics.add("0x000000000000000000000000" + address("to").substring(2));
        log.put("block_number", BLOCK);
        log.put("block_timestamp", 1_683_029_999L);
        log.put("block_hash", BLOCK_HASH);
        log.put("item_id", "log_" + TX_HASH + "_3");
        log.put("item_timestamp", "2023-05-02T12:19:59Z");
        return log;
    }

    static ObjectNode tokenTransfer() {
        final ObjectNode transfer = NODES.objectNode();
        transfer.put("type", "token_transfer");
        transfer.put("token_address", address("weth"));
        transfer.put("from_address", address("from"));
        transfer.put("to_address", address("to"));
        transfer.put("value", new BigInteger("150188698577042438264952193024"));
        transfer.put("transaction_hash", TX_HASH);
        transfer.put("log_index", 3);
        transfer.put("block_number", BLOCK);
        transfer.put("block_timestamp", 1_683_029_999L);
        transfer.put("block_hash", BLOCK_HASH);
        transfer.put("item_id", "token_transfer_" + TX_HASH + "_3");
        transfer.put("item_timestamp", "2023-05-02T12:19:59Z");
        return transfer;
    }

    /** A nested call, at trace address [0, 2]. */
    static ObjectNode callTrace() {
        final ObjectNode trace = NODES.objectNode();
        trace.put("type", "trace");
        trace.put("transaction_index", 0);
        trace.put("from_address", address("router"));
        trace.put("to_address", address("pool"));
        trace.put("value", 0);
        trace.put("input", "0x022c0d9f");
        trace.put("output", "0x");
        trace.put("trace_type", "call");
        trace.put("call_type", "call");
        trace.putNull("reward_type");
        trace.put("gas", 100_000);
        trace.put("gas_used", 8_244);
        trace.put("subtraces", 1);
        trace.putArray("trace_address").add(0).add(2);
        trace.putNull("error");
        trace.put("status", 1);
        trace.put("transaction_hash", TX_HASH);
        trace.put("block_number", BLOCK);
        trace.put("trace_id", "call_" + TX_HASH + "_0_2");
        trace.put("trace_index", 5);
        trace.put("block_timestamp", 1_683_029_999L);
        trace.put("block_hash", BLOCK_HASH);
        trace.put("item_id", "trace_call_" + TX_HASH + "_0_2");
        trace.put("item_timestamp", "2023-05-02T12:19:59Z");
        return trace;
    }

    /** A block reward: no transaction, input, gas or sender. */
    static ObjectNode rewardTrace() {
        final ObjectNode trace = NODES.objectNode();
        trace.put("type", "trace");
        trace.putNull("transaction_index");
        trace.putNull("from_address");
        trace.put("to_address", address("miner"));
        trace.put("value", new BigInteger("5000000000000000000"));
        trace.putNull("input");
        trace.putNull("output");
        trace.put("trace_type", "reward");
        trace.putNull("call_type");
        trace.put("reward_type", "block");
        trace.putNull("gas");
        trace.putNull("gas_used");
        trace.put("subtraces", 0);
        trace.putArray("trace_address");
        trace.putNull("error");
        trace.put("status", 1);
        trace.putNull("transaction_hash");
        trace.put("block_number", BLOCK);
        trace.put("trace_id", "reward_" + BLOCK + "_0");
        trace.put("trace_index", 9);
        trace.put("block_timestamp", 1_683_029_999L);
        trace.put("block_hash", BLOCK_HASH);
        trace.put("item_id", "trace_reward_" + BLOCK + "_0");
        trace.put("item_timestamp", "2023-05-02T12:19:59Z");
        return trace;
    }

    static ObjectNode contract() {
        final ObjectNode contract = NODES.objectNode();
        contract.put("type", "contract");
        contract.put("address", address("pool"));
        contract.put("bytecode", "0x6060604052361561008d5760e060020a6000350463");
        contract.putArray("function_sighashes").add("0x06fdde03").add("0xa9059cbb");
        contract.put("is_erc20", true);
        contract.put("is_erc721", false);
        contract.put("block_number", BLOCK);
        contract.put("block_timestamp", 1_683_029_999L);
        contract.put("block_hash", BLOCK_HASH);
        contract.put("item_id", "contract_" + BLOCK + "_" + address("pool"));
        contract.put("item_timestamp", "2023-05-02T12:19:59Z");
        return contract;
    }

    static ObjectNode token() {
        final ObjectNode token = NODES.objectNode();
        token.put("type", "token");
        token.put("address", address("pool"));
        token.put("symbol", "UNI-V2");
        token.put("name", "Uniswap V2");
        token.put("decimals", 18);
        token.put("total_supply", new BigInteger("1000000000000000000000"));
        token.put("block_number", BLOCK);
        token.put("block_timestamp", 1_683_029_999L);
        token.put("block_hash", BLOCK_HASH);
        token.put("item_id", "token_" + BLOCK + "_" + address("pool"));
        token.put("item_timestamp", "2023-05-02T12:19:59Z");
        return token;
    }

    static ObjectNode marketTick() {
        final ObjectNode tick = NODES.objectNode();
        tick.put("type", "market_tick");
        tick.put("exchange", "binance");
        tick.put("symbol", "ETH-USDT");
        tick.put("price", "1843.25");
        tick.put("quantity", "0.0500");
        tick.put("side", "buy");
        tick.put("trade_id", "3105287755");
        tick.put("timestamp", 1_683_029_999_123L);
        tick.put("item_id", "market_tick_binance_ETH-USDT_3105287755");
        return tick;
    }
}
