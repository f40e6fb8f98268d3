package dev.soba.streams.processors.market;

import dev.soba.streams.processors.ingest.PipelineCounters;
import dev.soba.streams.processors.ingest.Rejections;
import dev.soba.streams.schemas.RejectedRecord;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.schemas.Violation;
import dev.soba.streams.schemas.market.Candle;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Reads the market_candles input (bytes) into candles keyed by pair, rejecting what is not a candle. */
public final class CandleImportProcessor implements Processor<byte[], byte[], String, CandleImportProcessor.Result> {

    private static final List<Violation> NULL_VALUE = List.of(new Violation("", "empty record (null value)"));

    private ProcessorContext<String, Result> context;
    private Sensor rejected;

    /** An imported candle for the candle processor, or the reason it was set aside. */
    public sealed interface Result {
        record Accepted(Candle candle) implements Result {
        }

        record Rejected(RejectedRecord rejection) implements Result {
        }
    }

    @Override
    public void init(final ProcessorContext<String, Result> context) {
        this.context = context;
        this.rejected = PipelineCounters.counter(context, PipelineCounters.REJECTED);
    }

    @Override
    public void process(final Record<byte[], byte[]> record) {
        Validated<Candle> parsed;
        try {
            parsed = record.value() == null ? new Validated.Invalid<>(NULL_VALUE) : ImportedCandles.parse(record.value());
        } catch (final RuntimeException e) {
            // The catch-all: a record the checks themselves fail on is still a rejected record with its reason.
            parsed = new Validated.Invalid<>(Rejections.unexpected(e));
        }
        if (parsed instanceof Validated.Valid<Candle> valid) {
            context.forward(record.withKey(valid.value().pair()).withValue(new Result.Accepted(valid.value())));
            return;
        }
        final RejectedRecord rejection = Rejections.of(context, ((Validated.Invalid<Candle>) parsed).violations(), record.value());
        rejected.record();
        context.forward(record.withKey(rejection.sourceTopic()).withValue(new Result.Rejected(rejection)));
    }
}
