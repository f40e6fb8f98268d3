package dev.soba.streams.schemas;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Any validated input item: one of the seven ethereum-etl types or a market tick.
 *
 * <p>The {@code type} field of the wire format is Jackson's type id, so every item is written
 * with it and {@link ItemSerde} can read any item back without re-validating it. Input from
 * producers is read by {@link ItemParser}, which checks the contract.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Block.class, name = "block"),
        @JsonSubTypes.Type(value = Transaction.class, name = "transaction"),
        @JsonSubTypes.Type(value = LogItem.class, name = "log"),
        @JsonSubTypes.Type(value = TokenTransfer.class, name = "token_transfer"),
        @JsonSubTypes.Type(value = Trace.class, name = "trace"),
        @JsonSubTypes.Type(value = Contract.class, name = "contract"),
        @JsonSubTypes.Type(value = Token.class, name = "token"),
        @JsonSubTypes.Type(value = MarketTick.class, name = "market_tick")
})
public sealed interface Item permits EthItem, MarketTick {

    ItemType itemType();

    /**
     * The item's identity: the producer's {@code item_id} when present, otherwise the id
     * ethereum-etl would have given it (e.g. {@code transaction_0xabc…}, {@code log_0xabc…_3}).
     */
    String identity();

    /** Fields this version of the contract does not know (e.g. newer blob fields), kept for re-publishing. */
    Map<String, JsonNode> unknownFields();
}
