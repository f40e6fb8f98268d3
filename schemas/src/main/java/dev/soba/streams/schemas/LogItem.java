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
 * An event log, as ethereum-etl streams it to {@code logs} (named {@code LogItem} so it does not
 * clash with logging APIs). All fields but {@code block_timestamp}, {@code item_id} and
 * {@code item_timestamp} are required.
 *
 * @param data   the non-indexed event data, hex
 * @param topics up to four 32-byte topics; the first is the event signature unless anonymous
 */
public record LogItem(
        Long logIndex,
        String transactionHash,
        Long transactionIndex,
        String address,
        String data,
        List<String> topics,
        Long blockNumber,
        Long blockTimestamp,
        String blockHash,
        String itemId,
        String itemTimestamp,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) implements EthItem {

    static final Set<String> FIELDS = JsonNames.of(LogItem.class);

    /** LOG0…LOG4: the EVM cannot emit more. */
    static final int MAX_TOPICS = 4;

    public LogItem {
        topics = topics == null ? null : List.copyOf(topics);
        unknownFields = UnknownFields.copyOf(unknownFields);
    }

    @Override
    public ItemType itemType() {
        return ItemType.LOG;
    }

    @Override
    public String identity() {
        return itemId != null ? itemId : "log_" + transactionHash + "_" + logIndex;
    }

    @Override
    public OptionalLong blockNumberIfKnown() {
        return blockNumber == null ? OptionalLong.empty() : OptionalLong.of(blockNumber);
    }

    @Override
    public Optional<String> blockHashIfKnown() {
        return Optional.ofNullable(blockHash);
    }

    static LogItem read(final FieldReader in) {
        final Long logIndex = in.counter("log_index", Need.REQUIRED);
        final String transactionHash = in.hash("transaction_hash", Need.REQUIRED);
        final Long transactionIndex = in.counter("transaction_index", Need.REQUIRED);
        final String address = in.address("address", Need.REQUIRED);
        final String data = in.hexData("data", Need.REQUIRED);
        final List<String> topics = in.fixedHexList("topics", Need.REQUIRED, 32, MAX_TOPICS);
        final Long blockNumber = in.counter("block_number", Need.REQUIRED);
        final Long blockTimestamp = in.counter("block_timestamp", Need.OPTIONAL);
        final String blockHash = in.hash("block_hash", Need.REQUIRED);
        final String itemId = in.itemId(transactionHash == null || logIndex == null
                ? null : "log_" + transactionHash + "_" + logIndex);
        final String itemTimestamp = in.isoUtc("item_timestamp", Need.OPTIONAL);
        return new LogItem(logIndex, transactionHash, transactionIndex, address, data, topics, blockNumber,
                blockTimestamp, blockHash, itemId, itemTimestamp, in.unknownFields(FIELDS));
    }
}
