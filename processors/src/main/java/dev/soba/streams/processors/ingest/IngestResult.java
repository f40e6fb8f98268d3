package dev.soba.streams.processors.ingest;

import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.RejectedRecord;

/** What validation makes of one input record: a typed item, or a rejection with its reason. */
public sealed interface IngestResult {

    record Accepted(Item item) implements IngestResult {
    }

    record Rejected(RejectedRecord rejection) implements IngestResult {
    }
}
