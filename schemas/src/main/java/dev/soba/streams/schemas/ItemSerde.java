package dev.soba.streams.schemas;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of internal topics and stores that hold validated items of any type. Items are
 * written with their {@code type} field and read back by dispatching on it, without checking
 * the contract again (they were checked on the way in by {@link ItemParser}).
 */
public final class ItemSerde implements Serde<Item> {

    private final JsonSerde<Item> json = new JsonSerde<>(Item.class);

    @Override
    public Serializer<Item> serializer() {
        return json.serializer();
    }

    @Override
    public Deserializer<Item> deserializer() {
        return json.deserializer();
    }
}
