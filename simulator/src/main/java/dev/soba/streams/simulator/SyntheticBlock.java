package dev.soba.streams.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One synthetic block as ethereum-etl's stream items, grouped by the topic each goes to, with what
 * the market scenario adds beside the chain: exchange trades during the block's slot and the ground
 * truth of what its actors injected.
 *
 * @param traces      ethereum-etl trace items (empty for the plain chain)
 * @param ticks       exchange trades, the {@code market_ticks} contract, in time order (empty for the plain chain)
 * @param groundTruth one record per sandwich, arbitrage and phishing-drain sweep injected in this block
 */
public record SyntheticBlock(ObjectNode block, List<ObjectNode> transactions, List<ObjectNode> logs,
                             List<ObjectNode> tokenTransfers, List<ObjectNode> traces, List<ObjectNode> ticks,
                             List<GroundTruth> groundTruth) {

    public SyntheticBlock {
        transactions = List.copyOf(transactions);
        logs = List.copyOf(logs);
        tokenTransfers = List.copyOf(tokenTransfers);
        traces = List.copyOf(traces);
        ticks = List.copyOf(ticks);
        groundTruth = List.copyOf(groundTruth);
    }

    public SyntheticBlock(final ObjectNode block, final List<ObjectNode> transactions, final List<ObjectNode> logs,
                          final List<ObjectNode> tokenTransfers) {
        this(block, transactions, logs, tokenTransfers, List.of(), List.of(), List.of());
    }

    public long number() {
        return block.get("number").asLong();
    }

    public String hash() {
        return block.get("hash").asText();
    }

    /**
     * Every ethereum-etl item in the order its exporter sends them: block, transactions, logs, token
     * transfers, traces. (Ticks and ground truth are not chain items; they have topics of their own.)
     */
    public List<ObjectNode> allItems() {
        final List<ObjectNode> items = new ArrayList<>(1 + transactions.size() + logs.size() + tokenTransfers.size()
                + traces.size());
        items.add(block);
        items.addAll(transactions);
        items.addAll(logs);
        items.addAll(tokenTransfers);
        items.addAll(traces);
        return List.copyOf(items);
    }
}
