package dev.soba.streams.schemas.market.csv;

/**
 * The outcome of one line of a CSV file: a value, or the reason the line was rejected. A broken
 * line never stops the file; a broken header is reported once, at its line, and ends it.
 *
 * @param <T> what a good line becomes
 */
public sealed interface CsvResult<T> {

    /** The 1-based physical line number in the file (the header is line 1 unless blank lines precede it). */
    long line();

    record Parsed<T>(long line, T value) implements CsvResult<T> {
    }

    record Rejected<T>(long line, String reason) implements CsvResult<T> {
    }
}
