package dev.soba.streams.schemas;

import static dev.soba.streams.schemas.Outcomes.rejectedOnly;
import static dev.soba.streams.schemas.Outcomes.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Keys;

/**
 * Every field rule of the contracts, each with a case that passes and a case that fails, built by
 * mutating a valid generated sample.
 */
class ItemParserRulesTest {

    private static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger TWO_POW_63 = BigInteger.ONE.shiftLeft(63);

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void brokenRuleIsReportedWithFieldAndReason(final String name, final Supplier<ObjectNode> sample,
            final Consumer<ObjectNode> mutation, final String field, final String reason) {
        final ObjectNode tree = sample.get();
        mutation.accept(tree);
        rejectedOnly(tree, field, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void edgeThatKeepsTheRuleIsAccepted(final String name, final Supplier<ObjectNode> sample,
            final Consumer<ObjectNode> mutation) {
        final ObjectNode tree = sample.get();
        mutation.accept(tree);
        assertThat(valid(tree)).isNotNull();
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                // ---- hashes: 0x + 64 hex digits
                reject("hash with a non-hex digit", Samples::block, t -> t.put("hash", "0x" + "z".repeat(64)),
                        "hash", "found non-hex character 'z' at position 2"),
                reject("hash without 0x", Samples::transaction, t -> t.put("hash", Samples.TX_HASH.substring(2)),
                        "hash", "must start with 0x"),
                reject("hash of 31 bytes", Samples::log,
                        t -> t.put("transaction_hash", Samples.TX_HASH.substring(0, 64)),
                        "transaction_hash", "must be 0x followed by 64 hex digits (32 bytes), got 62"),
                reject("hash as a number", Samples::block, t -> t.put("parent_hash", 5),
                        "parent_hash", "expected a string, got integer"),
                reject("hash with 0X prefix", Samples::tokenTransfer,
                        t -> t.put("block_hash", "0X" + Samples.BLOCK_HASH.substring(2)),
                        "block_hash", "must start with 0x"),
                // ---- addresses: 0x + 40 hex digits, EIP-55 when mixed case
                reject("address of 19 bytes", Samples::transaction,
                        t -> t.put("from_address", Samples.address("sender").substring(0, 40)),
                        "from_address", "must be 0x followed by 40 hex digits (20 bytes), got 38"),
                reject("address with a broken EIP-55 checksum", Samples::tokenTransfer,
                        t -> t.put("token_address", breakChecksum(Keys.toChecksumAddress(Samples.address("weth")))),
                        "token_address", "mixed-case address fails its EIP-55 checksum (expected "
                                + Keys.toChecksumAddress(Samples.address("weth"))),
                reject("address with a non-hex digit", Samples::block, t -> t.put("miner", "0x" + "q".repeat(40)),
                        "miner", "found non-hex character 'q'"),
                reject("address as a boolean", Samples::contract, t -> t.put("address", true),
                        "address", "expected a string, got boolean"),
                // ---- hex data: 0x + even number of hex digits, fixed sizes where the protocol fixes them
                reject("input with an odd number of digits", Samples::transaction, t -> t.put("input", "0x123"),
                        "input", "must be 0x followed by an even number of hex digits, got 3"),
                reject("data with a non-hex digit", Samples::log, t -> t.put("data", "0x12zz"),
                        "data", "found non-hex character 'z' at position 4"),
                reject("bytecode without 0x", Samples::contract, t -> t.put("bytecode", "6060"),
                        "bytecode", "must start with 0x"),
                reject("extra_data odd", Samples::block, t -> t.put("extra_data", "0x0"),
                        "extra_data", "even number of hex digits"),
                reject("logs_bloom of 255 bytes", Samples::block, t -> t.put("logs_bloom", "0x" + "00".repeat(255)),
                        "logs_bloom", "must be 0x followed by 512 hex digits (256 bytes), got 510"),
                reject("block nonce of 9 bytes", Samples::block, t -> t.put("nonce", "0x" + "00".repeat(9)),
                        "nonce", "must be 0x followed by 16 hex digits (8 bytes), got 18"),
                reject("function sighash of 3 bytes", Samples::contract,
                        t -> ((ArrayNode) t.get("function_sighashes")).set(1, t.textNode("0xa9059c")),
                        "function_sighashes[1]", "must be 0x followed by 8 hex digits (4 bytes), got 6"),
                // ---- uint256 quantities
                reject("negative value", Samples::transaction, t -> t.put("value", -1),
                        "value", "must not be negative, got -1"),
                reject("negative value as a string", Samples::tokenTransfer, t -> t.put("value", "-5"),
                        "value", "must not be negative, got -5"),
                reject("value of 2^256", Samples::tokenTransfer, t -> t.put("value", TWO_POW_256),
                        "value", "must be less than 2^256 (uint256)"),
                reject("value of 2^256 as a string", Samples::transaction, t -> t.put("value", TWO_POW_256.toString()),
                        "value", "must be less than 2^256 (uint256)"),
                reject("value of 79 digits", Samples::transaction, t -> t.put("value", "1".repeat(79)),
                        "value", "must be less than 2^256 (uint256)"),
                reject("value as a word", Samples::transaction, t -> t.put("value", "lots"),
                        "value", "expected an integer, got string that is not a decimal integer: 'lots'"),
                reject("value as hex quantity", Samples::transaction, t -> t.put("value", "0x10"),
                        "value", "not a decimal integer"),
                reject("value with leading zeros", Samples::transaction, t -> t.put("value", "007"),
                        "value", "not a decimal integer"),
                reject("value as a fraction", Samples::transaction, t -> t.put("gas_price", 1.5),
                        "gas_price", "expected an integer, got a fractional number 1.5"),
                reject("value as a boolean", Samples::token, t -> t.put("total_supply", false),
                        "total_supply", "expected an integer, got boolean"),
                reject("negative difficulty", Samples::block, t -> t.put("difficulty", -7),
                        "difficulty", "must not be negative"),
                reject("negative base fee", Samples::block, t -> t.put("base_fee_per_gas", -1),
                        "base_fee_per_gas", "must not be negative"),
                reject("max fee of 2^256", Samples::transaction, t -> t.put("max_fee_per_gas", TWO_POW_256),
                        "max_fee_per_gas", "must be less than 2^256"),
                // ---- uint64: transaction nonce, withdrawal amount
                reject("nonce of 2^64", Samples::transaction, t -> t.put("nonce", TWO_POW_64),
                        "nonce", "must be less than 2^64 (uint64)"),
                reject("negative nonce", Samples::transaction, t -> t.put("nonce", -1),
                        "nonce", "must not be negative"),
                reject("withdrawal amount of 2^64", Samples::block,
                        t -> ((ObjectNode) t.get("withdrawals").get(1)).put("amount", TWO_POW_64),
                        "withdrawals[1].amount", "must be less than 2^64"),
                // ---- counters: numbers, indexes, gas, sizes, timestamps
                reject("block number as a string", Samples::block, t -> t.put("number", "17173049"),
                        "number", "expected an integer, got string"),
                reject("negative log index", Samples::log, t -> t.put("log_index", -1),
                        "log_index", "must not be negative, got -1"),
                reject("negative transaction index", Samples::transaction, t -> t.put("transaction_index", -3),
                        "transaction_index", "must not be negative, got -3"),
                reject("counter of 2^63", Samples::block, t -> t.put("gas_limit", TWO_POW_63),
                        "gas_limit", "must be less than 2^63"),
                reject("counter as a fraction", Samples::block, t -> t.put("timestamp", 1.5e9),
                        "timestamp", "expected an integer, got a fractional number"),
                reject("counter as an object", Samples::tokenTransfer, t -> t.putObject("log_index"),
                        "log_index", "expected an integer, got object"),
                reject("decimals as a string", Samples::token, t -> t.put("decimals", "18"),
                        "decimals", "expected an integer, got string"),
                reject("negative trace address entry", Samples::callTrace,
                        t -> ((ArrayNode) t.get("trace_address")).set(1, t.numberNode(-2)),
                        "trace_address[1]", "must not be negative, got -2"),
                // ---- log topics
                reject("five topics", Samples::log, t -> ((ArrayNode) t.get("topics")).add(Samples.hash("a")).add(Samples.hash("b")),
                        "topics", "must have at most 4 entries, got 5"),
                reject("a topic of 20 bytes", Samples::log,
                        t -> ((ArrayNode) t.get("topics")).set(2, t.textNode(Samples.address("to"))),
                        "topics[2]", "must be 0x followed by 64 hex digits (32 bytes), got 40"),
                reject("topics as a string", Samples::log, t -> t.put("topics", Samples.TRANSFER_TOPIC),
                        "topics", "expected an array, got string"),
                // ---- item_id consistent with the content
                reject("block item_id of another hash", Samples::block, t -> t.put("item_id", "block_" + Samples.TX_HASH),
                        "item_id", "does not match the item's content: expected 'block_" + Samples.BLOCK_HASH),
                reject("transaction item_id of another hash", Samples::transaction,
                        t -> t.put("item_id", "transaction_" + Samples.BLOCK_HASH), "item_id", "does not match"),
                reject("log item_id of another index", Samples::log, t -> t.put("item_id", "log_" + Samples.TX_HASH + "_4"),
                        "item_id", "expected 'log_" + Samples.TX_HASH + "_3'"),
                reject("token transfer item_id of a log", Samples::tokenTransfer,
                        t -> t.put("item_id", "log_" + Samples.TX_HASH + "_3"), "item_id", "does not match"),
                reject("trace item_id not from its trace_id", Samples::callTrace,
                        t -> t.put("item_id", "trace_call_" + Samples.TX_HASH + "_0"), "item_id", "does not match"),
                reject("contract item_id of another block", Samples::contract,
                        t -> t.put("item_id", "contract_1_" + Samples.address("pool")), "item_id", "does not match"),
                reject("token item_id of another address", Samples::token,
                        t -> t.put("item_id", "token_" + Samples.BLOCK + "_" + Samples.address("x")), "item_id", "does not match"),
                reject("tick item_id of another trade", Samples::marketTick,
                        t -> t.put("item_id", "market_tick_binance_ETH-USDT_1"), "item_id", "does not match"),
                reject("empty item_id", Samples::log, t -> t.put("item_id", ""), "item_id", "must not be empty"),
                // ---- item_timestamp: ISO-8601 UTC
                reject("item_timestamp with a space", Samples::log, t -> t.put("item_timestamp", "2023-05-02 12:19:59"),
                        "item_timestamp", "must be an ISO-8601 UTC timestamp like 2023-05-02T12:19:59Z"),
                reject("item_timestamp with an offset", Samples::log,
                        t -> t.put("item_timestamp", "2023-05-02T14:19:59+02:00"), "item_timestamp", "ISO-8601 UTC"),
                reject("item_timestamp of 30 February", Samples::block, t -> t.put("item_timestamp", "2023-02-30T00:00:00Z"),
                        "item_timestamp", "ISO-8601 UTC"),
                reject("item_timestamp as epoch seconds", Samples::block, t -> t.put("item_timestamp", 1_683_029_999L),
                        "item_timestamp", "expected a string, got integer"),
                // ---- block rules
                reject("gas_used above gas_limit", Samples::block, t -> t.put("gas_used", 30_000_001),
                        "gas_used", "must not exceed gas_limit (30000000), got 30000001"),
                reject("withdrawal address broken", Samples::block,
                        t -> ((ObjectNode) t.get("withdrawals").get(1)).put("address", "0x12"),
                        "withdrawals[1].address", "40 hex digits"),
                reject("withdrawal not an object", Samples::block, t -> ((ArrayNode) t.get("withdrawals")).set(0, t.numberNode(1)),
                        "withdrawals[0]", "expected an object, got integer"),
                reject("withdrawal without validator index", Samples::block,
                        t -> ((ObjectNode) t.get("withdrawals").get(0)).remove("validator_index"),
                        "withdrawals[0].validator_index", "is required"),
                // ---- transaction rules
                reject("receipt status 2", Samples::transaction, t -> t.put("receipt_status", 2),
                        "receipt_status", "must be 0 (failure) or 1 (success), got 2"),
                reject("transaction type 128", Samples::transaction, t -> t.put("transaction_type", 128),
                        "transaction_type", "must be at most 127 (EIP-2718 type byte), got 128"),
                // ---- traces
                reject("unknown trace type", Samples::callTrace, t -> t.put("trace_type", "jump"),
                        "trace_type", "must be one of call, create, suicide, reward, genesis, daofork, got 'jump'"),
                reject("trace status 3", Samples::callTrace, t -> t.put("status", 3),
                        "status", "must be 0 (failed) or 1 (succeeded), got 3"),
                reject("trace_id of another call", Samples::callTrace, t -> {
                    t.put("trace_id", "call_" + Samples.TX_HASH + "_0_1");
                    t.remove("item_id");
                }, "trace_id", "does not match the trace's content: expected 'call_" + Samples.TX_HASH + "_0_2'"),
                reject("reward trace_id of another block", Samples::rewardTrace, t -> {
                    t.put("trace_id", "reward_1_0");
                    t.remove("item_id");
                }, "trace_id", "a trace without transaction must have the id 'reward_" + Samples.BLOCK + "_<n>'"),
                reject("trace item_id not starting with trace_", Samples::rewardTrace, t -> {
                    t.remove("trace_id");
                    t.put("item_id", "reward_17173049_0");
                }, "item_id", "must start with 'trace_'"),
                reject("trace address as a string", Samples::callTrace, t -> t.put("trace_address", "0_2"),
                        "trace_address", "expected an array, got string"),
                // ---- contracts and tokens: a block hash needs its number
                reject("contract block_hash without block_number", Samples::contract, t -> {
                    t.remove("block_number");
                    t.remove("item_id");
                }, "block_hash", "given without block_number"),
                reject("token block_hash with null block_number", Samples::token, t -> {
                    t.putNull("block_number");
                    t.remove("item_id");
                }, "block_hash", "given without block_number"),
                reject("is_erc20 as a string", Samples::contract, t -> t.put("is_erc20", "yes"),
                        "is_erc20", "expected a boolean, got string"),
                reject("token symbol as a number", Samples::token, t -> t.put("symbol", 5),
                        "symbol", "expected a string, got integer"),
                // ---- market ticks
                reject("empty exchange", Samples::marketTick, t -> t.put("exchange", " "), "exchange", "must not be empty"),
                reject("lower-case symbol", Samples::marketTick, t -> {
                    t.put("symbol", "eth-usdt");
                    t.remove("item_id");
                }, "symbol", "must be BASE-QUOTE in upper-case letters and digits, e.g. ETH-USDT, got 'eth-usdt'"),
                reject("symbol without quote", Samples::marketTick, t -> {
                    t.put("symbol", "ETHUSDT");
                    t.remove("item_id");
                }, "symbol", "must be BASE-QUOTE"),
                reject("symbol with two dashes", Samples::marketTick, t -> {
                    t.put("symbol", "ETH-USDT-PERP");
                    t.remove("item_id");
                }, "symbol", "must be BASE-QUOTE"),
                reject("zero price", Samples::marketTick, t -> t.put("price", "0"), "price", "must be positive, got 0"),
                reject("negative price", Samples::marketTick, t -> t.put("price", -1843.25),
                        "price", "must be positive, got -1843.25"),
                reject("price in exponent notation", Samples::marketTick, t -> t.put("price", "1.8e3"),
                        "price", "expected a decimal number, got string that is not a plain decimal: '1.8e3'"),
                reject("price as a word", Samples::marketTick, t -> t.put("price", "cheap"), "price", "not a plain decimal"),
                reject("price as a boolean", Samples::marketTick, t -> t.put("price", true),
                        "price", "expected a decimal number or decimal string, got boolean"),
                reject("zero quantity", Samples::marketTick, t -> t.put("quantity", 0), "quantity", "must be positive"),
                reject("side in upper case", Samples::marketTick, t -> t.put("side", "BUY"),
                        "side", "must be 'buy' or 'sell', got 'BUY'"),
                reject("trade id as a number", Samples::marketTick, t -> t.put("trade_id", 3105287755L),
                        "trade_id", "expected a string, got integer"),
                reject("empty trade id", Samples::marketTick, t -> t.put("trade_id", ""), "trade_id", "must not be empty"),
                reject("timestamp in seconds", Samples::marketTick, t -> t.put("timestamp", 1_683_029_999L),
                        "timestamp", "must be epoch milliseconds; 1683029999 looks like epoch seconds"),
                reject("timestamp before 2009", Samples::marketTick, t -> t.put("timestamp", 1_230_767_999_999L),
                        "timestamp", "must be epoch milliseconds between 2009-01-01 and one day from now"),
                reject("timestamp two days ahead", Samples::marketTick,
                        t -> t.put("timestamp", System.currentTimeMillis() + 2 * 86_400_000L),
                        "timestamp", "between 2009-01-01 and one day from now"),
                reject("negative timestamp", Samples::marketTick, t -> t.put("timestamp", -1),
                        "timestamp", "must not be negative"));
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                accept("upper-case hash", Samples::block, t -> t.put("hash", Samples.BLOCK_HASH.toUpperCase(java.util.Locale.ROOT).replace("0X", "0x"))),
                accept("EIP-55 checksummed address", Samples::tokenTransfer,
                        t -> t.put("token_address", Keys.toChecksumAddress(Samples.address("weth")))),
                accept("all-upper-case address", Samples::transaction,
                        t -> t.put("from_address", "0x" + Samples.address("sender").substring(2).toUpperCase(java.util.Locale.ROOT))),
                accept("empty input", Samples::transaction, t -> t.put("input", "0x")),
                accept("upper-case data", Samples::log, t -> t.put("data", "0xABCDEF")),
                accept("value 2^256 - 1", Samples::tokenTransfer, t -> t.put("value", Samples.MAX_UINT256)),
                accept("value 2^256 - 1 as a string", Samples::transaction, t -> t.put("value", Samples.MAX_UINT256.toString())),
                accept("value 0 as a string", Samples::transaction, t -> t.put("value", "0")),
                accept("nonce 2^64 - 1", Samples::transaction, t -> t.put("nonce", TWO_POW_64.subtract(BigInteger.ONE))),
                accept("counter 2^63 - 1", Samples::block, t -> t.put("size", Long.MAX_VALUE)),
                accept("zero indexes", Samples::log, t -> t.put("log_index", 0).put("item_id", "log_" + Samples.TX_HASH + "_0")),
                accept("four topics", Samples::log, t -> ((ArrayNode) t.get("topics")).add(Samples.hash("d"))),
                accept("anonymous event without topics", Samples::log, t -> t.putArray("topics")),
                accept("item_id in another hex case", Samples::transaction,
                        t -> t.put("item_id", "transaction_0x" + Samples.TX_HASH.substring(2).toUpperCase(java.util.Locale.ROOT))),
                accept("no item_id", Samples::token, t -> t.remove("item_id")),
                accept("item_timestamp with millis", Samples::log, t -> t.put("item_timestamp", "2023-05-02T12:19:59.123Z")),
                accept("gas_used equal to gas_limit", Samples::block, t -> t.put("gas_used", 30_000_000)),
                accept("block without post-London fields", Samples::block, t -> {
                    t.remove("base_fee_per_gas");
                    t.remove("withdrawals");
                    t.remove("withdrawals_root");
                    t.putNull("total_difficulty");
                }),
                accept("contract creation", Samples::transaction, t -> {
                    t.putNull("to_address");
                    t.put("receipt_contract_address", Samples.address("created"));
                }),
                accept("pre-Byzantium receipt", Samples::transaction, t -> {
                    t.putNull("receipt_status");
                    t.put("receipt_root", Samples.hash("root"));
                }),
                accept("transaction type 127", Samples::transaction, t -> t.put("transaction_type", 127)),
                accept("failed call trace", Samples::callTrace, t -> t.put("status", 0).put("error", "Out of gas")),
                accept("trace without ids", Samples::callTrace, t -> {
                    t.remove("trace_id");
                    t.remove("item_id");
                }),
                accept("contract without block", Samples::contract, t -> {
                    t.remove("block_number");
                    t.remove("block_hash");
                    t.remove("block_timestamp");
                    t.remove("item_id");
                }),
                accept("token whose contract did not answer", Samples::token, t -> {
                    t.putNull("symbol");
                    t.putNull("name");
                    t.putNull("decimals");
                    t.putNull("total_supply");
                }),
                accept("price as a JSON number", Samples::marketTick, t -> t.put("price", 1843.25)),
                accept("integer price and quantity", Samples::marketTick, t -> t.put("price", 1843).put("quantity", "2")),
                accept("symbol with digits", Samples::marketTick, t -> {
                    t.put("symbol", "1INCH-USDT");
                    t.remove("item_id");
                }),
                accept("sell side", Samples::marketTick, t -> t.put("side", "sell")),
                accept("timestamp now", Samples::marketTick, t -> t.put("timestamp", System.currentTimeMillis())));
    }

    private static Arguments reject(final String name, final Supplier<ObjectNode> sample,
            final Consumer<ObjectNode> mutation, final String field, final String reason) {
        return Arguments.of(name, sample, mutation, field, reason);
    }

    private static Arguments accept(final String name, final Supplier<ObjectNode> sample,
            final Consumer<ObjectNode> mutation) {
        return Arguments.of(name, sample, mutation);
    }

    /** Flips the case of the first letter, which breaks any EIP-55 checksum. */
    static String breakChecksum(final String checksummed) {
        for (int i = 2; i < checksummed.length(); i++) {
            final char c = checksummed.charAt(i);
            if (Character.isLetter(c)) {
                final char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return checksummed.substring(0, i) + flipped + checksummed.substring(i + 1);
            }
        }
        throw new IllegalArgumentException("no letter in " + checksummed);
    }
}
