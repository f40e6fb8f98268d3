package dev.soba.streams.ingest.etl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.ingest.chain.ChainLink;
import dev.soba.streams.schemas.ItemType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One block's node answers to its ethereum-etl items, in two steps because tokens need calls to the
 * node in between: {@link #prepare} maps the block, its receipts and traces (checking that they all
 * belong to the same block: a node may switch branches between two calls), finds the created
 * contracts and names those to ask for token metadata; {@link Prepared#complete} adds the tokens.
 */
public final class BlockExport {

    private BlockExport() {
    }

    /** A block's items before its tokens are known. */
    public record Prepared(ChainLink link, ObjectNode block, List<ObjectNode> transactions, List<ObjectNode> logs,
                           List<ObjectNode> tokenTransfers, List<ObjectNode> traces, List<ObjectNode> contracts) {

        public Prepared {
            transactions = List.copyOf(transactions);
            logs = List.copyOf(logs);
            tokenTransfers = List.copyOf(tokenTransfers);
            traces = List.copyOf(traces);
            contracts = List.copyOf(contracts);
        }

        /** The created contracts ethereum-etl asks for token metadata (ERC-20 or ERC-721 by their selectors). */
        public List<String> tokenAddresses() {
            return contracts.stream().filter(EtlContracts::isToken).map(c -> c.path("address").asText()).distinct().toList();
        }

        /**
         * All items, stamped.
         *
         * @param tokens metadata by token address, for every address of {@link #tokenAddresses()}
         */
        public ExportedBlock complete(final Map<String, EtlTokens.TokenMetadata> tokens) {
            final List<EtlItem> items = new ArrayList<>();
            items.add(StreamItems.stamp(ItemType.BLOCK, block));
            transactions.forEach(t -> items.add(StreamItems.stamp(ItemType.TRANSACTION, t)));
            logs.forEach(l -> items.add(StreamItems.stamp(ItemType.LOG, l)));
            tokenTransfers.forEach(t -> items.add(StreamItems.stamp(ItemType.TOKEN_TRANSFER, t)));
            traces.forEach(t -> items.add(StreamItems.stamp(ItemType.TRACE, t)));
            contracts.forEach(c -> items.add(StreamItems.stamp(ItemType.CONTRACT, c)));
            for (final ObjectNode contract : contracts) {
                if (EtlContracts.isToken(contract)) {
                    final EtlTokens.TokenMetadata metadata = tokens.get(contract.path("address").asText());
                    if (metadata == null) {
                        throw new IllegalArgumentException("no token metadata for " + contract.path("address").asText());
                    }
                    items.add(StreamItems.stamp(ItemType.TOKEN, EtlTokens.item(contract, metadata)));
                }
            }
            return new ExportedBlock(link, items);
        }
    }

    /**
     * @param block        {@code eth_getBlockByNumber(n, true)}
     * @param receipts     the block's receipts ({@code eth_getBlockReceipts}, or one per transaction)
     * @param parityTraces {@code trace_block} (or geth's converted); empty for {@code --traces none}
     * @param createdCode  without traces: the code of each address created by a transaction (see
     *                     {@link EtlContracts#createdByTransactions}); ignored with traces
     * @throws NodeResponseException when the answers do not fit together
     */
    public static Prepared prepare(final JsonNode block, final List<JsonNode> receipts,
            final Optional<List<JsonNode>> parityTraces, final Map<String, String> createdCode) {
        final ChainLink link = link(block);
        final ObjectNode blockItem = EtlBlocks.block(block);
        final BigInteger timestamp = NodeJson.requiredQuantity(block, "timestamp");
        final Map<String, EtlReceipts.Receipt> receiptsByHash = new HashMap<>();
        for (final JsonNode json : receipts) {
            final EtlReceipts.Receipt receipt = EtlReceipts.receipt(json);
            if (!link.hash().equals(receipt.blockHash())) {
                throw new NodeResponseException("a receipt of block " + link.number() + " names block " + receipt.blockHash()
                        + ", not " + link.hash());
            }
            receiptsByHash.put(receipt.transactionHash(), receipt);
        }
        final List<JsonNode> blockTransactions = NodeJson.elements(block, "transactions");
        if (receiptsByHash.size() != blockTransactions.size()) {
            throw new NodeResponseException("block " + link.number() + " has " + blockTransactions.size()
                    + " transactions but " + receiptsByHash.size() + " receipts");
        }
        final List<ObjectNode> transactions = new ArrayList<>();
        final List<ObjectNode> logs = new ArrayList<>();
        final List<ObjectNode> transfers = new ArrayList<>();
        for (final JsonNode transaction : blockTransactions) {
            if (!transaction.isObject()) {
                throw new NodeResponseException("block " + link.number() + " lists transaction hashes, not transactions");
            }
            final EtlReceipts.Receipt receipt = receiptsByHash.get(NodeJson.hex(transaction, "hash"));
            if (receipt == null) {
                throw new NodeResponseException("no receipt for transaction " + NodeJson.hex(transaction, "hash"));
            }
            transactions.add(EtlBlocks.transaction(transaction, timestamp, receipt));
            for (final JsonNode log : receipt.logs()) {
                final ObjectNode logItem = EtlReceipts.log(log, timestamp, link.hash());
                logs.add(logItem);
                TokenTransfers.fromLog(logItem).ifPresent(transfers::add);
            }
        }
        final List<ObjectNode> traces = new ArrayList<>();
        if (parityTraces.isPresent()) {
            for (final JsonNode trace : parityTraces.get()) {
                final String traceBlock = NodeJson.hex(trace, "blockHash");
                if (traceBlock != null && !traceBlock.equals(link.hash())) {
                    throw new NodeResponseException("a trace of block " + link.number() + " names block " + traceBlock
                            + ", not " + link.hash());
                }
            }
            traces.addAll(EtlTraces.items(parityTraces.get(), timestamp, link.hash()));
        }
        final List<ObjectNode> contracts = parityTraces.isPresent()
                ? EtlContracts.fromTraces(traces)
                : EtlContracts.fromTransactions(transactions, createdCode);
        return new Prepared(link, blockItem, transactions, logs, transfers, traces, contracts);
    }

    /** The block's place in the chain, from {@code eth_getBlockByNumber}. */
    public static ChainLink link(final JsonNode block) {
        final String hash = NodeJson.hex(block, "hash");
        final String parentHash = NodeJson.hex(block, "parentHash");
        if (hash == null || parentHash == null) {
            throw new NodeResponseException("block without hash or parent hash (a pending block?): " + block.path("number"));
        }
        return new ChainLink(NodeJson.requiredQuantity(block, "number").longValueExact(), hash, parentHash);
    }
}
