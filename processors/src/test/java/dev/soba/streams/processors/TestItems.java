package dev.soba.streams.processors;

import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.Validated;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Locale;

/** ethereum-etl stream items built by the tests, with well-formed hashes and addresses (shared with topology tests via the test-jar). */
public final class TestItems {

    private TestItems() {
    }

    public static String hash(final String seed) {
        return "0x" + String.format(Locale.ROOT, "%64s", Integer.toHexString(seed.hashCode() & 0x7fffffff) + hex(seed)).replace(' ', '0')
                .substring(0, 64);
    }

    public static String address(final String seed) {
        return "0x" + hash("address-" + seed).substring(2, 42);
    }

    private static String hex(final String s) {
        final StringBuilder out = new StringBuilder();
        for (final char c : s.toCharArray()) {
            out.append(String.format(Locale.ROOT, "%02x", (int) c & 0xff));
        }
        return out.toString();
    }

    public static String block(final long number, final String hash, final String parentHash, final int transactions) {
        return """
                {"type": "block", "number": %d, "hash": "%s", "parent_hash": "%s", "nonce": "0x0000000000000000",
                 "sha3_uncles": "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347",
                 "logs_bloom": "0x%s", "transactions_root": "%s", "state_root": "%s", "receipts_root": "%s",
                 "miner": "%s", "difficulty": 0, "total_difficulty": 58750003716598352816469, "size": 40573,
                 "extra_data": "0x", "gas_limit": 30000000, "gas_used": 21000, "timestamp": %d,
                 "transaction_count": %d, "base_fee_per_gas": 80869370967,
                 "item_id": "block_%s", "item_timestamp": "2023-05-02T12:19:59Z"}
                """.formatted(number, hash, parentHash, "0".repeat(512), hash("tr" + hash), hash("sr" + hash),
                hash("rr" + hash), address("miner"), 1683029999L + (number - 17173049L) * 12, transactions, hash);
    }

    public static String transaction(final String hash, final long blockNumber, final String blockHash, final int index,
                              final String from, final String to, final BigInteger value) {
        return """
                {"type": "transaction", "hash": "%s", "nonce": %d, "transaction_index": %d, "from_address": "%s",
                 "to_address": "%s", "value": %s, "gas": 21000, "gas_price": 80869370967, "input": "0x",
                 "block_timestamp": 1683029999, "block_number": %d, "block_hash": "%s",
                 "max_fee_per_gas": 80869370967, "max_priority_fee_per_gas": 0, "transaction_type": 2,
                 "receipt_cumulative_gas_used": 21000, "receipt_gas_used": 21000, "receipt_contract_address": null,
                 "receipt_root": null, "receipt_status": 1, "receipt_effective_gas_price": 80869370967,
                 "item_id": "transaction_%s", "item_timestamp": "2023-05-02T12:19:59Z"}
                """.formatted(hash, index, index, from, to, value, blockNumber, blockHash, hash);
    }

    /** Parses a test item with the production parser; fails the test if the builder made an invalid one. */
    public static <T extends Item> T parse(final String json, final Class<T> type) {
        final Validated<Item> parsed = ItemParser.parse(json.getBytes(StandardCharsets.UTF_8), Optional.empty());
        if (parsed instanceof Validated.Valid<Item> valid) {
            return type.cast(valid.value());
        }
        throw new AssertionError("test item is invalid: " + ((Validated.Invalid<Item>) parsed).violations() + "\n" + json);
    }
}
