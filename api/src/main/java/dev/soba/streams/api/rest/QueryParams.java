package dev.soba.streams.api.rest;

import dev.soba.streams.api.http.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Query and path parameters shared by the resources, each failure a 400 naming its parameter. */
final class QueryParams {

    static final Pattern PAIR = Pattern.compile("^[A-Z0-9]+-[A-Z0-9]+$");
    static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");

    private QueryParams() {
    }

    /** An exchange name as the feeds write it (binance, coinbase-pro, okx.us), at most 64 characters. */
    static final Pattern EXCHANGE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    /** A candle venue: {@code all} (the default when absent), a pool address (lower-cased) or an exchange name. */
    static String venue(final String value, final String all) {
        if (value == null || value.isBlank()) {
            return all;
        }
        if (value.startsWith("0x") || value.startsWith("0X")) {
            return address("venue", value);
        }
        if (!EXCHANGE.matcher(value).matches()) {
            throw ApiException.badRequest("venue", "venue is 'all', a pool address (0x and 40 hex digits) or an exchange"
                    + " name (letters, digits, '.', '_', '-'; at most 64 characters), got '" + shorten(value) + "'");
        }
        return value;
    }

    private static String shorten(final String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    static String address(final String field, final String value) {
        if (value == null || !ADDRESS.matcher(value).matches()) {
            throw ApiException.badRequest(field, field + " is an address: 0x followed by 40 hex digits, got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** The last millisecond of year 9999: later times are unit mistakes (micro- or nanoseconds). */
    static final long LATEST_MILLIS = 253_402_300_799_999L;

    static long time(final String field, final String value) {
        final long millis;
        try {
            millis = Long.parseLong(value.strip());
        } catch (final NumberFormatException notMillis) {
            try {
                return inRange(field, Instant.parse(value.strip()).toEpochMilli());
            } catch (final DateTimeParseException | ArithmeticException e) {
                throw ApiException.badRequest(field, field + " is epoch millis or ISO-8601 UTC (2024-01-05T00:00:00Z), got '"
                        + shorten(value) + "'");
            }
        }
        return inRange(field, millis);
    }

    private static long inRange(final String field, final long millis) {
        if (millis < 0 || millis > LATEST_MILLIS) {
            throw ApiException.badRequest(field, field + " must be between 0 (1970-01-01) and " + LATEST_MILLIS
                    + " (9999-12-31) in epoch millis, got " + millis);
        }
        return millis;
    }

    static long block(final String field, final String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        final long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (final NumberFormatException e) {
            throw ApiException.badRequest(field, field + " is a block number, got '" + value + "'");
        }
        if (number < 0) {
            throw ApiException.badRequest(field, field + " must not be negative");
        }
        return number;
    }

    static int limit(final String value, final int fallback, final int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        final int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (final NumberFormatException e) {
            throw ApiException.badRequest("limit", "limit must be an integer, got '" + value + "'");
        }
        if (parsed < 1 || parsed > max) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + max + ", got " + parsed);
        }
        return parsed;
    }
}
