package dev.soba.streams.schemas;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.FieldReader.Need;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A deployed contract, as ethereum-etl streams it to {@code contracts}. Required: {@code address}
 * and {@code bytecode}. Older producers give no block at all; a {@code block_hash} without
 * {@code block_number} is rejected.
 *
 * @param functionSighashes the 4-byte selectors found in the bytecode
 */
public record Contract(
        String address,
        String bytecode,
        List<String> functionSighashes,
        Boolean isErc20,
        Boolean isErc721,
        Long blockNumber,
        Long blockTimestamp,
        String blockHash,
        String itemId,
        String itemTimestamp,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) implements EthItem {

    static final Set<String> FIELDS = JsonNames.of(Contract.class);

    /** More selectors than this cannot come from real bytecode (24 KiB limit); guards memory. */
    private static final int MAX_SIGHASHES = 10_000;

    public Contract {
        functionSighashes = functionSighashes == null ? null : List.copyOf(functionSighashes);
        unknownFields = UnknownFields.copyOf(unknownFields);
    }

    @Override
    public ItemType itemType() {
        return ItemType.CONTRACT;
    }

    /** {@code item_id}, else ethereum-etl's {@code contract_<block>_<address>}, else {@code contract_<address>}. */
    @Override
    public String identity() {
        if (itemId != null) {
            return itemId;
        }
        return blockNumber != null ? "contract_" + blockNumber + "_" + address : "contract_" + address;
    }

    @Override
    public OptionalLong blockNumberIfKnown() {
        return blockNumber == null ? OptionalLong.empty() : OptionalLong.of(blockNumber);
    }

    @Override
    public Optional<String> blockHashIfKnown() {
        return Optional.ofNullable(blockHash);
    }

    static Contract read(final FieldReader in) {
        final String address = in.address("address", Need.REQUIRED);
        final String bytecode = in.hexData("bytecode", Need.REQUIRED);
        final List<String> functionSighashes = in.fixedHexList("function_sighashes", Need.OPTIONAL, 4, MAX_SIGHASHES);
        final Boolean isErc20 = in.bool("is_erc20", Need.OPTIONAL);
        final Boolean isErc721 = in.bool("is_erc721", Need.OPTIONAL);
        final Long blockNumber = in.counter("block_number", Need.OPTIONAL);
        final Long blockTimestamp = in.counter("block_timestamp", Need.OPTIONAL);
        final String blockHash = BlockRef.hashWithNumber(in, blockNumber);
        final String itemId = in.itemId(blockNumber == null || address == null
                ? null : "contract_" + blockNumber + "_" + address);
        final String itemTimestamp = in.isoUtc("item_timestamp", Need.OPTIONAL);
        return new Contract(address, bytecode, functionSighashes, isErc20, isErc721, blockNumber, blockTimestamp,
                blockHash, itemId, itemTimestamp, in.unknownFields(FIELDS));
    }
}
