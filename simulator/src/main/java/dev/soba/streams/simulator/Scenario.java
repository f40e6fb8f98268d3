package dev.soba.streams.simulator;

/**
 * Who lives on a synthetic chain besides the retail traders, and what it records.
 *
 * <ul>
 *   <li>{@link #PLAIN}: the retail traders on the four Uniswap V2 pools, blocks, transactions, logs
 *       and token transfers only (the chain the market benchmark preloads).</li>
 *   <li>{@link #MARKET}: the market simulator — the same traders on Uniswap V2 and SushiSwap pools,
 *       every transaction's call trace, sandwich bots, arbitrage bots, phishing drains, exchange
 *       ticks, and a ground-truth record of every injected event.</li>
 * </ul>
 *
 * @param traces        emit ethereum-etl trace items (the call tree of every transaction)
 * @param secondDex     SushiSwap pools beside the Uniswap ones, so prices of one pair can diverge
 * @param sandwichBots  sandwich searchers (each at most one sandwich per block)
 * @param arbitrageBots arbitrage searchers (each at most one transaction per block)
 * @param drainers      phishing-drain wallets
 * @param holders       small wallets that only ever appear as phishing victims
 * @param ticks         exchange trades that follow the pools' prices with noise
 */
public record Scenario(boolean traces, boolean secondDex, int sandwichBots, int arbitrageBots, int drainers,
                       int holders, boolean ticks) {

    public static final Scenario PLAIN = new Scenario(false, false, 0, 0, 0, 0, false);
    public static final Scenario MARKET = new Scenario(true, true, 3, 3, 3, 400, true);

    public Scenario {
        if (sandwichBots < 0 || arbitrageBots < 0 || drainers < 0 || holders < 0) {
            throw new IllegalArgumentException("actor counts must not be negative");
        }
        if (drainers > 0 && holders < 10) {
            throw new IllegalArgumentException("phishing drains need at least 10 holders to drain");
        }
    }

    /** Whether anyone but the retail traders acts: the bots' and drains' block loop runs. */
    boolean hasActors() {
        return sandwichBots > 0 || arbitrageBots > 0 || drainers > 0;
    }
}
