package dev.soba.streams.processors.ingest;

import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.RejectedRecord;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.schemas.Violation;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Parses and checks every raw record of one input topic. The source reads plain bytes, so a
 * record that is not even JSON reaches this processor and becomes a rejection instead of a
 * deserialisation failure that would stop the stream thread.
 */
public final class ValidationProcessor implements Processor<byte[], byte[], String, IngestResult> {

    private static final List<Violation> NULL_VALUE = List.of(new Violation("", "empty record (null value)"));

    private final Optional<ItemType> topicType;
    private ProcessorContext<String, IngestResult> context;
    private Sensor rejected;

    public ValidationProcessor(final ItemType topicType) {
        this.topicType = Optional.of(topicType);
    }

    @Override
    public void init(final ProcessorContext<String, IngestResult> context) {
        this.context = context;
        this.rejected = PipelineCounters.counter(context, PipelineCounters.REJECTED);
    }

    @Override
    public void process(final Record<byte[], byte[]> record) {
        final byte[] value = record.value();
        final Validated<Item> parsed;
        final String key;
        try {
            parsed = value == null ? new Validated.Invalid<>(NULL_VALUE) : ItemParser.parse(value, topicType);
            key = parsed instanceof Validated.Valid<Item> valid ? PartitionKeys.of(valid.value()) : null;
        } catch (final RuntimeException e) {
            // The catch-all: a record the checks themselves fail on is still a rejected record with its reason.
            reject(record, Rejections.unexpected(e));
            return;
        }
        if (parsed instanceof Validated.Valid<Item> valid) {
            context.forward(record.withKey(key).withValue(new IngestResult.Accepted(valid.value())));
            return;
        }
        reject(record, ((Validated.Invalid<Item>) parsed).violations());
    }

    private void reject(final Record<byte[], byte[]> record, final List<Violation> violations) {
        final RejectedRecord rejection = Rejections.of(context, violations, record.value());
        rejected.record();
        context.forward(record.withKey(rejection.sourceTopic()).withValue(new IngestResult.Rejected(rejection)));
    }
}
