package dev.soba.streams.schemas.market.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The columns of a CSV header, found by name whatever the spelling: {@code open_time},
 * {@code openTime} and {@code Open Time} are the same column. Other columns are ignored.
 */
final class CsvHeader {

    private final String[] original;
    private final List<String> normalised;

    CsvHeader(final String[] fields) {
        this.original = fields.clone();
        if (original.length > 0 && original[0].startsWith("\uFEFF")) {
            original[0] = original[0].substring(1);
        }
        this.normalised = Arrays.stream(original).map(CsvHeader::normalise).toList();
    }

    int size() {
        return original.length;
    }

    /** The column of the first alias (in the given order of preference) that the header has. */
    OptionalInt find(final List<String> aliases) {
        for (final String alias : aliases) {
            final int index = normalised.indexOf(normalise(alias));
            if (index >= 0) {
                return OptionalInt.of(index);
            }
        }
        return OptionalInt.empty();
    }

    int require(final String role, final List<String> aliases) throws CsvRowException {
        final OptionalInt index = find(aliases);
        if (index.isEmpty()) {
            throw new CsvRowException("no " + role + " column (looked for " + String.join(", ", aliases)
                    + ") in the header " + String.join(",", original));
        }
        return index.getAsInt();
    }

    String name(final int index) {
        return original[index];
    }

    private static String normalise(final String name) {
        final StringBuilder letters = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            final char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                letters.append(c);
            }
        }
        return letters.toString().toLowerCase(Locale.ROOT);
    }
}
