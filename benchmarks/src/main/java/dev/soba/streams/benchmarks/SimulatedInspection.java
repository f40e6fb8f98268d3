package dev.soba.streams.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.processors.mev.BlockAnalysis;
import dev.soba.streams.processors.mev.BlockInput;
import dev.soba.streams.processors.mev.MevInspector;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.Trace;
import dev.soba.streams.schemas.Transaction;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.simulator.ConstantProductPair;
import dev.soba.streams.simulator.SyntheticBlock;
import dev.soba.streams.simulator.SyntheticPools;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A synthetic block through the MEV inspector directly, without a broker: its items are checked by
 * the pipeline's own validator and inspected from their traces, or from their logs with the pools'
 * registry entries as the stream would when a node serves no traces.
 */
public final class SimulatedInspection {

    private SimulatedInspection() {
    }

    /** The block as the stream inspects it when its traces came: traces and transactions. */
    public static BlockAnalysis fromTraces(final SyntheticBlock block) {
        final List<Trace> traces = new ArrayList<>();
        final List<Transaction> transactions = new ArrayList<>();
        for (final ObjectNode node : block.allItems()) {
            final Item item = parse(node);
            if (item instanceof Trace trace) {
                traces.add(trace);
            } else if (item instanceof Transaction transaction) {
                transactions.add(transaction);
            }
        }
        return MevInspector.standard().inspect(BlockInput.ofTraces(block.number(), traces, transactions));
    }

    /** The block as the stream inspects it without traces: its Swap, Sync and Transfer logs and the pools. */
    public static BlockAnalysis fromLogs(final SyntheticBlock block, final List<ConstantProductPair> pools) {
        final List<LogItem> logs = new ArrayList<>();
        for (final ObjectNode node : block.logs()) {
            logs.add((LogItem) parse(node));
        }
        final Map<String, PoolInfo> registry = new HashMap<>();
        pools.forEach(pool -> registry.put(pool.address(), SyntheticPools.poolInfo(pool)));
        return MevInspector.standard().inspect(BlockInput.ofLogs(block.number(), logs, registry));
    }

    /** An item through the pipeline's validator; a synthetic item it refuses is a bug of the simulator. */
    static Item parse(final ObjectNode node) {
        final Validated<Item> validated = ItemParser.parse(node, Optional.empty());
        if (validated instanceof Validated.Invalid<Item> invalid) {
            throw new IllegalStateException("the validator refuses a synthetic item: " + invalid.violations()
                    + " in " + node);
        }
        return ((Validated.Valid<Item>) validated).value();
    }
}
