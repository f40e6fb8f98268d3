package dev.soba.streams.processors.mev;

import dev.soba.streams.processors.TestItems;

/** Well-formed addresses of the tests' actors, and mainnet contracts the registry names. */
public final class Addresses {

    public static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    public static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    public static final String DAI = "0x6b175474e89094c44da98b954eedeac495271d0f";
    public static final String TOKEN = TestItems.address("token");
    public static final String BOT = TestItems.address("bot");
    public static final String BOT_OWNER = TestItems.address("bot-owner");
    public static final String USER = TestItems.address("user");
    public static final String USER_2 = TestItems.address("user-2");
    public static final String ROUTER = TestItems.address("router");
    public static final String PAIR = TestItems.address("pair");
    public static final String PAIR_2 = TestItems.address("pair-2");
    public static final String PAIR_3 = TestItems.address("pair-3");
    public static final String V3_POOL = TestItems.address("v3-pool");
    public static final String BPOOL = TestItems.address("balancer-pool");
    public static final String ZERO = "0x0000000000000000000000000000000000000000";

    private Addresses() {
    }
}
