package dev.soba.streams.processors.graph;

import java.util.Optional;

/**
 * What a transaction-graph request asks: the graph around {@code root} up to {@code depth} hops,
 * at most {@code limit} nodes, with the edges active in [{@code fromBlock}, {@code toBlock}] and,
 * when given, moving {@code token} ({@value GraphEdge#ETH} or a token contract).
 */
public record GraphQuery(String root, int depth, int limit, long fromBlock, long toBlock, Optional<String> token) {

    public static final int MAX_DEPTH = 3;
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public GraphQuery {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be 1.." + MAX_DEPTH + ", got " + depth);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }
}
