package dev.soba.streams.api.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdRulesTest {

    @Test
    void onlyShortVisibleAsciiIdsAreKept() {
        assertThat(RequestId.accept("abc-123_XYZ:./=")).isEqualTo("abc-123_XYZ:./=");
        assertThat(RequestId.accept("x".repeat(128))).hasSize(128);
        for (final String insane : new String[] {null, "", "x".repeat(129), "a b", "a\u0000b", "a\r\nSet-Cookie: x", "café"}) {
            assertThat(RequestId.accept(insane)).as(String.valueOf(insane)).hasSize(36).contains("-");
        }
    }
}
