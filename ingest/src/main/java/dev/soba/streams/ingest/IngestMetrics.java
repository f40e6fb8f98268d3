package dev.soba.streams.ingest;

import dev.soba.streams.ingest.rpc.JsonRpcClient;
import dev.soba.streams.schemas.ItemType;
import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What the ingester has done: the node's head, the last ingested (committed) block and the lag
 * between them, blocks and items written, re-organisations, RPC requests and retries. Readable as
 * a progress line and over JMX.
 */
public final class IngestMetrics implements IngestMetricsMBean {

    private final AtomicLong head = new AtomicLong(-1);
    private final AtomicLong ingested = new AtomicLong(-1);
    private final AtomicLong blocks = new AtomicLong();
    private final AtomicLong reorgs = new AtomicLong();
    private final AtomicLong orphaned = new AtomicLong();
    private final AtomicLong blockRetries = new AtomicLong();
    private final Map<ItemType, AtomicLong> items = new EnumMap<>(ItemType.class);
    private final JsonRpcClient rpc;
    private final long started = System.nanoTime();
    private ObjectName registered;

    public IngestMetrics(final JsonRpcClient rpc) {
        this.rpc = rpc;
        for (final ItemType type : ItemType.values()) {
            items.put(type, new AtomicLong());
        }
    }

    void head(final long number) {
        head.set(number);
    }

    void committed(final long lastBlock, final int blockCount, final Map<ItemType, Long> itemCounts) {
        ingested.set(lastBlock);
        blocks.addAndGet(blockCount);
        itemCounts.forEach((type, count) -> items.get(type).addAndGet(count));
    }

    void resumedAt(final long lastBlock) {
        ingested.set(lastBlock);
    }

    void orphaned(final boolean newReorg) {
        orphaned.incrementAndGet();
        if (newReorg) {
            reorgs.incrementAndGet();
        }
    }

    void blockRetried() {
        blockRetries.incrementAndGet();
    }

    @Override
    public long getHead() {
        return head.get();
    }

    @Override
    public long getIngested() {
        return ingested.get();
    }

    @Override
    public long getLag() {
        return head.get() < 0 || ingested.get() < 0 ? -1 : Math.max(0, head.get() - ingested.get());
    }

    @Override
    public long getBlocks() {
        return blocks.get();
    }

    @Override
    public long getItems() {
        return items.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long items(final ItemType type) {
        return items.get(type).get();
    }

    @Override
    public long getReorgs() {
        return reorgs.get();
    }

    @Override
    public long getOrphanedBlocks() {
        return orphaned.get();
    }

    @Override
    public long getRpcRequests() {
        return rpc.requests();
    }

    @Override
    public long getRpcRetries() {
        return rpc.retries();
    }

    @Override
    public long getBlockRetries() {
        return blockRetries.get();
    }

    /** One line for the terminal or the log. */
    public String progressLine() {
        final double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        final String line = String.format("ingest head %,d  ingested %,d  lag %,d  |  %,d blocks %,.1f/s  %,d items %,.0f/s"
                        + "  |  reorgs %d (%d blocks orphaned)  |  rpc %,d (%,.1f/s) retries %d",
                getHead(), getIngested(), getLag(), getBlocks(), getBlocks() / seconds, getItems(), getItems() / seconds,
                getReorgs(), getOrphanedBlocks(), getRpcRequests(), getRpcRequests() / seconds, getRpcRetries());
        return rpc.lastFailure().isEmpty() ? line : line + " (last: " + rpc.lastFailure() + ")";
    }

    /** Registers on the platform MBean server; a second ingester with the same key in this JVM is not registered. */
    void register(final String stateKey) {
        try {
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            final ObjectName name = new ObjectName("dev.soba.streams:type=Ingest,key=" + ObjectName.quote(stateKey));
            if (!server.isRegistered(name)) {
                server.registerMBean(this, name);
                registered = name;
            }
        } catch (final JMException e) {
            // metrics over JMX are a convenience; the progress line still works
        }
    }

    void unregister() {
        if (registered != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
            } catch (final JMException ignored) {
                // already gone
            }
        }
    }
}
