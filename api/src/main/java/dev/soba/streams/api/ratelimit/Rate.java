package dev.soba.streams.api.ratelimit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token bucket's size: {@code capacity} requests at once, refilled continuously so that a full
 * bucket comes back after {@code period}. Written {@code N/PERIOD} everywhere (configuration,
 * {@code ./soba keys create --rate-limit}, the database): {@code 1200/m}, {@code 10/s},
 * {@code 500/15m}, {@code 10000/d}.
 */
public record Rate(long capacity, Duration period) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})/(\\d{0,6})([smhd])");

    public Rate {
        if (capacity < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 request, got " + capacity);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit's period must be positive, got " + period);
        }
    }

    /** Parses {@code N/PERIOD}; PERIOD is s, m, h or d, optionally preceded by a count ({@code 15m}). */
    public static Rate parse(final CharSequence text) {
        final Matcher match = FORMAT.matcher(text.toString().strip());
        if (!match.matches()) {
            throw new IllegalArgumentException("a rate limit is N/PERIOD with PERIOD one of s, m, h, d"
                    + " (optionally with a count, e.g. 15m), like 1200/m or 10/s; got '" + text + "'");
        }
        final long count = match.group(2).isEmpty() ? 1 : Long.parseLong(match.group(2));
        final Duration unit = switch (match.group(3)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
        return new Rate(Long.parseLong(match.group(1)), unit.multipliedBy(count));
    }

    /** The same {@code N/PERIOD} form that {@link #parse} reads. */
    @Override
    public String toString() {
        final long seconds = period.toSeconds();
        if (period.toNanosPart() != 0) {
            return capacity + "/" + period;
        }
        if (seconds % 86_400 == 0) {
            return written(seconds / 86_400, "d");
        }
        if (seconds % 3_600 == 0) {
            return written(seconds / 3_600, "h");
        }
        return seconds % 60 == 0 ? written(seconds / 60, "m") : written(seconds, "s");
    }

    private String written(final long count, final String unit) {
        return capacity + "/" + (count == 1 ? "" : Long.toString(count)) + unit;
    }
}
