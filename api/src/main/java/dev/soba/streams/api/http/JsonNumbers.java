package dev.soba.streams.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The numbers of a JSON document, checked before anything reads it into values. A number such as
 * {@code 1e2147483648} cannot be read at all (its exponent overflows), and one such as
 * {@code 1e999999999} reads as a {@link BigDecimal} that turns into a billion digits when written
 * out in full ({@code toPlainString}, {@code setScale(0)}): both are refused here, with the path of
 * the field that holds them, instead of failing (or exhausting the memory) wherever they are used.
 * The bound is the one Jackson applies to the digits a number may be written with, applied to the
 * number written out in full.
 */
public final class JsonNumbers {

    /** At most this many digits when a number is written out in full (Jackson's own limit on written digits). */
    public static final int MAX_DIGITS = 1000;

    private JsonNumbers() {
    }

    /**
     * The first number of {@code json} that cannot be read or is too large or too precise, as a
     * violation naming its field ({@code items[0].price}); empty when every number is fine. A
     * document that is not valid JSON is not judged here (its reader says what is wrong with it).
     */
    public static Optional<Violation> firstHostile(final byte[] json) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            JsonToken token;
            while ((token = next(parser)) != null) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
                    final Optional<String> reason = check(parser, token);
                    if (reason.isPresent()) {
                        return Optional.of(new Violation(path(parser.getParsingContext()), reason.get()));
                    }
                }
            }
            return Optional.empty();
        } catch (final NumberTooLong e) {
            return Optional.of(e.violation);
        } catch (final JsonProcessingException notJson) {
            return Optional.empty();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonToken next(final JsonParser parser) throws IOException {
        try {
            return parser.nextToken();
        } catch (final StreamConstraintsException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("Number")) {
                throw e; // another limit (nesting, string length): the body's reader reports it
            }
            // a number longer than Jackson reads: the token was being read in the current context
            throw new NumberTooLong(new Violation(path(parser.getParsingContext()),
                    "is a number of more than " + MAX_DIGITS + " digits"));
        }
    }

    private static Optional<String> check(final JsonParser parser, final JsonToken token) throws IOException {
        final BigDecimal value;
        try {
            value = token == JsonToken.VALUE_NUMBER_INT
                    ? new BigDecimal(parser.getBigIntegerValue()) : parser.getDecimalValue();
        } catch (final NumberFormatException | StreamConstraintsException e) {
            return Optional.of("is not a number that can be read (exponent out of range): " + shortText(parser));
        }
        if (digitsInFull(value) > MAX_DIGITS) {
            return Optional.of("is out of range: at most " + MAX_DIGITS + " digits written out in full, got "
                    + shortText(parser));
        }
        return Optional.empty();
    }

    /** The digits of {@code value} in plain notation, without building it: 1e9 has 10, 1e-9 has 10. */
    static long digitsInFull(final BigDecimal value) {
        final long precision = value.precision();
        final long scale = value.scale();
        return scale <= 0 ? precision - scale : Math.max(precision, scale + 1);
    }

    private static String shortText(final JsonParser parser) throws IOException {
        final String text = parser.getText();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** {@code items[0].price}, the way the problems of the API name fields ({@code ""} for the whole body). */
    static String path(final JsonStreamContext context) {
        final Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.push("[" + Math.max(0, at.getCurrentIndex()) + "]");
            } else if (at.getCurrentName() != null) {
                parts.push("." + at.getCurrentName());
            }
        }
        final String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static final class NumberTooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Violation violation;

        NumberTooLong(final Violation violation) {
            super(violation.reason(), null, false, false);
            this.violation = violation;
        }
    }
}
