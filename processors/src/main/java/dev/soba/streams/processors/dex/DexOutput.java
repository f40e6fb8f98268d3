package dev.soba.streams.processors.dex;

import dev.soba.streams.schemas.Token;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.market.Swap;
import dev.soba.streams.schemas.market.Trade;
import java.util.Optional;

/** What DEX decoding makes of the chain's items. */
public sealed interface DexOutput {

    /** A pool seen in a factory's PairCreated/PoolCreated log: goes to the compacted pools topic. */
    record PoolLearned(PoolInfo pool) implements DexOutput {
    }

    /** A token's metadata from the tokens topic: goes to the compacted token registry. */
    record TokenLearned(Token token) implements DexOutput {
    }

    /** A decoded swap, and the trade it makes for candles when its pool is resolved. */
    record SwapDecoded(Swap swap, Optional<Trade> trade) implements DexOutput {
    }
}
