package dev.soba.streams.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers JSON allows but no field can hold, in every field of every sample: the parser answers
 * with a verdict (a rejection naming the reason, or a valid item) and never throws, so the record
 * reaches rejected_records instead of the stream's exception handler.
 */
class HugeNumbersTest {

    private static final String MARK = "\"@number@\"";

    @ParameterizedTest
    @ValueSource(strings = {"1e2147483648", "1e-2147483648", "-1e2147483648", "1e999999999", "1e-999999999",
            "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"})
    void everyFieldOfEverySampleGetsAVerdict(final String number) {
        Samples.all().forEach((name, tree) -> tree.fieldNames().forEachRemaining(field -> {
            final ObjectNode copy = tree.deepCopy();
            copy.put(field, "@number@");
            final byte[] record = new String(Json.write(copy), StandardCharsets.UTF_8).replace(MARK, number)
                    .getBytes(StandardCharsets.UTF_8);
            assertThatCode(() -> ItemParser.parse(record, Optional.empty())).as(name + "." + field + " = " + number)
                    .doesNotThrowAnyException();
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e2147483648", "1e-2147483648"})
    void anExponentPastAnIntIsNotValidJson(final String number) {
        final byte[] record = ("{\"type\": \"block\", \"number\": " + number + "}").getBytes(StandardCharsets.UTF_8);
        final List<Violation> violations = Outcomes.violations(record, Optional.empty());
        assertThat(violations).singleElement().satisfies(v ->
                assertThat(v.reason()).startsWith("not valid JSON: number out of range"));
        assertThatCode(() -> Json.tree(record)).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("not valid JSON: number out of range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"price", "quantity"})
    void aTickAmountWithABillionDigitsIsRejectedByName(final String field) {
        final ObjectNode tick = Samples.marketTick();
        tick.put(field, "@number@");
        final byte[] record = new String(Json.write(tick), StandardCharsets.UTF_8).replace(MARK, "1e999999999")
                .getBytes(StandardCharsets.UTF_8);
        final List<Violation> violations = Outcomes.violations(record, Optional.empty());
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.reason()).startsWith("out of range");
        });
    }
}
