package dev.soba.streams.simulator;

import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.market.PoolInfo;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The synthetic economy's pools as registry entries: its chain has no factory logs (the pools
 * exist from genesis), so the demo and the benchmark import them, as an operator would with
 * {@code ./soba pools import}; their swaps then resolve and make candles.
 */
public final class SyntheticPools {

    private SyntheticPools() {
    }

    public static void register(final SyntheticChain chain, final Producer<String, byte[]> producer, final String poolsTopic)
            throws InterruptedException, ExecutionException {
        for (final ConstantProductPair pair : chain.pairs()) {
            producer.send(new ProducerRecord<>(poolsTopic, pair.address(), Json.write(poolInfo(pair)))).get();
        }
    }

    /** A pool's registry entry, as {@code ./soba pools import} would write it (SushiSwap's pairs emit Uniswap V2's events). */
    public static PoolInfo poolInfo(final ConstantProductPair pair) {
        return new PoolInfo(pair.address(), "uniswap_v2", pair.token0().address(), pair.token1().address(), 3000,
                pair.token0().symbol(), pair.token1().symbol(), pair.token0().decimals(), pair.token1().decimals(),
                "import");
    }
}
