package dev.soba.streams.ingest.etl;

import static dev.soba.streams.ingest.etl.NodeJson.address;
import static dev.soba.streams.ingest.etl.NodeJson.hex;
import static dev.soba.streams.ingest.etl.NodeJson.put;
import static dev.soba.streams.ingest.etl.NodeJson.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * ethereum-etl's block and transaction mappers ({@code block_mapper.py}, {@code transaction_mapper.py}
 * and the transaction half of {@code enrich_transactions}): {@code eth_getBlockByNumber(n, true)} and
 * the block's receipts to the {@code block} and {@code transaction} items, field for field and in the
 * same order. Fields the mappers do not read (blob gas, {@code mixHash}, …) are not written, as
 * ethereum-etl does not write them either.
 */
public final class EtlBlocks {

    private EtlBlocks() {
    }

    /** The {@code block} item, without {@code item_id}/{@code item_timestamp} (added when the batch is stamped). */
    public static ObjectNode block(final JsonNode block) {
        final ObjectNode item = NodeJson.object();
        item.put("type", "block");
        put(item, "number", quantity(block, "number"));
        put(item, "hash", hex(block, "hash"));
        put(item, "parent_hash", hex(block, "parentHash"));
        put(item, "nonce", hex(block, "nonce"));
        put(item, "sha3_uncles", hex(block, "sha3Uncles"));
        put(item, "logs_bloom", hex(block, "logsBloom"));
        put(item, "transactions_root", hex(block, "transactionsRoot"));
        put(item, "state_root", hex(block, "stateRoot"));
        put(item, "receipts_root", hex(block, "receiptsRoot"));
        put(item, "miner", address(block, "miner"));
        put(item, "difficulty", quantity(block, "difficulty"));
        put(item, "total_difficulty", quantity(block, "totalDifficulty"));
        put(item, "size", quantity(block, "size"));
        put(item, "extra_data", hex(block, "extraData"));
        put(item, "gas_limit", quantity(block, "gasLimit"));
        put(item, "gas_used", quantity(block, "gasUsed"));
        put(item, "timestamp", quantity(block, "timestamp"));
        final JsonNode transactions = block.get("transactions");
        put(item, "transaction_count", transactions == null ? null : BigInteger.valueOf(transactions.size()));
        put(item, "base_fee_per_gas", quantity(block, "baseFeePerGas"));
        put(item, "withdrawals_root", hex(block, "withdrawalsRoot"));
        final JsonNode withdrawals = block.get("withdrawals");
        if (withdrawals == null || withdrawals.isNull()) {
            item.putNull("withdrawals");
        } else {
            final ArrayNode list = item.putArray("withdrawals");
            for (final JsonNode withdrawal : withdrawals) {
                final ObjectNode entry = list.addObject();
                put(entry, "index", NodeJson.requiredQuantity(withdrawal, "index"));
                put(entry, "validator_index", NodeJson.requiredQuantity(withdrawal, "validatorIndex"));
                put(entry, "address", address(withdrawal, "address"));
                put(entry, "amount", NodeJson.requiredQuantity(withdrawal, "amount"));
            }
        }
        return item;
    }

    /**
     * A {@code transaction} item: the transaction as the block lists it, joined with its receipt
     * ({@code enrich_transactions}), without {@code item_id}/{@code item_timestamp}.
     *
     * @param blockTimestamp the block's timestamp (ethereum-etl passes it down from the block)
     */
    public static ObjectNode transaction(final JsonNode transaction, final BigInteger blockTimestamp,
            final EtlReceipts.Receipt receipt) {
        final ObjectNode item = NodeJson.object();
        item.put("type", "transaction");
        put(item, "hash", hex(transaction, "hash"));
        put(item, "nonce", quantity(transaction, "nonce"));
        put(item, "transaction_index", quantity(transaction, "transactionIndex"));
        put(item, "from_address", address(transaction, "from"));
        put(item, "to_address", address(transaction, "to"));
        put(item, "value", quantity(transaction, "value"));
        put(item, "gas", quantity(transaction, "gas"));
        put(item, "gas_price", quantity(transaction, "gasPrice"));
        put(item, "input", hex(transaction, "input"));
        put(item, "block_timestamp", blockTimestamp);
        put(item, "block_number", quantity(transaction, "blockNumber"));
        put(item, "block_hash", hex(transaction, "blockHash"));
        put(item, "max_fee_per_gas", quantity(transaction, "maxFeePerGas"));
        put(item, "max_priority_fee_per_gas", quantity(transaction, "maxPriorityFeePerGas"));
        put(item, "transaction_type", quantity(transaction, "type"));
        put(item, "receipt_cumulative_gas_used", receipt.cumulativeGasUsed());
        put(item, "receipt_gas_used", receipt.gasUsed());
        put(item, "receipt_contract_address", receipt.contractAddress());
        put(item, "receipt_root", receipt.root());
        put(item, "receipt_status", receipt.status());
        put(item, "receipt_effective_gas_price", receipt.effectiveGasPrice());
        put(item, "receipt_l1_fee", receipt.l1Fee());
        put(item, "receipt_l1_gas_used", receipt.l1GasUsed());
        put(item, "receipt_l1_gas_price", receipt.l1GasPrice());
        item.set("receipt_l1_fee_scalar", receipt.l1FeeScalar());
        return item;
    }
}
