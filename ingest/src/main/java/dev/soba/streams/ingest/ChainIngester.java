package dev.soba.streams.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.ingest.chain.ChainFollower;
import dev.soba.streams.ingest.chain.ChainLink;
import dev.soba.streams.ingest.etl.BlockExport;
import dev.soba.streams.ingest.etl.EtlContracts;
import dev.soba.streams.ingest.etl.EtlItem;
import dev.soba.streams.ingest.etl.EtlTokens;
import dev.soba.streams.ingest.etl.ExportedBlock;
import dev.soba.streams.ingest.etl.GethCallTraces;
import dev.soba.streams.ingest.etl.NodeJson;
import dev.soba.streams.ingest.etl.NodeResponseException;
import dev.soba.streams.ingest.etl.StreamItems;
import dev.soba.streams.ingest.rpc.EthNode;
import dev.soba.streams.ingest.rpc.JsonRpcClient;
import dev.soba.streams.schemas.ItemType;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live ingestion: follows the node's chain by hash ({@link ChainFollower}), exports each block as
 * ethereum-etl would ({@link BlockExport}) and writes a batch of blocks with its resume state in one
 * Kafka transaction ({@link ItemWriter}). A re-organisation is met block by block: the orphaned
 * block's height is fetched again until the chains meet, and the new branch is exported from there,
 * so the pipeline sees a new hash at known heights and retracts what it derived from the old ones.
 * Blocks not yet written when they turn out orphaned are never written.
 */
public final class ChainIngester implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChainIngester.class);
    private static final Duration BLOCK_RETRY_PAUSE = Duration.ofMillis(500);

    private final IngestSettings settings;
    private final JsonRpcClient rpc;
    private final EthNode node;
    private final long chainId;
    private final String stateKey;
    private final ItemWriter writer;
    private final IngestMetrics metrics;
    private final ChainFollower follower;
    private volatile boolean stopped;
    private boolean orphaning;

    private ChainIngester(final IngestSettings settings, final JsonRpcClient rpc, final EthNode node, final long chainId,
            final String stateKey, final ItemWriter writer, final IngestMetrics metrics, final ChainFollower follower) {
        this.settings = settings;
        this.rpc = rpc;
        this.node = node;
        this.chainId = chainId;
        this.stateKey = stateKey;
        this.writer = writer;
        this.metrics = metrics;
        this.follower = follower;
    }

    /**
     * Connects to the node and Kafka, creates missing topics, fences any earlier ingester with the same
     * state key and resumes from its committed state (or starts at {@link IngestSettings#startBlock()}).
     *
     * @throws IllegalStateException when a stored state belongs to another chain, or is given a start block
     */
    public static ChainIngester open(final IngestSettings settings) {
        final JsonRpcClient rpc = new JsonRpcClient(settings.rpcUrl(), settings.rate(), settings.backoff(),
                settings.maxAttempts(), settings.rpcTimeout());
        try {
            final EthNode node = new EthNode(rpc);
            final long chainId = node.chainId();
            final String stateKey = settings.stateKey().orElse("chain-" + chainId);
            ResumeStore.createTopics(settings.bootstrapServers(), settings.stateTopic(), List.of(
                    settings.topics().input(ItemType.BLOCK), settings.topics().input(ItemType.TRANSACTION),
                    settings.topics().input(ItemType.LOG), settings.topics().input(ItemType.TOKEN_TRANSFER),
                    settings.topics().input(ItemType.TRACE), settings.topics().input(ItemType.CONTRACT),
                    settings.topics().input(ItemType.TOKEN)));
            final ItemWriter writer = new ItemWriter(settings.bootstrapServers(), settings.topics(),
                    settings.stateTopic(), stateKey);
            try {
                final Optional<IngestState> state = ResumeStore.load(settings.bootstrapServers(), settings.stateTopic(),
                        stateKey);
                final IngestMetrics metrics = new IngestMetrics(rpc);
                final ChainFollower follower;
                if (state.isPresent()) {
                    if (state.get().chainId() != chainId) {
                        throw new IllegalStateException("the stored state '" + stateKey + "' is for chain "
                                + state.get().chainId() + ", the node is on chain " + chainId);
                    }
                    if (settings.startBlock().isPresent()) {
                        throw new IllegalStateException("state '" + stateKey + "' says block " + state.get().lastBlockNumber()
                                + " was ingested: resuming there; leave out --from-block (or give another --state-key"
                                + " to start afresh)");
                    }
                    follower = ChainFollower.resuming(state.get().recent(), settings.reorgDepth());
                    metrics.resumedAt(state.get().lastBlockNumber());
                    LOG.info("resuming after block {} ({})", state.get().lastBlockNumber(), state.get().lastBlockHash());
                } else {
                    final long confirmedHead = node.blockNumber() - settings.confirmations();
                    final long first = settings.startBlock().orElse(new StartBlock.Latest()).first(confirmedHead);
                    follower = ChainFollower.startingAt(first, settings.reorgDepth());
                    LOG.info("starting at block {}", first);
                }
                metrics.register(stateKey);
                return new ChainIngester(settings, rpc, node, chainId, stateKey, writer, metrics, follower);
            } catch (final RuntimeException e) {
                writer.close();
                throw e;
            }
        } catch (final RuntimeException e) {
            rpc.close();
            throw e;
        }
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    public String stateKey() {
        return stateKey;
    }

    public long chainId() {
        return chainId;
    }

    /** The next height to ingest. */
    public long next() {
        return follower.next();
    }

    /**
     * Runs until {@link #stop()} (or until the end block is ingested): catches up with the head, then polls
     * every {@code pollInterval}.
     */
    public void run() {
        while (!stopped && !finished()) {
            final int written = catchUp();
            if (written == 0 && !stopped && !finished()) {
                pause(settings.pollInterval());
            }
        }
    }

    /** Whether the end block (if any) is ingested. */
    public boolean finished() {
        return settings.endBlock().isPresent() && follower.next() > settings.endBlock().get();
    }

    /** Asks {@link #run()} to return after the current batch. */
    public void stop() {
        stopped = true;
    }

    /**
     * Ingests every block up to the head less the confirmations, batch by batch.
     *
     * @return the number of blocks written
     */
    public int catchUp() {
        final long head = node.blockNumber();
        metrics.head(head);
        final long target = Math.min(head - settings.confirmations(), settings.endBlock().orElse(Long.MAX_VALUE));
        int written = 0;
        while (!stopped && follower.next() <= target) {
            final int batch = batch(target);
            if (batch == 0 && follower.next() <= target) {
                // the node did not give the next block (a lagging backend behind a load balancer): try later
                break;
            }
            written += batch;
        }
        return written;
    }

    private int batch(final long target) {
        final List<ExportedBlock> pending = new ArrayList<>();
        while (!stopped && pending.size() < settings.batchBlocks() && follower.next() <= target) {
            final long number = follower.next();
            final Optional<JsonNode> block = node.block(number);
            if (block.isEmpty()) {
                break;
            }
            final ChainLink link = BlockExport.link(block.get());
            if (follower.continues(link)) {
                final Optional<ExportedBlock> exported = export(block.get(), link);
                if (exported.isEmpty()) {
                    // the node changed its answer between two calls: fetch the height again
                    metrics.blockRetried();
                    pause(BLOCK_RETRY_PAUSE);
                    continue;
                }
                if (orphaning && follower.last().isEmpty()) {
                    LOG.warn("re-organisation deeper than {} blocks: continuing at block {} without ancestry check",
                            settings.reorgDepth(), link.number());
                }
                follower.offer(link);
                orphaning = false;
                pending.add(exported.get());
            } else {
                final ChainFollower.Decision decision = follower.offer(link);
                if (decision instanceof ChainFollower.Decision.Orphaned orphaned) {
                    final boolean unwritten = !pending.isEmpty()
                            && pending.get(pending.size() - 1).link().equals(orphaned.orphaned());
                    if (unwritten) {
                        pending.remove(pending.size() - 1);
                    }
                    metrics.orphaned(!orphaning);
                    orphaning = true;
                    LOG.info("re-organisation: block {} {} is orphaned ({}); the node has {} there",
                            orphaned.orphaned().number(), orphaned.orphaned().hash(),
                            unwritten ? "not yet written" : "written before", orphaned.newer().hash());
                }
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        final List<EtlItem> items = StreamItems.batchOrder(pending);
        writer.write(items, IngestState.of(chainId, follower.recent(), System.currentTimeMillis()));
        final Map<ItemType, Long> counts = new EnumMap<>(ItemType.class);
        items.forEach(item -> counts.merge(item.type(), 1L, Long::sum));
        metrics.committed(pending.get(pending.size() - 1).link().number(), pending.size(), counts);
        return pending.size();
    }

    /** One block's items; empty when the node's answers did not fit together (a switch of branch meanwhile). */
    private Optional<ExportedBlock> export(final JsonNode block, final ChainLink link) {
        try {
            final List<JsonNode> receipts = node.receipts(block);
            final Optional<List<JsonNode>> traces = switch (settings.traces()) {
                case PARITY -> Optional.of(node.parityTraces(link.number()));
                case GETH -> Optional.of(GethCallTraces.toParity(BigInteger.valueOf(link.number()), link.hash(),
                        NodeJson.elements(block, "transactions").stream().map(t -> NodeJson.hex(t, "hash")).toList(),
                        node.gethCallTraces(link.hash())));
                case NONE -> Optional.empty();
            };
            final Map<String, String> createdCode = new HashMap<>();
            if (traces.isEmpty()) {
                final BlockExport.Prepared receiptsOnly = BlockExport.prepare(block, receipts, traces, Map.of());
                for (final String address : EtlContracts.createdByTransactions(receiptsOnly.transactions())) {
                    createdCode.put(address, node.code(address, link.hash(), link.number()));
                }
            }
            final BlockExport.Prepared prepared = BlockExport.prepare(block, receipts, traces, createdCode);
            final Map<String, EtlTokens.TokenMetadata> tokens = new LinkedHashMap<>();
            for (final String token : prepared.tokenAddresses()) {
                tokens.put(token, EtlTokens.read(selector -> node.call(token, selector, link.hash(), link.number())));
            }
            return Optional.of(prepared.complete(tokens));
        } catch (final NodeResponseException e) {
            LOG.warn("block {} {}: {}; fetching it again", link.number(), link.hash(), e.getMessage());
            return Optional.empty();
        }
    }

    private void pause(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    @Override
    public void close() {
        metrics.unregister();
        try {
            writer.close();
        } finally {
            rpc.close();
        }
    }
}
