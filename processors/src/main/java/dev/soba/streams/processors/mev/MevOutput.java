package dev.soba.streams.processors.mev;

import dev.soba.streams.schemas.mev.MevFinding;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One finding as the stream publishes it, with what it means for a consumer that keeps a block's
 * findings: {@link Status#NEW} and {@link Status#CORRECTION} add it, {@link Status#RETRACTION} removes
 * it. A correction is always preceded by the retraction of the block's previous set, so applying the
 * records in order leaves exactly the block's current findings. On the topic the value is the plain
 * finding (the one finding format) and the status travels in the {@value #STATUS_HEADER} header.
 */
public record MevOutput(MevFinding finding, Status status) {

    /** Header of every MEV alert record: {@code new}, {@code correction} or {@code retraction}. */
    public static final String STATUS_HEADER = "soba-mev-status";

    public enum Status {
        /** The block's first analysis. */
        NEW("new"),
        /** A re-analysis after late items: the block's whole current set, after the old set was retracted. */
        CORRECTION("correction"),
        /** Withdrawn: the block was re-organised away, or the finding is replaced by a correction. */
        RETRACTION("retraction");

        private final String wireName;

        Status(final String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** The headers to publish this output with. */
    public Headers headers() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add(STATUS_HEADER, status.wireName().getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
