package dev.soba.streams.models.fraud;

/**
 * Count, sum, extremes and time span of one kind of transfer of an address (values sent, received, ...).
 * Times are epoch seconds; {@code min}/{@code max} are 0 while {@code count} is 0, as in the source table.
 */
public record ValueStats(long count, double sum, double min, double max, long firstTime, long lastTime) {

    private static final ValueStats EMPTY = new ValueStats(0, 0, 0, 0, 0, 0);

    public static ValueStats empty() {
        return EMPTY;
    }

    public ValueStats plus(final double value, final long time) {
        if (count == 0) {
            return new ValueStats(1, value, value, value, time, time);
        }
        return new ValueStats(count + 1, sum + value, Math.min(min, value), Math.max(max, value),
                Math.min(firstTime, time), Math.max(lastTime, time));
    }

    public double average() {
        return count == 0 ? 0 : sum / count;
    }

    /** The mean of the gaps between consecutive transfers: the span over (count - 1). */
    public double averageGapMinutes() {
        return count < 2 ? 0 : (lastTime - firstTime) / 60.0 / (count - 1);
    }
}
