package dev.soba.streams.schemas;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for any record of the project, in the project's one JSON convention
 * ({@link Json#mapper()}). It does not validate: use it for topics and stores the project writes
 * itself. Null bytes are a tombstone and map to null, as Kafka expects.
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    public JsonSerde(final Class<T> type) {
        this(type, Json.mapper().writerFor(type));
    }

    private JsonSerde(final Class<T> type, final ObjectWriter writer) {
        this.type = type;
        this.writer = writer;
        this.reader = Json.mapper().readerFor(type);
    }

    /**
     * The same serde, for store values rewritten whole as they grow by one element at a time (a block
     * assembly, an address history): the JSON of each element instance of the given types is written
     * once and reused while it stays among the most recent {@code elementsPerThread} of its thread.
     * The bytes are the same as {@link #JsonSerde(Class)}'s.
     */
    public static <T> JsonSerde<T> reusingElements(final Class<T> type, final int elementsPerThread,
                                                   final Class<?>... elementTypes) {
        return new JsonSerde<>(type, ReusedElementJson.mapper(Set.of(elementTypes), elementsPerThread).writerFor(type));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return writer.writeValueAsBytes(data);
            } catch (final IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " to topic " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return reader.readValue(data);
            } catch (final IOException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic
                        + ": " + Json.shortMessage(e), e);
            }
        };
    }
}
