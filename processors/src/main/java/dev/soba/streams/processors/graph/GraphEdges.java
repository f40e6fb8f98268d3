package dev.soba.streams.processors.graph;

import dev.soba.streams.processors.chain.ChainEvent;
import dev.soba.streams.schemas.Contract;
import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.TokenTransfer;
import dev.soba.streams.schemas.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the canonical chain into counterparty changes for both ends of every edge: a
 * transaction's ether and every token transfer. Each edge is journalled with its block, and when
 * a re-organisation replaces that block its edges are retracted from both ends. A token transfer
 * of an orphaned block is retracted even when its transaction never arrived.
 */
public final class GraphEdges {

    /** keccak256("Approval(address,address,uint256)"), shared by ERC-20 and ERC-721. */
    public static final String APPROVAL_TOPIC = "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925";
    private static final String ZERO_ADDRESS = "0x" + "0".repeat(40);

    private final EdgeJournal journal;

    public GraphEdges(final EdgeJournal journal) {
        this.journal = journal;
    }

    public List<AddressedChange> accept(final ChainEvent event) {
        if (event instanceof ChainEvent.Canonical canonical) {
            if (canonical.item() instanceof Transaction tx) {
                return transaction(tx);
            }
            if (canonical.item() instanceof TokenTransfer transfer) {
                return added(edgeOf(transfer));
            }
            if (canonical.item() instanceof LogItem log) {
                return approvalOf(log).map(this::added).orElse(List.of());
            }
            if (canonical.item() instanceof Contract contract) {
                return List.of(new AddressedChange(lower(contract.address()), CounterpartyChange.contract()));
            }
            return List.of();
        }
        if (event instanceof ChainEvent.Reorganised reorganised) {
            final List<AddressedChange> changes = new ArrayList<>();
            for (final GraphEdge edge : journal.take(reorganised.reorg().blockNumber(), reorganised.reorg().oldHash())) {
                changes.addAll(both(edge, CounterpartyChange.retract(edge)));
            }
            return changes;
        }
        return List.of();
    }

    private List<AddressedChange> transaction(final Transaction tx) {
        if (tx.blockNumber() == null || tx.blockHash() == null) {
            return List.of();
        }
        final List<AddressedChange> changes = new ArrayList<>(3);
        final String created = lower(tx.receiptContractAddress());
        final String to = tx.toAddress() != null ? lower(tx.toAddress()) : created;
        if (created != null && tx.toAddress() == null) {
            changes.add(new AddressedChange(created, CounterpartyChange.contract()));
        }
        if (to != null) {
            changes.addAll(added(GraphEdge.transfer(lower(tx.hash()), -1, tx.blockNumber(), lower(tx.blockHash()),
                    lower(tx.fromAddress()), to, GraphEdge.ETH, tx.value() == null ? BigInteger.ZERO : tx.value())));
        }
        return changes;
    }

    /** An ERC-20 ({@code Approval(owner, spender, value)}) or ERC-721 ({@code Approval(owner, approved, tokenId)}) log. */
    static Optional<GraphEdge> approvalOf(final LogItem log) {
        final List<String> topics = log.topics();
        if (topics == null || topics.size() < 3 || !APPROVAL_TOPIC.equalsIgnoreCase(topics.get(0))
                || log.blockNumber() == null || log.blockHash() == null || log.transactionHash() == null) {
            return Optional.empty();
        }
        final String owner = topicAddress(topics.get(1));
        final String spender = topicAddress(topics.get(2));
        if (owner == null || spender == null || ZERO_ADDRESS.equals(spender)) {
            // approving the zero address is how an approval is cleared (ERC-721)
            return Optional.empty();
        }
        return Optional.of(new GraphEdge(true, lower(log.transactionHash()), log.logIndex() == null ? 0 : log.logIndex(),
                log.blockNumber(), lower(log.blockHash()), owner, spender, lower(log.address()), BigInteger.ZERO));
    }

    private static String topicAddress(final String topic) {
        return topic == null || topic.length() != 66 ? null : "0x" + topic.substring(26).toLowerCase(Locale.ROOT);
    }

    private static GraphEdge edgeOf(final TokenTransfer transfer) {
        return GraphEdge.transfer(lower(transfer.transactionHash()), transfer.logIndex(), transfer.blockNumber(),
                lower(transfer.blockHash()), lower(transfer.fromAddress()), lower(transfer.toAddress()),
                lower(transfer.tokenAddress()), transfer.value());
    }

    private List<AddressedChange> added(final GraphEdge edge) {
        journal.record(edge);
        return both(edge, CounterpartyChange.add(edge));
    }

    private static List<AddressedChange> both(final GraphEdge edge, final CounterpartyChange change) {
        if (edge.fromAddress().equals(edge.toAddress())) {
            // a self-transfer has no counterparty: nothing to relate
            return List.of();
        }
        return List.of(new AddressedChange(edge.fromAddress(), change), new AddressedChange(edge.toAddress(), change));
    }

    private static String lower(final String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
