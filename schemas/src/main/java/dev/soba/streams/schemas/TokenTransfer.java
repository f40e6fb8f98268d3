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
 * An ERC-20/ERC-721 {@code Transfer} event decoded by ethereum-etl ({@code token_transfers}).
 * All fields but {@code block_timestamp}, {@code item_id} and {@code item_timestamp} are required.
 *
 * @param value raw token units (no decimals applied) or the ERC-721 token id
 */
public record TokenTransfer(
        String tokenAddress,
        String fromAddress,
        String toAddress,
        BigInteger value,
        String transactionHash,
        Long logIndex,
        Long blockNumber,
        Long blockTimestamp,
        String blockHash,
        String itemId,
        String itemTimestamp,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) implements EthItem {

    static final Set<String> FIELDS = JsonNames.of(TokenTransfer.class);

    public TokenTransfer {
        unknownFields = UnknownFields.copyOf(unknownFields);
    }

    @Override
    public ItemType itemType() {
        return ItemType.TOKEN_TRANSFER;
    }

    @Override
    public String identity() {
        return itemId != null ? itemId : "token_transfer_" + transactionHash + "_" + logIndex;
    }

    @Override
    public OptionalLong blockNumberIfKnown() {
        return blockNumber == null ? OptionalLong.empty() : OptionalLong.of(blockNumber);
    }

    @Override
    public Optional<String> blockHashIfKnown() {
        return Optional.ofNullable(blockHash);
    }

    static TokenTransfer read(final FieldReader in) {
        final String tokenAddress = in.address("token_address", Need.REQUIRED);
        final String fromAddress = in.address("from_address", Need.REQUIRED);
        final String toAddress = in.address("to_address", Need.REQUIRED);
        final BigInteger value = in.uint256("value", Need.REQUIRED);
        final String transactionHash = in.hash("transaction_hash", Need.REQUIRED);
        final Long logIndex = in.counter("log_index", Need.REQUIRED);
        final Long blockNumber = in.counter("block_number", Need.REQUIRED);
        final Long blockTimestamp = in.counter("block_timestamp", Need.OPTIONAL);
        final String blockHash = in.hash("block_hash", Need.REQUIRED);
        final String itemId = in.itemId(transactionHash == null || logIndex == null
                ? null : "token_transfer_" + transactionHash + "_" + logIndex);
        final String itemTimestamp = in.isoUtc("item_timestamp", Need.OPTIONAL);
        return new TokenTransfer(tokenAddress, fromAddress, toAddress, value, transactionHash, logIndex, blockNumber,
                blockTimestamp, blockHash, itemId, itemTimestamp, in.unknownFields(FIELDS));
    }
}
