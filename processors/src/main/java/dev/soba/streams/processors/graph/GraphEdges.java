package dev.soba.streams.processors.graph;

import dev.soba.streams.processors.chain.ChainEvent;
import dev.soba.streams.schemas.Contract;
import dev.soba.streams.schemas.TokenTransfer;
import dev.soba.streams.schemas.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the canonical chain into counterparty changes for both ends of every edge: a
 * transaction's ether and every token transfer. Each edge is journalled with its block, and when
 * a re-organisation replaces that block its edges are retracted from both ends. A token transfer
 * of an orphaned block is retracted even when its transaction never arrived.
 */
public final class GraphEdges {

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
            changes.addAll(added(new GraphEdge(lower(tx.hash()), -1, tx.blockNumber(), lower(tx.blockHash()),
                    lower(tx.fromAddress()), to, GraphEdge.ETH, tx.value() == null ? BigInteger.ZERO : tx.value())));
        }
        return changes;
    }

    private static GraphEdge edgeOf(final TokenTransfer transfer) {
        return new GraphEdge(lower(transfer.transactionHash()), transfer.logIndex(), transfer.blockNumber(),
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
