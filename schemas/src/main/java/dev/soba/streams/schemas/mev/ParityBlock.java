package dev.soba.streams.schemas.mev;

import dev.soba.streams.schemas.Trace;
import java.math.BigInteger;
import java.util.List;

/**
 * An mev-inspect-py block file, its Parity {@code trace_block} output already converted to
 * ethereum-etl trace items (what {@code ethereumetl stream} would have sent for the block's traces).
 *
 * @param blockTimestamp epoch seconds; null when the file does not say
 * @param miner          lower case
 */
public record ParityBlock(
        long blockNumber,
        String miner,
        BigInteger baseFeePerGas,
        Long blockTimestamp,
        List<Trace> traces,
        List<ParityReceipt> receipts) implements BlockFile {

    public ParityBlock {
        traces = List.copyOf(traces);
        receipts = List.copyOf(receipts);
    }
}
