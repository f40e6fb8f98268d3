package dev.soba.streams.processors.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The length of a candle: {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}, {@code 4h}, {@code 1d}
 * or any whole number of seconds, minutes, hours or days.
 *
 * <p>Windows are aligned to the epoch, so every instance, every restart and every replay cuts the
 * same windows. The epoch is a UTC midnight and epoch millis count no leap seconds, so {@code 1d}
 * windows are exactly the UTC calendar days, and any interval that divides a day nests in it.
 *
 * <p>The name is normalised to the largest unit that divides the length ({@code 60m} is
 * {@code 1h}): it is part of candle keys, and one length must have one name.
 */
public final class CandleInterval implements Comparable<CandleInterval> {

    public static final CandleInterval ONE_MINUTE = new CandleInterval(60_000L);
    public static final CandleInterval FIVE_MINUTES = new CandleInterval(300_000L);
    public static final CandleInterval FIFTEEN_MINUTES = new CandleInterval(900_000L);
    public static final CandleInterval ONE_HOUR = new CandleInterval(3_600_000L);
    public static final CandleInterval FOUR_HOURS = new CandleInterval(14_400_000L);
    public static final CandleInterval ONE_DAY = new CandleInterval(86_400_000L);

    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    /** A year: longer windows would never close in any retention a store can afford. */
    private static final long MAX_MILLIS = 366 * DAY;
    private static final String EXPECTED =
            "expected a positive whole number and a unit s, m, h or d, e.g. 1m, 5m, 15m, 1h, 4h, 1d";

    private final long millis;
    private final String name;

    private CandleInterval(final long millis) {
        this.millis = millis;
        this.name = nameOf(millis);
    }

    /**
     * Reads {@code 1m}, {@code 4h}, {@code 1d}, … (surrounding spaces ignored).
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static CandleInterval parse(final String text) {
        if (text == null || text.isBlank()) {
            throw invalid(String.valueOf(text), "it is empty");
        }
        final String trimmed = text.strip();
        final char unit = trimmed.charAt(trimmed.length() - 1);
        final String number = trimmed.substring(0, trimmed.length() - 1);
        final long unitMillis = switch (unit) {
            case 's' -> SECOND;
            case 'm' -> MINUTE;
            case 'h' -> HOUR;
            case 'd' -> DAY;
            case 'M', 'w', 'W', 'y', 'Y' -> throw invalid(trimmed, "weeks, months and years are not supported"
                    + " (epoch-aligned weeks start on Thursdays and months vary in length); use days");
            case 'S', 'H', 'D' -> throw invalid(trimmed, "units are lower-case");
            default -> throw invalid(trimmed, "no unit");
        };
        if (number.isEmpty() || number.length() > 9 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(trimmed, number.isEmpty() ? "no number" : "'" + number + "' is not a whole number");
        }
        final long count = Long.parseLong(number);
        if (count == 0) {
            throw invalid(trimmed, "it is zero");
        }
        if (count > MAX_MILLIS / unitMillis) {
            throw invalid(trimmed, "longer than 366d");
        }
        return new CandleInterval(count * unitMillis);
    }

    /**
     * Reads a comma-separated list such as {@code 1m,5m,1h,1d}; the result is sorted from the
     * shortest interval up (the order roll-ups need).
     *
     * @throws IllegalArgumentException for an empty list, an empty entry, an invalid interval, or
     *                                  two entries of the same length ({@code 60m,1h})
     */
    public static List<CandleInterval> parseList(final String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("invalid candle interval list '" + text + "': it is empty; " + EXPECTED);
        }
        final List<CandleInterval> intervals = new ArrayList<>();
        for (final String entry : text.split(",", -1)) {
            if (entry.isBlank()) {
                throw new IllegalArgumentException("invalid candle interval list '" + text + "': an entry is empty");
            }
            final CandleInterval interval = parse(entry);
            if (intervals.contains(interval)) {
                throw new IllegalArgumentException("invalid candle interval list '" + text + "': "
                        + "'" + entry.strip() + "' has the same length as an earlier entry (" + interval.name + ")");
            }
            intervals.add(interval);
        }
        intervals.sort(Comparator.naturalOrder());
        return List.copyOf(intervals);
    }

    /** The normalised name, e.g. {@code 1h} (also for {@code 60m}). */
    public String name() {
        return name;
    }

    public long millis() {
        return millis;
    }

    /** Start (inclusive) of the window holding {@code timestamp}; correct before 1970 too. */
    public long windowStart(final long timestamp) {
        return Math.floorDiv(timestamp, millis) * millis;
    }

    /** End (exclusive) of the window holding {@code timestamp}. */
    public long windowEnd(final long timestamp) {
        return windowStart(timestamp) + millis;
    }

    @Override
    public int compareTo(final CandleInterval other) {
        return Long.compare(millis, other.millis);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CandleInterval interval && interval.millis == millis;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(millis);
    }

    @Override
    public String toString() {
        return name;
    }

    private static String nameOf(final long millis) {
        if (millis % DAY == 0) {
            return millis / DAY + "d";
        }
        if (millis % HOUR == 0) {
            return millis / HOUR + "h";
        }
        return millis % MINUTE == 0 ? millis / MINUTE + "m" : millis / SECOND + "s";
    }

    private static IllegalArgumentException invalid(final String text, final String why) {
        return new IllegalArgumentException("invalid candle interval '" + text + "': " + why + "; " + EXPECTED);
    }
}
