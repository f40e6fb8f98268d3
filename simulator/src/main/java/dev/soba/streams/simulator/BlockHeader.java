package dev.soba.streams.simulator;

import java.util.List;

/**
 * The header fields ethereum-etl writes for a block. The roots are stand-ins (keccak of the
 * block's contents), not Merkle-Patricia roots: nothing downstream can recompute a trie
 * without the full state, and they still change whenever the contents change.
 */
record BlockHeader(long number, String hash, String parentHash, String logsBloom, String transactionsRoot,
                   String stateRoot, String receiptsRoot, String miner, long size, String extraData,
                   long gasLimit, long gasUsed, long timestamp, int transactionCount, long baseFeePerGas,
                   String withdrawalsRoot, List<Withdrawal> withdrawals) {

    BlockHeader {
        withdrawals = List.copyOf(withdrawals);
    }

    /** A beacon-chain withdrawal; {@code amount} is in gwei, as the execution layer carries it. */
    record Withdrawal(long index, long validatorIndex, String address, long amount) {
    }
}
