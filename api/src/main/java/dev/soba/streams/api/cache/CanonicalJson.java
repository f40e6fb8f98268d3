package dev.soba.streams.api.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a JSON document in canonical form: object members sorted by name at every depth,
 * no insignificant whitespace, numbers as they were written. Two requests that differ only in
 * member order or spacing have the same hash.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String sha256(final JsonNode document) {
        final MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest);
             JsonGenerator generator = Json.mapper().getFactory().createGenerator(sink)) {
            write(generator, document);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot hash a JSON document", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void write(final JsonGenerator generator, final JsonNode node) throws IOException {
        if (node.isObject()) {
            final List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            generator.writeStartObject();
            for (final String name : names) {
                generator.writeFieldName(name);
                write(generator, node.get(name));
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (final JsonNode element : node) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }
}
