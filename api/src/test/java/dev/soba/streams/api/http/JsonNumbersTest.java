package dev.soba.streams.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.schemas.Violation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The number check alone: which numbers are refused, and how the field is named. */
class JsonNumbersTest {

    private static Optional<Violation> check(final String json) {
        return JsonNumbers.firstHostile(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ordinaryNumbersPass() {
        assertThat(check("{\"a\": 1, \"b\": -2.5e10, \"c\": 1e308, \"d\": 1e-308, \"e\": [0.000000000000000001, 1e999]}"))
                .isEmpty();
        assertThat(check("{\"uint256\": " + "9".repeat(78) + "}")).isEmpty();
    }

    @Test
    void unreadableAndAbsurdNumbersAreNamedByTheirField() {
        assertThat(check("{\"x\": 1e2147483648}")).map(Violation::field).contains("x");
        assertThat(check("{\"x\": 1e-2147483648}")).map(Violation::field).contains("x");
        assertThat(check("{\"items\": [{\"price\": \"1\"}, {\"price\": 1e999999999}]}")).map(Violation::field)
                .contains("items[1].price");
        assertThat(check("[{\"q\": 1e-1001}]")).map(Violation::field).contains("[0].q");
        assertThat(check("{\"a\": {\"b\": [1, 1" + "0".repeat(1500) + "]}}")).map(Violation::field).contains("a.b[1]");
        assertThat(check("1e999999999")).map(Violation::field).contains("");
    }

    @Test
    void bodiesThatAreNotJsonAreLeftToTheirReader() {
        assertThat(check("{\"x\": ")).isEmpty();
        assertThat(check("not json")).isEmpty();
    }

    @Test
    void digitsAreCountedWithoutWritingTheNumberOut() {
        assertThat(JsonNumbers.digitsInFull(new BigDecimal("1e9"))).isEqualTo(10);
        assertThat(JsonNumbers.digitsInFull(new BigDecimal("1e-9"))).isEqualTo(10);
        assertThat(JsonNumbers.digitsInFull(new BigDecimal("1843.25"))).isEqualTo(6);
        assertThat(JsonNumbers.digitsInFull(new BigDecimal("1e999999999"))).isEqualTo(1_000_000_000L);
    }
}
