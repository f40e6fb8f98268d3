package dev.soba.streams.api.keys;

import dev.soba.streams.schemas.ItemType;
import java.util.Set;

/**
 * Which items a key may write. Chain history and market data come from different places (a node or
 * ethereum-etl; exchange feeds), and a key that feeds trades must not be able to post a block at a
 * height the pipeline has already seen (a re-organisation). {@code write} writes both;
 * {@code write:market} only market ticks; {@code write:chain} only chain items (blocks,
 * transactions, logs, token transfers, traces, contracts, tokens).
 */
public final class ItemScopes {

    public static final String WRITE = "write";
    public static final String WRITE_MARKET = "write:market";
    public static final String WRITE_CHAIN = "write:chain";

    private ItemScopes() {
    }

    /** The scope that writes items of this type besides {@code write}. */
    public static String narrowScopeOf(final ItemType type) {
        return type == ItemType.MARKET_TICK ? WRITE_MARKET : WRITE_CHAIN;
    }

    public static boolean mayWrite(final Set<String> scopes, final ItemType type) {
        return scopes.contains(WRITE) || scopes.contains(narrowScopeOf(type));
    }
}
