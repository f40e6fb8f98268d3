package dev.soba.streams.processors.nlp;

import java.util.Locale;

/**
 * Lingua's modes. {@code LOW}: trigram models, about 100 MB of heap for every language. {@code HIGH}:
 * 1- to 5-gram models, about 1.5 GB for every language. {@code LOW_REFINED}: the low mode for every
 * language, then the high mode among the few languages that the low mode confuses with each other
 * (bs/hr/sr, nb/nn/da, id/ms, hi/mr, …), about 800 MB of heap in all (measured: README).
 */
public enum DetectionAccuracy {
    LOW, HIGH, LOW_REFINED;

    public static DetectionAccuracy parse(final String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown detection accuracy '" + value + "': low, high or low-refined", e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
