package dev.soba.streams.schemas;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.FieldReader.Need;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A mined transaction joined with its receipt, as ethereum-etl streams it to {@code transactions}.
 *
 * <p>Required: {@code hash}, {@code nonce}, {@code transaction_index}, {@code from_address},
 * {@code value}, {@code gas}, {@code input}, {@code block_number}, {@code block_hash}. The fee
 * fields of EIP-1559, {@code transaction_type}, the receipt fields and {@code item_id} are missing
 * from older producers. Blob (EIP-4844) and L2 receipt fields ({@code receipt_l1_*}) are not part
 * of this contract version; they travel in {@link #unknownFields()}.
 *
 * @param toAddress              null for a contract creation
 * @param receiptContractAddress the created contract, for a contract creation
 * @param receiptRoot            pre-Byzantium receipts carry a state root instead of a status
 * @param receiptStatus          1 success, 0 failure (Byzantium and later)
 */
public record Transaction(
        String hash,
        BigInteger nonce,
        Long transactionIndex,
        String fromAddress,
        String toAddress,
        BigInteger value,
        Long gas,
        BigInteger gasPrice,
        String input,
        Long blockTimestamp,
        Long blockNumber,
        String blockHash,
        BigInteger maxFeePerGas,
        BigInteger maxPriorityFeePerGas,
        Long transactionType,
        Long receiptCumulativeGasUsed,
        Long receiptGasUsed,
        String receiptContractAddress,
        String receiptRoot,
        Long receiptStatus,
        BigInteger receiptEffectiveGasPrice,
        String itemId,
        String itemTimestamp,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) implements EthItem {

    static final Set<String> FIELDS = JsonNames.of(Transaction.class);

    /** EIP-2718 reserves type bytes 0x00–0x7f for transaction types. */
    private static final long MAX_TRANSACTION_TYPE = 0x7f;

    public Transaction {
        unknownFields = UnknownFields.copyOf(unknownFields);
    }

    @Override
    public ItemType itemType() {
        return ItemType.TRANSACTION;
    }

    @Override
    public String identity() {
        return itemId != null ? itemId : "transaction_" + hash;
    }

    @Override
    public OptionalLong blockNumberIfKnown() {
        return blockNumber == null ? OptionalLong.empty() : OptionalLong.of(blockNumber);
    }

    @Override
    public Optional<String> blockHashIfKnown() {
        return Optional.ofNullable(blockHash);
    }

    static Transaction read(final FieldReader in) {
        final String hash = in.hash("hash", Need.REQUIRED);
        final BigInteger nonce = in.uint64("nonce", Need.REQUIRED);
        final Long transactionIndex = in.counter("transaction_index", Need.REQUIRED);
        final String fromAddress = in.address("from_address", Need.REQUIRED);
        final String toAddress = in.address("to_address", Need.OPTIONAL);
        final BigInteger value = in.uint256("value", Need.REQUIRED);
        final Long gas = in.counter("gas", Need.REQUIRED);
        final BigInteger gasPrice = in.uint256("gas_price", Need.OPTIONAL);
        final String input = in.hexData("input", Need.REQUIRED);
        final Long blockTimestamp = in.counter("block_timestamp", Need.OPTIONAL);
        final Long blockNumber = in.counter("block_number", Need.REQUIRED);
        final String blockHash = in.hash("block_hash", Need.REQUIRED);
        final BigInteger maxFeePerGas = in.uint256("max_fee_per_gas", Need.OPTIONAL);
        final BigInteger maxPriorityFeePerGas = in.uint256("max_priority_fee_per_gas", Need.OPTIONAL);
        final Long transactionType = in.counter("transaction_type", Need.OPTIONAL);
        if (transactionType != null && transactionType > MAX_TRANSACTION_TYPE) {
            in.violate("transaction_type", "must be at most 127 (EIP-2718 type byte), got " + transactionType);
        }
        final Long receiptCumulativeGasUsed = in.counter("receipt_cumulative_gas_used", Need.OPTIONAL);
        final Long receiptGasUsed = in.counter("receipt_gas_used", Need.OPTIONAL);
        final String receiptContractAddress = in.address("receipt_contract_address", Need.OPTIONAL);
        final String receiptRoot = in.hash("receipt_root", Need.OPTIONAL);
        final Long receiptStatus = in.counter("receipt_status", Need.OPTIONAL);
        if (receiptStatus != null && receiptStatus > 1) {
            in.violate("receipt_status", "must be 0 (failure) or 1 (success), got " + receiptStatus);
        }
        final BigInteger receiptEffectiveGasPrice = in.uint256("receipt_effective_gas_price", Need.OPTIONAL);
        final String itemId = in.itemId(hash == null ? null : "transaction_" + hash);
        final String itemTimestamp = in.isoUtc("item_timestamp", Need.OPTIONAL);
        return new Transaction(hash, nonce, transactionIndex, fromAddress, toAddress, value, gas, gasPrice, input,
                blockTimestamp, blockNumber, blockHash, maxFeePerGas, maxPriorityFeePerGas, transactionType,
                receiptCumulativeGasUsed, receiptGasUsed, receiptContractAddress, receiptRoot, receiptStatus,
                receiptEffectiveGasPrice, itemId, itemTimestamp, in.unknownFields(FIELDS));
    }
}
