package dev.soba.streams.ingest;

/** The ingester's figures over JMX ({@code dev.soba.streams:type=Ingest,key=<state key>}). */
public interface IngestMetricsMBean {

    long getHead();

    long getIngested();

    long getLag();

    long getBlocks();

    long getItems();

    long getReorgs();

    long getOrphanedBlocks();

    long getRpcRequests();

    long getRpcRetries();

    long getBlockRetries();
}
