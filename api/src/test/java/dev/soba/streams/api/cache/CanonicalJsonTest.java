package dev.soba.streams.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.schemas.Json;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String hash(final String json) throws Exception {
        return CanonicalJson.sha256(Json.mapper().readTree(json));
    }

    @Test
    void memberOrderAndSpacingDoNotChangeTheHash() throws Exception {
        assertThat(hash("{\"a\": 1, \"b\": {\"y\": [1, 2], \"x\": null}}"))
                .isEqualTo(hash("{\"b\":{\"x\":null,\"y\":[1,2]},\"a\":1}"))
                .hasSize(64);
    }

    @Test
    void valuesArrayOrderAndBigNumbersDo() throws Exception {
        assertThat(hash("{\"a\": 1}")).isNotEqualTo(hash("{\"a\": 2}"));
        assertThat(hash("{\"a\": [1, 2]}")).isNotEqualTo(hash("{\"a\": [2, 1]}"));
        assertThat(hash("{\"a\": \"1\"}")).isNotEqualTo(hash("{\"a\": 1}"));
        assertThat(hash("{\"v\": 115792089237316195423570985008687907853269984665640564039457584007913129639935}"))
                .isNotEqualTo(hash("{\"v\": 115792089237316195423570985008687907853269984665640564039457584007913129639934}"));
    }

    @Test
    void theHashIsSha256OfTheCanonicalText() throws Exception {
        // sha256 of {"a":1,"b":2}
        assertThat(hash("{\"b\": 2, \"a\": 1}")).isEqualTo("43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777");
    }
}
