package dev.soba.streams.api.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One synthetic block as ethereum-etl's stream items, grouped by the topic each goes to. */
public record SyntheticBlock(ObjectNode block, List<ObjectNode> transactions, List<ObjectNode> logs,
                             List<ObjectNode> tokenTransfers) {

    public SyntheticBlock {
        transactions = List.copyOf(transactions);
        logs = List.copyOf(logs);
        tokenTransfers = List.copyOf(tokenTransfers);
    }

    public long number() {
        return block.get("number").asLong();
    }

    public String hash() {
        return block.get("hash").asText();
    }

    /** Every item in the order ethereum-etl's exporter sends them: block, transactions, logs, token transfers. */
    public List<ObjectNode> allItems() {
        final List<ObjectNode> items = new ArrayList<>(1 + transactions.size() + logs.size() + tokenTransfers.size());
        items.add(block);
        items.addAll(transactions);
        items.addAll(logs);
        items.addAll(tokenTransfers);
        return List.copyOf(items);
    }
}
