package dev.soba.streams.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** Short ways for tests to say "this parses" and "this is rejected because". */
final class Outcomes {

    private Outcomes() {
    }

    static Item valid(final JsonNode tree) {
        return valid(ItemParser.parse(tree, Optional.empty()), tree);
    }

    static Item valid(final byte[] record) {
        return valid(ItemParser.parse(record, Optional.empty()), new String(record, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Item valid(final Validated<Item> result, final Object input) {
        if (result instanceof Validated.Invalid<Item> invalid) {
            fail("expected valid, got " + invalid.violations() + " for " + input);
        }
        return ((Validated.Valid<Item>) result).value();
    }

    static List<Violation> violations(final JsonNode tree) {
        return violations(ItemParser.parse(tree, Optional.empty()), tree);
    }

    static List<Violation> violations(final byte[] record, final Optional<ItemType> topic) {
        return violations(ItemParser.parse(record, topic), record);
    }

    static List<Violation> violations(final Validated<Item> result, final Object input) {
        if (result instanceof Validated.Valid<Item> valid) {
            fail("expected invalid, got " + valid.value() + " for " + input);
        }
        return ((Validated.Invalid<Item>) result).violations();
    }

    /** Exactly one violation, on {@code field}, whose reason contains {@code reason}. */
    static void rejectedOnly(final JsonNode tree, final String field, final String reason) {
        final List<Violation> violations = violations(tree);
        assertThat(violations).as("violations of %s", tree).hasSize(1);
        assertThat(violations.get(0).field()).isEqualTo(field);
        assertThat(violations.get(0).reason()).contains(reason);
    }
}
