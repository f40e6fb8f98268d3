package dev.soba.streams.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one JSON convention of the project. */
class JsonTest {

    /** A record of our own, to see the convention outside the item contracts. */
    record Amounts(BigInteger rawAmount, BigDecimal price, Long blockNumber, String maybe) {
    }

    @Test
    void theMapperIsOneSharedInstance() {
        assertThat(Json.mapper()).isSameAs(Json.mapper());
    }

    @Test
    void namesAreSnakeCaseAndNullsAreLeftOut() {
        assertThat(text(new Amounts(BigInteger.TEN, new BigDecimal("1.5"), 7L, null)))
                .isEqualTo("{\"raw_amount\":\"10\",\"price\":\"1.5\",\"block_number\":7}");
    }

    @Test
    void bigNumbersAreWrittenAsPlainDecimalStrings() {
        final BigInteger big = BigInteger.ONE.shiftLeft(255);
        assertThat(text(new Amounts(big, new BigDecimal("1E+3"), null, null)))
                .isEqualTo("{\"raw_amount\":\"" + big + "\",\"price\":\"1000\"}");
        assertThat(text(new Amounts(null, new BigDecimal("1E-7"), null, null))).isEqualTo("{\"price\":\"0.0000001\"}");
    }

    @Test
    void bigNumbersAreReadFromNumbersOrStringsExactly() {
        final String big = BigInteger.ONE.shiftLeft(255).toString();
        final Amounts fromNumbers = Json.read(bytes("{\"raw_amount\":" + big + ",\"price\":0.1}"), Amounts.class);
        final Amounts fromStrings = Json.read(bytes("{\"raw_amount\":\"" + big + "\",\"price\":\"0.1\"}"), Amounts.class);
        assertThat(fromNumbers.rawAmount()).isEqualTo(new BigInteger(big)).isEqualTo(fromStrings.rawAmount());
        assertThat(fromNumbers.price()).isEqualTo(new BigDecimal("0.1")).isEqualTo(fromStrings.price());
    }

    @Test
    void treesKeepNumbersExact() {
        final JsonNode tree = Json.tree(bytes("{\"a\":115792089237316195423570985008687907853269984665640564039457584007913129639935,"
                + "\"b\":0.10000000000000000000001,\"c\":1.50}"));
        assertThat(tree.get("a").bigIntegerValue()).isEqualTo(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
        assertThat(tree.get("b").decimalValue()).isEqualTo(new BigDecimal("0.10000000000000000000001"));
        assertThat(tree.get("c").toString()).isEqualTo("1.50");
    }

    @Test
    void unknownPropertiesDoNotFail() {
        assertThat(Json.read(bytes("{\"block_number\":7,\"new_field\":[1]}"), Amounts.class).blockNumber()).isEqualTo(7L);
    }

    @Test
    void brokenJsonFailsWithOneClearExceptionType() {
        assertThatThrownBy(() -> Json.tree(bytes("{\"a\":1,\"a\":2}")))
                .isInstanceOf(JsonCodecException.class).hasMessageStartingWith("not valid JSON: Duplicate field 'a'");
        assertThatThrownBy(() -> Json.tree(bytes("{\"a\":1} {\"b\":2}")))
                .isInstanceOf(JsonCodecException.class).hasMessageStartingWith("not valid JSON: Trailing token");
        assertThatThrownBy(() -> Json.read(bytes("{\"block_number\":\"x\"}"), Amounts.class))
                .isInstanceOf(JsonCodecException.class).hasMessageStartingWith("cannot read Amounts from JSON: ");
        assertThatThrownBy(() -> Json.read(bytes("{\"detected_at\":null}"), ReorgEvent.class))
                .isInstanceOf(JsonCodecException.class);
    }

    @Test
    void writeAndReadAreInverse() {
        final Amounts amounts = new Amounts(new BigInteger("12345678901234567890123"), new BigDecimal("0.0500"), 1L, "x");
        assertThat(Json.read(Json.write(amounts), Amounts.class)).isEqualTo(amounts);
    }

    private static byte[] bytes(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(final Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }
}
