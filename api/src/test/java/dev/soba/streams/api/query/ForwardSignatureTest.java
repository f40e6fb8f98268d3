package dev.soba.streams.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardSignatureTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final ForwardSignature signer = new ForwardSignature(Optional.of("cluster secret"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignatureHoldsForTheSameRequestOnly() {
        final String signature = signer.sign("GET", "/api/v1/blocks/1?x=1", "Bearer k1").orElseThrow();
        assertThat(signer.verify(signature, "GET", "/api/v1/blocks/1?x=1", "Bearer k1")).isTrue();
        assertThat(signer.verify(signature, "POST", "/api/v1/blocks/1?x=1", "Bearer k1")).isFalse();
        assertThat(signer.verify(signature, "GET", "/api/v1/blocks/2?x=1", "Bearer k1")).isFalse();
        assertThat(signer.verify(signature, "GET", "/api/v1/blocks/1?x=1", "Bearer k2")).isFalse();
    }

    @Test
    void anotherSecretAForgeryOrAnOldSignatureIsRefused() {
        final String signature = signer.sign("GET", "/p", "Bearer k").orElseThrow();
        final ForwardSignature other = new ForwardSignature(Optional.of("another"), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(other.verify(signature, "GET", "/p", "Bearer k")).isFalse();
        assertThat(signer.verify("soba", "GET", "/p", "Bearer k")).isFalse();
        assertThat(signer.verify(NOW.getEpochSecond() + ".00", "GET", "/p", "Bearer k")).isFalse();
        assertThat(signer.verify(null, "GET", "/p", "Bearer k")).isFalse();
        final ForwardSignature later = new ForwardSignature(Optional.of("cluster secret"),
                Clock.fixed(NOW.plus(Duration.ofSeconds(ForwardSignature.MAX_AGE_SECONDS + 1)), ZoneOffset.UTC));
        assertThat(later.verify(signature, "GET", "/p", "Bearer k")).isFalse();
    }

    @Test
    void withoutASecretNothingIsSignedOrAccepted() {
        final ForwardSignature none = new ForwardSignature(Optional.empty(), Clock.systemUTC());
        assertThat(none.enabled()).isFalse();
        assertThat(none.sign("GET", "/p", "Bearer k")).isEmpty();
        assertThat(none.verify(signer.sign("GET", "/p", "Bearer k").orElseThrow(), "GET", "/p", "Bearer k")).isFalse();
    }
}
