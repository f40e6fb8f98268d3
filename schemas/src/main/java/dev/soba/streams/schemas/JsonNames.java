package dev.soba.streams.schemas;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The JSON field names of a record, as the project's mapper writes them. */
final class JsonNames {

    /** The component that holds a record's unknown fields; it has no JSON name of its own. */
    static final String UNKNOWN_FIELDS = "unknownFields";

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private JsonNames() {
    }

    /**
     * The snake_case names of the record's components except {@code unknownFields}: derived from
     * the record itself so the parser's idea of "known" can never drift from what is written.
     */
    static Set<String> of(final Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(c -> c.getName())
                .filter(name -> !UNKNOWN_FIELDS.equals(name))
                .map(SNAKE::translate)
                .collect(Collectors.toUnmodifiableSet());
    }
}
