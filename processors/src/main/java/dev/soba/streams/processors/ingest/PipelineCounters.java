package dev.soba.streams.processors.ingest;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * Counters of what the pipeline set aside, as Kafka Streams sensors: they appear in
 * {@code KafkaStreams#metrics()} (group {@code stream-soba-pipeline-metrics}) and from there in
 * the Prometheus metrics, as {@code <name>-total} and {@code <name>-rate}.
 */
public final class PipelineCounters {

    public static final String SCOPE = "soba-pipeline";
    public static final String REJECTED = "records-rejected";
    public static final String DUPLICATES = "duplicates-dropped";
    public static final String ORPHANED = "orphaned-items";
    public static final String REORGS = "reorgs-detected";
    public static final String LATE_TRADES = "late-trades";
    public static final String SWAPS_DECODED = "swaps-decoded";
    public static final String TRADES_AGGREGATED = "trades-aggregated";
    /** Candles of windows that were final already, corrected by later input (history, a backfill, a catch-up). */
    public static final String CANDLE_CORRECTIONS = "candle-corrections";
    /** Items for a block whose MEV assembly was analysed and let go (its published findings stand). */
    public static final String MEV_ITEMS_TOO_LATE = "mev-items-too-late";
    /** MEV assemblies let go because too many were open, before they were complete and quiet. */
    public static final String MEV_BLOCKS_FORCED_OUT = "mev-blocks-forced-out";
    /** Blocks whose MEV inspection failed (their previous findings stand). */
    public static final String MEV_BLOCKS_FAILED = "mev-blocks-failed";

    private PipelineCounters() {
    }

    /** A counter for one task of this instance; Kafka Streams scopes sensors per stream thread. */
    public static Sensor counter(final ProcessingContext context, final String name) {
        return context.metrics().addRateTotalSensor(SCOPE, "task-" + context.taskId(), name,
                Sensor.RecordingLevel.INFO);
    }
}
