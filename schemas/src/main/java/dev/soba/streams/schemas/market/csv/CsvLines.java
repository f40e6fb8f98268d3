package dev.soba.streams.schemas.market.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The shared part of the CSV readers: a header line, then one result per non-blank line, read
 * lazily so a file of any length is never held in memory. Fields are comma-separated; a field
 * may be double-quoted (RFC 4180: commas inside, {@code ""} for a quote), but not span lines.
 * Blank lines are skipped and counted, so line numbers are the file's own.
 */
final class CsvLines {

    /** Learns the columns from the header and returns how to read each line. */
    @FunctionalInterface
    interface Columns<T> {
        Row<T> from(CsvHeader header) throws CsvRowException;
    }

    /** Reads one line's fields (as many as the header has). */
    @FunctionalInterface
    interface Row<T> {
        T read(String[] fields, long line) throws CsvRowException;
    }

    private CsvLines() {
    }

    /** The results of {@code reader}'s lines; closing the stream closes the reader. */
    static <T> Stream<CsvResult<T>> stream(final BufferedReader reader, final Columns<T> columns) {
        final Iterator<CsvResult<T>> lines = new Lines<>(reader, columns);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(() -> {
                    try {
                        reader.close();
                    } catch (final IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    static String[] split(final String line) throws CsvRowException {
        if (line.indexOf('"') < 0) {
            return splitPlain(line);
        }
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i = readQuoted(line, i + 1, field);
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new CsvRowException("unexpected text after a quoted field at column " + (i + 1));
                }
                fields.add(field.toString());
            } else {
                final int comma = line.indexOf(',', i);
                final int end = comma < 0 ? line.length() : comma;
                final String text = line.substring(i, end).strip();
                if (text.indexOf('"') >= 0) {
                    throw new CsvRowException("a quote inside an unquoted field at column " + (i + 1));
                }
                fields.add(text);
                i = end;
            }
            field.setLength(0);
            if (i >= line.length()) {
                return fields.toArray(String[]::new);
            }
            i++; // the comma
        }
    }

    /** Reads a quoted field's content from {@code start} (after the opening quote); returns the index after the closing quote. */
    private static int readQuoted(final String line, final int start, final StringBuilder field) throws CsvRowException {
        int i = start;
        while (i < line.length()) {
            final char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
        throw new CsvRowException("a quoted field is not closed on its line (fields spanning lines are not supported)");
    }

    private static String[] splitPlain(final String line) {
        int count = 1;
        for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
            count++;
        }
        final String[] fields = new String[count];
        int start = 0;
        for (int f = 0; f < count; f++) {
            final int comma = line.indexOf(',', start);
            final int end = comma < 0 ? line.length() : comma;
            fields[f] = line.substring(start, end).strip();
            start = end + 1;
        }
        return fields;
    }

    private static final class Lines<T> implements Iterator<CsvResult<T>> {
        private final BufferedReader reader;
        private final Columns<T> columns;
        private Row<T> row;
        private int width;
        private long lineNumber;
        private boolean done;
        private CsvResult<T> next;

        Lines(final BufferedReader reader, final Columns<T> columns) {
            this.reader = reader;
            this.columns = columns;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public CsvResult<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            final CsvResult<T> result = next;
            next = null;
            return result;
        }

        /** The next line's result, or null at the end (the iterator's own state, never returned to callers). */
        private CsvResult<T> advance() {
            while (true) {
                final String text = readLine();
                if (text == null) {
                    done = true;
                    return row == null ? new CsvResult.Rejected<>(Math.max(1, lineNumber),
                            "no header line: the file is empty") : null;
                }
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                if (row == null) {
                    try {
                        final CsvHeader header = new CsvHeader(split(text));
                        row = columns.from(header);
                        width = header.size();
                        continue;
                    } catch (final CsvRowException e) {
                        done = true;
                        return new CsvResult.Rejected<>(lineNumber, "header: " + e.getMessage());
                    }
                }
                return readRow(text);
            }
        }

        private CsvResult<T> readRow(final String text) {
            try {
                final String[] fields = split(text);
                if (fields.length != width) {
                    throw new CsvRowException("has " + fields.length + " fields, the header has " + width);
                }
                return new CsvResult.Parsed<>(lineNumber, row.read(fields, lineNumber));
            } catch (final CsvRowException e) {
                return new CsvResult.Rejected<>(lineNumber, e.getMessage());
            }
        }

        private String readLine() {
            try {
                return reader.readLine();
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
            }
        }
    }
}
