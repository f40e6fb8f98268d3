package dev.soba.streams.processors.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.JsonCodecException;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.schemas.Violation;
import dev.soba.streams.schemas.market.Candle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The contract of the {@code market_candles} input topic: historical candles (one-minute history
 * from {@code ./soba replay FILE.csv}) in the project's own Candle JSON. Checked like every input.
 */
public final class ImportedCandles {

    private static final Pattern PAIR = Pattern.compile("^[A-Z0-9]+-[A-Z0-9]+$");
    private static final List<String> REQUIRED = List.of("venue", "pair", "interval", "open_time", "close_time",
            "open", "high", "low", "close", "base_volume");

    private static final int MAX_DIGITS = 78;

    private ImportedCandles() {
    }

    public static Validated<Candle> parse(final byte[] bytes) {
        final JsonNode tree;
        try {
            tree = Json.tree(bytes);
        } catch (final JsonCodecException e) {
            return new Validated.Invalid<>(List.of(new Violation("", "not valid JSON: " + e.getMessage())));
        }
        if (!tree.isObject()) {
            return new Validated.Invalid<>(List.of(new Violation("", "a candle is a JSON object")));
        }
        final List<Violation> missing = new ArrayList<>();
        for (final String field : REQUIRED) {
            if (tree.path(field).isMissingNode() || tree.path(field).isNull()) {
                missing.add(new Violation(field, "required"));
            }
        }
        for (final String field : List.of("open", "high", "low", "close", "base_volume", "quote_volume", "vwap")) {
            final JsonNode value = tree.path(field);
            if (value.isNumber() && !inRange(value.decimalValue()) || value.isTextual() && value.textValue().length() > 160) {
                missing.add(new Violation(field, "out of range: at most " + MAX_DIGITS
                        + " digits before and after the decimal point"));
            }
        }
        if (!missing.isEmpty()) {
            return new Validated.Invalid<>(missing);
        }
        final Candle candle;
        try {
            candle = Json.mapper().treeToValue(tree, Candle.class);
        } catch (final JsonProcessingException | IllegalArgumentException e) {
            return new Validated.Invalid<>(List.of(new Violation("", "not a valid candle: " + e.getMessage())));
        }
        final List<Violation> violations = new ArrayList<>();
        if (candle.venue() == null || candle.venue().isBlank()) {
            violations.add(new Violation("venue", "required"));
        }
        if (candle.pair() == null || !PAIR.matcher(candle.pair()).matches()) {
            violations.add(new Violation("pair", "must be BASE-QUOTE in upper case, e.g. ETH-USDT"));
        }
        try {
            if (candle.interval() == null || CandleInterval.parse(candle.interval()).millis() != candle.closeTime() - candle.openTime()) {
                violations.add(new Violation("interval", "must name the window close_time - open_time"));
            }
        } catch (final IllegalArgumentException e) {
            violations.add(new Violation("interval", e.getMessage()));
        }
        positive(violations, "open", candle.open());
        positive(violations, "high", candle.high());
        positive(violations, "low", candle.low());
        positive(violations, "close", candle.close());
        if (candle.baseVolume() == null || candle.baseVolume().signum() < 0) {
            violations.add(new Violation("base_volume", "required, not negative"));
        }
        if (violations.isEmpty() && (candle.high().compareTo(candle.low()) < 0
                || candle.high().compareTo(candle.open().max(candle.close())) < 0
                || candle.low().compareTo(candle.open().min(candle.close())) > 0)) {
            violations.add(new Violation("high", "high and low must enclose open and close"));
        }
        return violations.isEmpty() ? new Validated.Valid<>(candle) : new Validated.Invalid<>(violations);
    }

    /** 1e999999999 is a JSON number, but its plain form (how candles are written) has a billion digits. */
    private static boolean inRange(final BigDecimal value) {
        return value.precision() - value.scale() <= MAX_DIGITS && value.scale() <= MAX_DIGITS;
    }

    private static void positive(final List<Violation> violations, final String field, final BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            violations.add(new Violation(field, "required, positive"));
        }
    }
}
