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

    static String address(final String field, final String value) {
        if (value == null || !ADDRESS.matcher(value).matches()) {
            throw ApiException.badRequest(field, field + " is an address: 0x followed by 40 hex digits, got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static long time(final String field, final String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (final NumberFormatException notMillis) {
            try {
                return Instant.parse(value.strip()).toEpochMilli();
            } catch (final DateTimeParseException e) {
                throw ApiException.badRequest(field, field + " is epoch millis or ISO-8601 UTC (2024-01-05T00:00:00Z), got '"
                        + value + "'");
            }
        }
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
