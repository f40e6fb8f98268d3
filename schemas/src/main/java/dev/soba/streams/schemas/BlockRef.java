package dev.soba.streams.schemas;

import dev.soba.streams.schemas.FieldReader.Need;

/** The block reference rule of items whose block is optional (contracts, tokens). */
final class BlockRef {

    private BlockRef() {
    }

    /**
     * Reads the optional {@code block_hash}; a hash without a number cannot be placed on the
     * chain (re-org handling keys blocks by number), so it is a violation.
     */
    static String hashWithNumber(final FieldReader in, final Long blockNumber) {
        final String blockHash = in.hash("block_hash", Need.OPTIONAL);
        if (blockHash != null && blockNumber == null && !in.present("block_number")) {
            in.violate("block_hash", "given without block_number; both are needed to place the item on the chain");
        }
        return blockHash;
    }
}
