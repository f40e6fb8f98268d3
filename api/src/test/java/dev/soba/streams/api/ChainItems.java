package dev.soba.streams.api;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** ethereum-etl stream items the API tests build, unique per call so tests never collide. */
public final class ChainItems {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() & 0xffffffL);

    private ChainItems() {
    }

    public static String hash(final String label) {
        final long n = SEQUENCE.incrementAndGet();
        final String hex = String.format(Locale.ROOT, "%016x", n) + String.format(Locale.ROOT, "%08x", label.hashCode());
        return "0x" + (hex + "0".repeat(64)).substring(0, 64);
    }

    public static String address(final String label) {
        return "0x" + hash(label).substring(2, 42);
    }

    public static long blockNumber() {
        return 20_000_000L + SEQUENCE.incrementAndGet() % 1_000_000L;
    }

    public static String block(final long number, final String hash, final String parentHash) {
        return """
                {"type": "block", "number": %d, "hash": "%s", "parent_hash": "%s", "nonce": "0x0000000000000000",
                 "sha3_uncles": "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347",
                 "logs_bloom": "0x%s", "transactions_root": "%s", "state_root": "%s", "receipts_root": "%s",
                 "miner": "0x1f9090aae28b8a3dceadf281b0f12828e676c326", "difficulty": 0,
                 "total_difficulty": 58750003716598352816469, "size": 40573, "extra_data": "0x",
                 "gas_limit": 30000000, "gas_used": 42000, "timestamp": 1683029999, "transaction_count": 2,
                 "base_fee_per_gas": 80869370967, "blob_gas_used": 131072, "excess_blob_gas": 0}
                """.formatted(number, hash, parentHash, "0".repeat(512), hash("t"), hash("s"), hash("r"));
    }

    public static String transaction(final String hash, final long blockNumber, final String blockHash, final int index,
                                     final String from, final String to, final String value) {
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
}
