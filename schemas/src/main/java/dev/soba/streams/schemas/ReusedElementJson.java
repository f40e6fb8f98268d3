package dev.soba.streams.schemas;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes each instance of the given element types once and splices its JSON text in again when the
 * same instance is written later, for values that are rewritten whole but share most of their
 * (immutable) elements with the previous version: a block assembly that gains one item, an address
 * history that gains one transaction. The text is what the element's own serializer wrote, type id
 * included, so the output is byte for byte what {@link Json#mapper()} writes.
 *
 * <p>Elements are recognised by identity (equal but distinct instances are simply written again), in
 * a bounded least-recently-used table per thread.
 */
final class ReusedElementJson {

    private ReusedElementJson() {
    }

    /** A copy of the project's mapper, identical but for the reuse of these element types' JSON. */
    static ObjectMapper mapper(final Set<Class<?>> elementTypes, final int elementsPerThread) {
        final ObjectMapper mapper = Json.mapper().copy();
        mapper.registerModule(new SimpleModule("soba-reused-elements").setSerializerModifier(new BeanSerializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonSerializer<?> modifySerializer(final SerializationConfig config, final BeanDescription description,
                                                      final JsonSerializer<?> serializer) {
                return elementTypes.contains(description.getBeanClass())
                        ? new Reusing(mapper, serializer, elementsPerThread)
                        : serializer;
            }
        }));
        return mapper;
    }

    private static final class Reusing extends JsonSerializer<Object> implements ResolvableSerializer, ContextualSerializer {

        private final ObjectMapper mapper;
        private final JsonSerializer<Object> delegate;
        private final int capacity;
        private final ThreadLocal<Map<Key, SerializableString>> written;

        @SuppressWarnings("unchecked")
        Reusing(final ObjectMapper mapper, final JsonSerializer<?> delegate, final int capacity) {
            this.mapper = mapper;
            this.delegate = (JsonSerializer<Object>) delegate;
            this.capacity = capacity;
            this.written = ThreadLocal.withInitial(() -> new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(final Map.Entry<Key, SerializableString> eldest) {
                    return size() > capacity;
                }
            });
        }

        @Override
        public void resolve(final SerializerProvider provider) throws JsonMappingException {
            if (delegate instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        public JsonSerializer<?> createContextual(final SerializerProvider provider, final BeanProperty property)
                throws JsonMappingException {
            final JsonSerializer<?> contextual = provider.handlePrimaryContextualization(delegate, property);
            return contextual == delegate ? this : new Reusing(mapper, contextual, capacity);
        }

        @Override
        public Class<Object> handledType() {
            return delegate.handledType();
        }

        @Override
        public boolean isEmpty(final SerializerProvider provider, final Object value) {
            return delegate.isEmpty(provider, value);
        }

        @Override
        public void serialize(final Object value, final JsonGenerator gen, final SerializerProvider provider)
                throws IOException {
            gen.writeRawValue(text(new Key(value, null), provider));
        }

        @Override
        public void serializeWithType(final Object value, final JsonGenerator gen, final SerializerProvider provider,
                                      final TypeSerializer typeSerializer) throws IOException {
            gen.writeRawValue(text(new Key(value, typeSerializer), provider));
        }

        private SerializableString text(final Key key, final SerializerProvider provider) throws IOException {
            final Map<Key, SerializableString> table = written.get();
            final SerializableString known = table.get(key);
            if (known != null) {
                return known;
            }
            final StringWriter out = new StringWriter(512);
            try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
                if (key.typeSerializer() == null) {
                    delegate.serialize(key.value(), gen, provider);
                } else {
                    delegate.serializeWithType(key.value(), gen, provider, key.typeSerializer());
                }
            }
            // keeps its UTF-8 bytes once encoded: writing it again is an array copy
            final SerializableString text = new SerializedString(out.toString());
            table.put(key, text);
            return text;
        }
    }

    /** An element instance (by identity) and the type serializer it was written with, if any. */
    private record Key(Object value, TypeSerializer typeSerializer) {

        @Override
        public boolean equals(final Object other) {
            return other instanceof Key key && key.value == value && key.typeSerializer == typeSerializer;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value) * 31 + System.identityHashCode(typeSerializer);
        }
    }
}
