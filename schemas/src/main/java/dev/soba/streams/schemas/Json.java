package dev.soba.streams.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one JSON configuration of the project: every topic, store and REST body is read and written
 * with {@link #mapper()}.
 *
 * <ul>
 *   <li>Field names are snake_case (records use camelCase components).</li>
 *   <li>{@link BigInteger} and {@link BigDecimal} are <em>written</em> as JSON strings in plain
 *       decimal notation ({@code "150188698577042438264952193024"}, {@code "1843.25"}) so that no
 *       consumer (JavaScript, jq, spreadsheets) silently rounds them to a double. They are
 *       <em>read</em> from a JSON number or such a string, exactly: integers never pass through a
 *       double, and fractional numbers are read as {@code BigDecimal}.</li>
 *   <li>Unknown properties do not fail; item records keep them in {@code unknownFields} and write
 *       them back out verbatim (numbers stay numbers, nulls stay nulls).</li>
 *   <li>Known fields that are {@code null} are not written. Absent and {@code null} mean the same
 *       thing in every contract of the project (ethereum-etl writes {@code null} for "not
 *       applicable", e.g. {@code base_fee_per_gas} before London), so dropping them loses nothing
 *       and keeps stores and topics smaller. Re-parsing the output gives an equal record.</li>
 *   <li>Reading is strict where silence would hide corruption: duplicate keys and trailing content
 *       after the JSON value fail.</li>
 * </ul>
 *
 * <p>No Jdk8Module: no record of the project holds an {@code Optional} (methods return them,
 * components never do), so there is nothing for it to serialise.
 *
 * <p>The mapper is shared and thread-safe; do not reconfigure it (derive readers/writers instead).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Integers are already exact (Jackson switches to BigInteger past Long); forcing
            // BigInteger for every small int would only allocate. Fractions must not go via double.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Keep "1.50" as written inside trees (unknown fields, prices given as numbers).
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // JsonSerde<Block> reads a block even when its "type" field is absent.
            .disable(MapperFeature.REQUIRE_TYPE_ID_FOR_SUBTYPES)
            .addModule(new SimpleModule("soba-amounts")
                    .addSerializer(BigInteger.class, new BigIntegerAsString())
                    .addSerializer(BigDecimal.class, new BigDecimalAsPlainString()))
            .build();

    private Json() {
    }

    /** The shared, fully configured mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes a value as UTF-8 JSON. */
    public static byte[] write(final Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (final JsonProcessingException e) {
            throw new JsonCodecException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Reads UTF-8 JSON into a value of the given type (no contract validation: see {@link ItemParser}). */
    public static <T> T read(final byte[] json, final Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (final IOException e) {
            throw new JsonCodecException("cannot read " + type.getSimpleName() + " from JSON: " + shortMessage(e), e);
        }
    }

    /** Parses UTF-8 JSON into a tree. */
    public static JsonNode tree(final byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (final IOException e) {
            throw new JsonCodecException("not valid JSON: " + shortMessage(e), e);
        } catch (final NumberFormatException e) {
            throw new JsonCodecException("not valid JSON: " + shortMessage(e), e);
        }
    }

    /**
     * The reason of a number the parser could not represent ({@code 1e2147483648}: Jackson throws a
     * {@link NumberFormatException}, not an {@link IOException}, for an exponent past an int).
     */
    static String shortMessage(final NumberFormatException e) {
        final String message = "number out of range: " + firstLine(e.getMessage() == null ? "" : e.getMessage());
        return message.length() <= 200 ? message : message.substring(0, 197) + "...";
    }

    /** A parser's message without source excerpts, on one line, short enough for a rejection reason. */
    static String shortMessage(final IOException e) {
        final String original = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        final String firstLine = firstLine(original == null ? e.getClass().getSimpleName() : original);
        final int marker = firstLine.indexOf(" (start marker at");
        final String message = (marker >= 0 ? firstLine.substring(0, marker) : firstLine) + location(e);
        return message.length() <= 200 ? message : message.substring(0, 197) + "...";
    }

    private static String firstLine(final String text) {
        final int newline = text.indexOf('\n');
        return newline >= 0 ? text.substring(0, newline) : text;
    }

    private static String location(final IOException e) {
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null && jpe.getLocation().getLineNr() > 0) {
            return " at line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr();
        }
        return "";
    }

    private static final class BigIntegerAsString extends StdSerializer<BigInteger> {
        private static final long serialVersionUID = 1L;

        BigIntegerAsString() {
            super(BigInteger.class);
        }

        @Override
        public void serialize(final BigInteger value, final JsonGenerator gen, final SerializerProvider provider)
                throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class BigDecimalAsPlainString extends StdSerializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        BigDecimalAsPlainString() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(final BigDecimal value, final JsonGenerator gen, final SerializerProvider provider)
                throws IOException {
            gen.writeString(value.toPlainString());
        }
    }
}
