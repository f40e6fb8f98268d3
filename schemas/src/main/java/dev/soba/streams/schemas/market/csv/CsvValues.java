package dev.soba.streams.schemas.market.csv;

import dev.soba.streams.schemas.market.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Numbers and times as market CSV files write them. */
final class CsvValues {

    /** Epoch values below this are seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
    private static final long SECONDS_BELOW = 100_000_000_000L;
    private static final long MILLIS_BELOW = 100_000_000_000_000L;
    private static final long MICROS_BELOW = 100_000_000_000_000_000L;
    /** Market numbers are human units: wider exponents are typos, and would expand to huge strings. */
    private static final int MAX_DIGITS = 60;

    /**
     * {@code 2025-05-30}, then optionally {@code T} or a space, a time with any fraction, and
     * {@code Z}, {@code +00:00}, {@code +0000} or {@code +00}; no zone means UTC.
     */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private CsvValues() {
    }

    /** A decimal number, exponent allowed ({@code 1e-05}), returned canonical (see {@link #canonical}). */
    static BigDecimal decimal(final String column, final String text) throws CsvRowException {
        if (text.isEmpty()) {
            throw new CsvRowException(column + ": is empty");
        }
        final BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (final NumberFormatException e) {
            throw new CsvRowException(column + ": not a number: '" + shorten(text) + "'");
        }
        if (value.scale() > MAX_DIGITS || value.precision() - value.scale() > MAX_DIGITS) {
            throw new CsvRowException(column + ": out of range: '" + shorten(text) + "'");
        }
        return canonical(value);
    }

    /** A count such as a number of trades: a whole number, {@code 12.0} allowed (pandas writes floats). */
    static long count(final String column, final String text) throws CsvRowException {
        final BigDecimal value = decimal(column, text);
        if (value.signum() < 0 || value.scale() > 0 || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new CsvRowException(column + ": must be a whole number, not negative, got '" + shorten(text) + "'");
        }
        return value.longValueExact();
    }

    /**
     * Epoch millis from epoch seconds, millis, micros or nanos (told apart by magnitude; a
     * fraction is allowed and truncated to the millisecond) or from an ISO-8601 date or time.
     */
    static long epochMillis(final String column, final String text) throws CsvRowException {
        if (text.isEmpty()) {
            throw new CsvRowException(column + ": is empty");
        }
        return isEpochNumber(text) ? epochNumber(column, text) : isoTime(column, text);
    }

    /** One spelling per value, the same as the stream's candles ({@link Decimals#canonical}). */
    static BigDecimal canonical(final BigDecimal value) {
        return Decimals.canonical(value);
    }

    static String shorten(final String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static boolean isEpochNumber(final String text) {
        final int dot = text.indexOf('.');
        if (dot == 0 || dot == text.length() - 1) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if ((c < '0' || c > '9') && i != dot) {
                return false;
            }
        }
        return true;
    }

    private static long epochNumber(final String column, final String text) throws CsvRowException {
        final int dot = text.indexOf('.');
        final String whole = dot < 0 ? text : text.substring(0, dot);
        if (whole.length() > 18) {
            throw new CsvRowException(column + ": epoch value too large: '" + shorten(text) + "'");
        }
        final long value = Long.parseLong(whole);
        if (value < SECONDS_BELOW) {
            final String fraction = dot < 0 ? "" : text.substring(dot + 1);
            final String millis = (fraction + "000").substring(0, 3);
            return value * 1_000 + Integer.parseInt(millis);
        }
        if (value < MILLIS_BELOW) {
            return value;
        }
        return value < MICROS_BELOW ? value / 1_000 : value / 1_000_000;
    }

    private static long isoTime(final String column, final String text) throws CsvRowException {
        final String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            final TemporalAccessor parsed = ISO.parseBest(iso, OffsetDateTime::from, LocalDateTime::from,
                    LocalDate::from);
            if (parsed instanceof OffsetDateTime time) {
                return time.toInstant().toEpochMilli();
            }
            if (parsed instanceof LocalDateTime time) {
                return time.toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (final DateTimeParseException e) {
            throw new CsvRowException(column + ": not epoch seconds or milliseconds, nor an ISO-8601 time: '"
                    + shorten(text) + "'");
        }
    }
}
