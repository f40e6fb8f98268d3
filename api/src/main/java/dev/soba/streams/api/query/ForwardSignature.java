package dev.soba.streams.api.query;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that a request was forwarded by another instance of this cluster, so that the owner does
 * not charge the caller's rate limit a second time. An HMAC-SHA256, under the secret the instances
 * share ({@code soba.query.forward-secret}), of the method, path and query, the caller's
 * credentials and the time; valid for {@link #MAX_AGE_SECONDS}. Without a secret nothing is signed
 * and a forwarded request is counted on both instances.
 */
public final class ForwardSignature {

    public static final String HEADER = "X-Soba-Forward-Signature";
    static final long MAX_AGE_SECONDS = 30;
    private static final String ALGORITHM = "HmacSHA256";

    private final Optional<SecretKeySpec> key;
    private final Clock clock;

    public ForwardSignature(final Optional<String> secret, final Clock clock) {
        this.key = secret.filter(s -> !s.isBlank())
                .map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        this.clock = clock;
    }

    public boolean enabled() {
        return key.isPresent();
    }

    /** The header value for a request about to be forwarded, if a secret is configured. */
    public Optional<String> sign(final String method, final String pathAndQuery, final String authorization) {
        final long now = clock.instant().getEpochSecond();
        return key.map(k -> now + "." + mac(k, method, pathAndQuery, authorization, now));
    }

    /** Whether {@code header} was made by an instance holding the secret for this very request, recently. */
    public boolean verify(final String header, final String method, final String pathAndQuery, final String authorization) {
        if (key.isEmpty() || header == null) {
            return false;
        }
        final int dot = header.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        final long signedAt;
        try {
            signedAt = Long.parseLong(header.substring(0, dot));
        } catch (final NumberFormatException e) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - signedAt) > MAX_AGE_SECONDS) {
            return false;
        }
        final String expected = mac(key.get(), method, pathAndQuery, authorization, signedAt);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                header.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(final SecretKeySpec key, final String method, final String pathAndQuery,
                              final String authorization, final long at) {
        try {
            final Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            final String message = method + "\n" + pathAndQuery + "\n" + (authorization == null ? "" : authorization) + "\n" + at;
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
