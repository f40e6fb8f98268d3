package dev.soba.streams.ingest;

import java.util.Locale;

/** Where ingestion starts when nothing was ingested before ({@code --from-block N|latest}). */
public sealed interface StartBlock {

    /** A given height. */
    record At(long number) implements StartBlock {
        public At {
            if (number < 0) {
                throw new IllegalArgumentException("--from-block must not be negative, got " + number);
            }
        }
    }

    /** The newest block that has the required confirmations. */
    record Latest() implements StartBlock {
    }

    public static StartBlock parse(final String text) {
        if (text.toLowerCase(Locale.ROOT).equals("latest")) {
            return new Latest();
        }
        try {
            return new At(Long.parseLong(text));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("--from-block must be a block number or 'latest', got '" + text + "'");
        }
    }

    /** The first height to fetch, given the newest confirmed one. */
    default long first(final long confirmedHead) {
        return this instanceof At at ? at.number() : Math.max(0, confirmedHead);
    }
}
