package dev.soba.streams.schemas;

import java.util.List;

/** The outcome of parsing and checking one record against its contract. */
public sealed interface Validated<T> {

    record Valid<T>(T value) implements Validated<T> {
    }

    /** At least one violation; the first is the headline reason. */
    record Invalid<T>(List<Violation> violations) implements Validated<T> {
        public Invalid {
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one violation");
            }
            violations = List.copyOf(violations);
        }

        public Violation first() {
            return violations.get(0);
        }
    }
}
