package dev.soba.streams.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The value of the rejected-records topic: why a record was set aside, and everything needed to
 * find, fix and re-send it.
 *
 * @param reason          the headline reason (the first violation's reason)
 * @param field           the failing field of the headline violation (empty for the whole record)
 * @param violations      every broken rule
 * @param sourceTopic     where the record was read from
 * @param sourcePartition its partition
 * @param sourceOffset    its offset
 * @param originalText    the original bytes as UTF-8 text, when they are valid text
 * @param originalBase64  the original bytes in base64, when they are not valid text
 * @param rejectedAt      epoch millis of the rejection
 */
public record RejectedRecord(
        String reason,
        String field,
        List<Violation> violations,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        String originalText,
        String originalBase64,
        long rejectedAt) {

    public RejectedRecord {
        violations = List.copyOf(violations);
    }

    public static RejectedRecord of(
            final List<Violation> violations,
            final String sourceTopic,
            final int sourcePartition,
            final long sourceOffset,
            final byte[] original,
            final long rejectedAt) {
        final Violation first = violations.get(0);
        final String text = original == null ? null : asText(original);
        final String base64 = original != null && text == null ? Base64.getEncoder().encodeToString(original) : null;
        return new RejectedRecord(first.reason(), first.field(), violations, sourceTopic, sourcePartition,
                sourceOffset, text, base64, rejectedAt);
    }

    private static String asText(final byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (final CharacterCodingException notText) {
            return null;
        }
    }
}
