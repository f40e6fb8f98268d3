package dev.soba.streams.schemas.mev;

import java.math.BigInteger;

/**
 * A receipt as mev-inspect-py's block files keep it. (Blocks before 12674514 hold junk gas values
 * there; nothing in MEV detection reads them.)
 */
public record ParityReceipt(
        String transactionHash,
        long transactionIndex,
        BigInteger gasUsed,
        BigInteger effectiveGasPrice,
        BigInteger cumulativeGasUsed,
        String to) {
}
