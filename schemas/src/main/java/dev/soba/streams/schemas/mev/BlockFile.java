package dev.soba.streams.schemas.mev;

/**
 * One block read from a file for offline MEV inspection: an mev-inspect-py block file (Parity traces
 * plus receipts) or the items of one block from ethereum-etl JSON lines.
 */
public sealed interface BlockFile permits ParityBlock, EthereumEtlBlock {

    long blockNumber();
}
