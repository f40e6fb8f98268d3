package dev.soba.streams.topology;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: invalid input is already turned into rejected-records entries by the
 * validation processors, so an exception reaching Kafka Streams is a defect on an unexpected
 * record. It is logged with its source coordinates and counted, and the stream keeps running —
 * one bad record must never stop the pipeline for everyone.
 */
public final class LogAndContinueProcessingHandler implements ProcessingExceptionHandler, DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LogAndContinueProcessingHandler.class);
    private static final AtomicLong FAILURES = new AtomicLong();

    /** How many records failed unexpectedly since start (exported as a metric by the application). */
    public static long failures() {
        return FAILURES.get();
    }

    @Override
    public ProcessingHandlerResponse handle(final ErrorHandlerContext context, final Record<?, ?> record, final Exception exception) {
        FAILURES.incrementAndGet();
        LOG.error("processing failed in {} for record from {}-{}@{}; skipping it",
                context.processorNodeId(), context.topic(), context.partition(), context.offset(), exception);
        return ProcessingHandlerResponse.CONTINUE;
    }

    @Override
    public DeserializationHandlerResponse handle(final ErrorHandlerContext context, final ConsumerRecord<byte[], byte[]> record, final Exception exception) {
        FAILURES.incrementAndGet();
        LOG.error("could not deserialise record {}-{}@{}; skipping it", record.topic(), record.partition(), record.offset(), exception);
        return DeserializationHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(final Map<String, ?> configs) {
        // nothing to configure
    }
}
