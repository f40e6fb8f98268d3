package dev.soba.streams.processors.ingest;

import dev.soba.streams.schemas.RejectedRecord;
import dev.soba.streams.schemas.Violation;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** A rejected-records entry for the record being processed: its reasons, bytes and source coordinates. */
public final class Rejections {

    private Rejections() {
    }

    /**
     * The reason for a record that a check threw on instead of answering: a defect of the check,
     * named with the exception so that it can be fixed, and the record kept with its bytes.
     */
    public static List<Violation> unexpected(final RuntimeException e) {
        final String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        final String reason = "could not be checked (" + e.getClass().getSimpleName()
                + (message.isEmpty() ? "" : ": " + message) + ")";
        return List.of(new Violation("", reason.length() <= 300 ? reason : reason.substring(0, 296) + "...)"));
    }

    public static RejectedRecord of(final ProcessingContext context, final List<Violation> violations, final byte[] original) {
        final Optional<RecordMetadata> source = context.recordMetadata();
        return RejectedRecord.of(
                violations,
                source.map(RecordMetadata::topic).orElse(""),
                source.map(RecordMetadata::partition).orElse(-1),
                source.map(RecordMetadata::offset).orElse(-1L),
                original,
                System.currentTimeMillis());
    }
}
