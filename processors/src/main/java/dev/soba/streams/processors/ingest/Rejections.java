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
