package dev.soba.streams.models.price;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How far ahead a price forecast looks, in one-minute candles: 1m, 5m, 15m, 1h. */
public enum Horizon {
    M1("1m", 1),
    M5("5m", 5),
    M15("15m", 15),
    H1("1h", 60);

    private final String label;
    private final int minutes;

    Horizon(final String label, final int minutes) {
        this.label = label;
        this.minutes = minutes;
    }

    public String label() {
        return label;
    }

    public int minutes() {
        return minutes;
    }

    public long millis() {
        return minutes * 60_000L;
    }

    /** {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h} (also {@code 60m}); empty for anything else. */
    public static Optional<Horizon> parse(final String text) {
        if (text == null) {
            return Optional.empty();
        }
        final String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(h -> h.label.equals(t) || (h.minutes + "m").equals(t))
                .findFirst();
    }

    /** The accepted names, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Horizon::label).collect(Collectors.joining(", "));
    }
}
