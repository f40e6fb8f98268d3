package dev.soba.streams.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The published JSON Schema files, loaded from the module's resources with a draft 2020-12 validator. */
final class ContractSchemas {

    /** Every schema file, by name ({@code schemas/<name>.schema.json}). */
    static final List<String> NAMES = List.of("block", "transaction", "log", "token_transfer", "trace", "contract",
            "token", "market_tick", "rejected_record", "reorg_event");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    static JsonNode document(final String name) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("no schema file for " + name);
            }
            return Json.mapper().readTree(in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<ValidationMessage> errors(final String name, final JsonNode instance) {
        return SCHEMAS.computeIfAbsent(name, n -> FACTORY.getSchema(document(n), CONFIG)).validate(instance);
    }

    static Set<ValidationMessage> errors(final ItemType type, final JsonNode instance) {
        return errors(type.typeName(), instance);
    }
}
