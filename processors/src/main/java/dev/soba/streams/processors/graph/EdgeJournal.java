package dev.soba.streams.processors.graph;

import java.util.List;

/** The edges of the last few (re-organisable) blocks, so that an orphaned block's edges can be withdrawn. */
public interface EdgeJournal {

    void record(GraphEdge edge);

    /** Removes and returns every edge recorded for the block {@code number}/{@code blockHash}. */
    List<GraphEdge> take(long number, String blockHash);
}
