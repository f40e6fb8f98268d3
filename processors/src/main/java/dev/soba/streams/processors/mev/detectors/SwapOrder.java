package dev.soba.streams.processors.mev.detectors;

import dev.soba.streams.processors.mev.calls.TraceAddresses;
import dev.soba.streams.schemas.mev.MevSwap;
import java.util.Comparator;

/** Block order of swaps: transaction position, then place inside the transaction. */
final class SwapOrder {

    static final Comparator<MevSwap> BLOCK = Comparator.comparingLong(MevSwap::transactionPosition)
            .thenComparing(MevSwap::transactionHash)
            .thenComparing(MevSwap::positionInTransaction, TraceAddresses.ORDER);

    private SwapOrder() {
    }
}
