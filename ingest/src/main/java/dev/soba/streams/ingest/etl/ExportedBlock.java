package dev.soba.streams.ingest.etl;

import dev.soba.streams.ingest.chain.ChainLink;
import java.util.List;

/** One block's items, stamped, in ethereum-etl's order; {@code link} places the block on the chain. */
public record ExportedBlock(ChainLink link, List<EtlItem> items) {

    public ExportedBlock {
        items = List.copyOf(items);
    }
}
