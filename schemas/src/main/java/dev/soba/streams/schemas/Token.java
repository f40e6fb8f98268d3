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
 * An ERC-20/ERC-721 token's metadata, as ethereum-etl streams it to {@code tokens}. Only
 * {@code address} is required: {@code symbol}, {@code name}, {@code decimals} and
 * {@code total_supply} are whatever the contract answered, and null when it did not.
 */
public record Token(
        String address,
        String symbol,
        String name,
        Long decimals,
        BigInteger totalSupply,
        Long blockNumber,
        Long blockTimestamp,
        String blockHash,
        String itemId,
        String itemTimestamp,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) implements EthItem {

    static final Set<String> FIELDS = JsonNames.of(Token.class);

    public Token {
        unknownFields = UnknownFields.copyOf(unknownFields);
    }

    @Override
    public ItemType itemType() {
        return ItemType.TOKEN;
    }

    /** {@code item_id}, else ethereum-etl's {@code token_<block>_<address>}, else {@code token_<address>}. */
    @Override
    public String identity() {
        if (itemId != null) {
            return itemId;
        }
        return blockNumber != null ? "token_" + blockNumber + "_" + address : "token_" + address;
    }

    @Override
    public OptionalLong blockNumberIfKnown() {
        return blockNumber == null ? OptionalLong.empty() : OptionalLong.of(blockNumber);
    }

    @Override
    public Optional<String> blockHashIfKnown() {
        return Optional.ofNullable(blockHash);
    }

    static Token read(final FieldReader in) {
        final String address = in.address("address", Need.REQUIRED);
        final String symbol = in.string("symbol", Need.OPTIONAL);
        final String name = in.string("name", Need.OPTIONAL);
        final Long decimals = in.counter("decimals", Need.OPTIONAL);
        final BigInteger totalSupply = in.uint256("total_supply", Need.OPTIONAL);
        final Long blockNumber = in.counter("block_number", Need.OPTIONAL);
        final Long blockTimestamp = in.counter("block_timestamp", Need.OPTIONAL);
        final String blockHash = BlockRef.hashWithNumber(in, blockNumber);
        final String itemId = in.itemId(blockNumber == null || address == null
                ? null : "token_" + blockNumber + "_" + address);
        final String itemTimestamp = in.isoUtc("item_timestamp", Need.OPTIONAL);
        return new Token(address, symbol, name, decimals, totalSupply, blockNumber, blockTimestamp, blockHash, itemId,
                itemTimestamp, in.unknownFields(FIELDS));
    }
}
