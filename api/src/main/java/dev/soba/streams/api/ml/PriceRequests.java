package dev.soba.streams.api.ml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.models.price.PriceFeatures;
import dev.soba.streams.models.price.PriceSeries;
import dev.soba.streams.schemas.market.Candle;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Candles in a request body, read into a series, every mistake named by its JSON path. */
public final class PriceRequests {

    private PriceRequests() {
    }

    public static PriceSeries series(final String pair, final JsonNode candles) {
        if (candles.size() <= PriceFeatures.WARMUP) {
            throw ApiException.badRequest("candles", "a forecast needs at least " + (PriceFeatures.WARMUP + 1)
                    + " one-minute candles (the last and " + PriceFeatures.WARMUP + " before it); got " + candles.size());
        }
        final List<Candle> read = new ArrayList<>(candles.size());
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < candles.size(); i++) {
            final JsonNode c = candles.get(i);
            final String at = "candles/" + i;
            if (!c.isObject()) {
                throw ApiException.badRequest(at, "each candle is an object with open_time, open, high, low, close, volume");
            }
            final long time = time(c.get("open_time"), at + "/open_time");
            if (time % 60_000L != 0) {
                throw ApiException.badRequest(at + "/open_time", "open_time must be the start of a minute");
            }
            if (time <= previous) {
                throw ApiException.badRequest(at + "/open_time", "candles must be oldest first, one per minute");
            }
            previous = time;
            final BigDecimal open = positive(c.get("open"), at + "/open");
            final BigDecimal high = positive(c.get("high"), at + "/high");
            final BigDecimal low = positive(c.get("low"), at + "/low");
            final BigDecimal close = positive(c.get("close"), at + "/close");
            final BigDecimal volume = number(c.get("volume"), at + "/volume");
            if (volume.signum() < 0) {
                throw ApiException.badRequest(at + "/volume", "volume must not be negative");
            }
            if (high.compareTo(open.max(close).max(low)) < 0 || low.compareTo(open.min(close)) > 0) {
                throw ApiException.badRequest(at + "/high", "high and low must enclose open and close");
            }
            read.add(new Candle("request", pair, "1m", time, time + 60_000L, open, high, low, close, volume, null, null,
                    0, time, time + 59_999L, true));
        }
        return PriceSeries.of(pair, read);
    }

    private static long time(final JsonNode value, final String field) {
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(field, "open_time is required (epoch millis or ISO-8601)");
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        try {
            return Instant.parse(value.asText()).toEpochMilli();
        } catch (final DateTimeParseException e) {
            throw ApiException.badRequest(field, "open_time is epoch millis or ISO-8601, got '" + value.asText() + "'");
        }
    }

    private static BigDecimal positive(final JsonNode value, final String field) {
        final BigDecimal v = number(value, field);
        if (v.signum() <= 0) {
            throw ApiException.badRequest(field, "must be positive");
        }
        return v;
    }

    private static BigDecimal number(final JsonNode value, final String field) {
        if (value == null || value.isNull() || !(value.isNumber() || value.isTextual())) {
            throw ApiException.badRequest(field, "a number is required");
        }
        try {
            return new BigDecimal(value.asText());
        } catch (final NumberFormatException e) {
            throw ApiException.badRequest(field, "a number is required, got '" + value.asText() + "'");
        }
    }
}
