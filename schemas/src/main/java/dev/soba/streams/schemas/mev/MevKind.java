package dev.soba.streams.schemas.mev;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a {@link MevFinding} is; written as its lower-case wire name. */
public enum MevKind {
    SANDWICH("sandwich"),
    ARBITRAGE("arbitrage"),
    LIQUIDATION("liquidation"),
    JIT_LIQUIDITY("jit_liquidity");

    private final String wireName;

    MevKind(final String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
