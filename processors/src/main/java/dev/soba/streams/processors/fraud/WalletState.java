package dev.soba.streams.processors.fraud;

import dev.soba.streams.models.fraud.WalletActivity;
import dev.soba.streams.models.fraud.WalletEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * One address's activity as the stream keeps it: the settled part (blocks deeper than the re-organisation
 * depth, summed up) and the recent events one by one, so that an orphaned block can be taken back exactly.
 *
 * @param settled   activity of blocks that can no longer be re-organised
 * @param recent    events of the last reorg-depth blocks, in arrival order
 * @param lastBlock highest block number seen for this address
 */
public record WalletState(WalletActivity settled, List<WalletEvent> recent, long lastBlock) {

    public WalletState {
        recent = List.copyOf(recent);
    }

    public static WalletState empty() {
        return new WalletState(WalletActivity.empty(), List.of(), 0);
    }

    /** With one more event; events older than {@code reorgDepth} blocks behind the newest are settled. */
    public WalletState plus(final WalletEvent event, final int reorgDepth) {
        final long newest = Math.max(lastBlock, event.blockNumber());
        WalletActivity nextSettled = settled;
        final List<WalletEvent> nextRecent = new ArrayList<>(recent.size() + 1);
        for (final WalletEvent held : recent) {
            if (held.blockNumber() <= newest - reorgDepth) {
                nextSettled = nextSettled.plus(held);
            } else {
                nextRecent.add(held);
            }
        }
        if (event.blockNumber() <= newest - reorgDepth) {
            nextSettled = nextSettled.plus(event);
        } else {
            nextRecent.add(event);
        }
        return new WalletState(nextSettled, nextRecent, newest);
    }

    /** Without the events of an orphaned block. */
    public WalletState withoutBlock(final String blockHash) {
        final List<WalletEvent> kept = recent.stream().filter(e -> !blockHash.equals(e.blockHash())).toList();
        return kept.size() == recent.size() ? this : new WalletState(settled, kept, lastBlock);
    }

    /** All of it: settled plus recent. */
    public WalletActivity activity() {
        WalletActivity all = settled;
        for (final WalletEvent event : recent) {
            all = all.plus(event);
        }
        return all;
    }

    public boolean holdsNothing() {
        return settled.transactions() == 0 && !settled.hasTokenActivity() && recent.isEmpty();
    }
}
