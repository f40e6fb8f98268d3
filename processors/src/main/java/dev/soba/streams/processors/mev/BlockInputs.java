package dev.soba.streams.processors.mev;

import dev.soba.streams.schemas.mev.BlockFile;
import dev.soba.streams.schemas.mev.EthereumEtlBlock;
import dev.soba.streams.schemas.mev.ParityBlock;
import dev.soba.streams.schemas.mev.ParityReceipt;
import java.util.HashMap;
import java.util.Map;

/** Block files to inspection input: traces when the file has a transaction's trace, logs otherwise. */
public final class BlockInputs {

    private BlockInputs() {
    }

    public static BlockInput of(final BlockFile file) {
        if (file instanceof ParityBlock parity) {
            final Map<String, Long> positions = new HashMap<>();
            for (final ParityReceipt receipt : parity.receipts()) {
                positions.put(receipt.transactionHash(), receipt.transactionIndex());
            }
            return new BlockInput.TracedBlock(parity.blockNumber(), parity.traces(), positions);
        }
        final EthereumEtlBlock items = (EthereumEtlBlock) file;
        if (items.traces().stream().anyMatch(t -> t.transactionHash() != null)) {
            return BlockInput.ofTraces(items.blockNumber(), items.traces(), items.transactions());
        }
        return BlockInput.ofLogs(items.blockNumber(), items.logs(), Map.of());
    }
}
