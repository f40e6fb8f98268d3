package dev.soba.streams.schemas;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.FieldReader.Need;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A block, as ethereum-etl streams it to the {@code blocks} topic.
 *
 * <p>Required: {@code number}, {@code hash}, {@code parent_hash} (chain linkage and re-org
 * detection), {@code timestamp}, {@code gas_limit}, {@code gas_used}. Everything else is optional
 * because older producers omit it ({@code base_fee_per_gas} and {@code withdrawals} before London
 * and Shanghai, {@code item_id} before the streaming exporter, {@code total_difficulty} after
 * nodes dropped it).
 *
 * @param nonce     8 bytes of hex (zero after the merge)
 * @param logsBloom 256 bytes of hex
 * @param miner     fee recipient, lower-case hex
 * @param timestamp seconds since the epoch
 */
public record Block(
        Long number,
        String hash,
        String parentHash,
        String nonce,
        String sha3Uncles,
        String logsBloom,
        String transactionsRoot,
        String stateRoot,
        String receiptsRoot,
        String miner,
        BigInteger difficulty,
        BigInteger totalDifficulty,
        Long size,
        String extraData,
        Long gasLimit,
        Long gasUsed,
        Long timestamp,
        Long transactionCount,
        BigInteger baseFeePerGas,
        String withdrawalsRoot,
        List<Withdrawal> withdrawals,
        String itemId,
        String itemTimestamp,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) implements EthItem {

    static final Set<String> FIELDS = JsonNames.of(Block.class);

    public Block {
        withdrawals = withdrawals == null ? null : List.copyOf(withdrawals);
        unknownFields = UnknownFields.copyOf(unknownFields);
    }

    @Override
    public ItemType itemType() {
        return ItemType.BLOCK;
    }

    @Override
    public String identity() {
        return itemId != null ? itemId : "block_" + hash;
    }

    @Override
    public OptionalLong blockNumberIfKnown() {
        return number == null ? OptionalLong.empty() : OptionalLong.of(number);
    }

    @Override
    public Optional<String> blockHashIfKnown() {
        return Optional.ofNullable(hash);
    }

    static Block read(final FieldReader in) {
        final Long number = in.counter("number", Need.REQUIRED);
        final String hash = in.hash("hash", Need.REQUIRED);
        final String parentHash = in.hash("parent_hash", Need.REQUIRED);
        final String nonce = in.fixedHex("nonce", Need.OPTIONAL, 8);
        final String sha3Uncles = in.hash("sha3_uncles", Need.OPTIONAL);
        final String logsBloom = in.fixedHex("logs_bloom", Need.OPTIONAL, 256);
        final String transactionsRoot = in.hash("transactions_root", Need.OPTIONAL);
        final String stateRoot = in.hash("state_root", Need.OPTIONAL);
        final String receiptsRoot = in.hash("receipts_root", Need.OPTIONAL);
        final String miner = in.address("miner", Need.OPTIONAL);
        final BigInteger difficulty = in.uint256("difficulty", Need.OPTIONAL);
        final BigInteger totalDifficulty = in.uint256("total_difficulty", Need.OPTIONAL);
        final Long size = in.counter("size", Need.OPTIONAL);
        final String extraData = in.hexData("extra_data", Need.OPTIONAL);
        final Long gasLimit = in.counter("gas_limit", Need.REQUIRED);
        final Long gasUsed = in.counter("gas_used", Need.REQUIRED);
        if (gasLimit != null && gasUsed != null && gasUsed > gasLimit) {
            in.violate("gas_used", "must not exceed gas_limit (" + gasLimit + "), got " + gasUsed);
        }
        final Long timestamp = in.counter("timestamp", Need.REQUIRED);
        final Long transactionCount = in.counter("transaction_count", Need.OPTIONAL);
        final BigInteger baseFeePerGas = in.uint256("base_fee_per_gas", Need.OPTIONAL);
        final String withdrawalsRoot = in.hash("withdrawals_root", Need.OPTIONAL);
        final List<Withdrawal> withdrawals = in.objectList("withdrawals", Need.OPTIONAL, Withdrawal::read);
        final String itemId = in.itemId(hash == null ? null : "block_" + hash);
        final String itemTimestamp = in.isoUtc("item_timestamp", Need.OPTIONAL);
        return new Block(number, hash, parentHash, nonce, sha3Uncles, logsBloom, transactionsRoot, stateRoot,
                receiptsRoot, miner, difficulty, totalDifficulty, size, extraData, gasLimit, gasUsed, timestamp,
                transactionCount, baseFeePerGas, withdrawalsRoot, withdrawals, itemId, itemTimestamp,
                in.unknownFields(FIELDS));
    }
}
