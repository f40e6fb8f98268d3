package dev.soba.streams.ingest;

import dev.soba.streams.ingest.chain.ChainLink;
import java.util.List;
import java.util.Objects;

/**
 * What a restart needs, kept under the ingester's key on the compacted {@code ingest_state} topic and
 * written in the same Kafka transaction as the items of the blocks it names: the chain, the last
 * ingested block and the ones before it (to find the common ancestor if the chain re-organised while
 * the ingester was down).
 *
 * @param chainId         the node's chain id: a state is never resumed against another chain
 * @param lastBlockNumber the last ingested block
 * @param lastBlockHash   its hash
 * @param recent          the last ingested blocks, oldest first, ending with the last one
 * @param updatedAt       epoch millis of the write
 */
public record IngestState(long chainId, long lastBlockNumber, String lastBlockHash, List<ChainLink> recent,
                          long updatedAt) {

    public IngestState {
        Objects.requireNonNull(lastBlockHash, "last block hash");
        recent = List.copyOf(recent);
        if (recent.isEmpty() || recent.get(recent.size() - 1).number() != lastBlockNumber
                || !recent.get(recent.size() - 1).hash().equals(lastBlockHash)) {
            throw new IllegalArgumentException("recent blocks must end with the last block " + lastBlockNumber);
        }
    }

    public static IngestState of(final long chainId, final List<ChainLink> recent, final long now) {
        final ChainLink last = recent.get(recent.size() - 1);
        return new IngestState(chainId, last.number(), last.hash(), recent, now);
    }
}
