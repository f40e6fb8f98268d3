package dev.soba.streams.schemas;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of input item, with the {@code type} value ethereum-etl writes and the topic it
 * writes them to (before any per-chain prefix).
 */
public enum ItemType {
    BLOCK("block", "blocks"),
    TRANSACTION("transaction", "transactions"),
    LOG("log", "logs"),
    TOKEN_TRANSFER("token_transfer", "token_transfers"),
    TRACE("trace", "traces"),
    CONTRACT("contract", "contracts"),
    TOKEN("token", "tokens"),
    MARKET_TICK("market_tick", "market_ticks");

    private final String typeName;
    private final String defaultTopic;

    ItemType(final String typeName, final String defaultTopic) {
        this.typeName = typeName;
        this.defaultTopic = defaultTopic;
    }

    /** The value of the {@code type} field, e.g. {@code token_transfer}. */
    public String typeName() {
        return typeName;
    }

    /** The topic ethereum-etl writes this type to, without prefix, e.g. {@code token_transfers}. */
    public String defaultTopic() {
        return defaultTopic;
    }

    public static Optional<ItemType> fromTypeName(final String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }
}
