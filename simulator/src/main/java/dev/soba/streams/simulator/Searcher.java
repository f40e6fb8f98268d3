package dev.soba.streams.simulator;

/**
 * A MEV searcher: the account that signs its transactions and the contract that holds its inventory
 * and trades (the address a detector names).
 */
record Searcher(String account, String contract) {

    /** A searcher's contract starts with an inventory of every token, in whole tokens: WETH, USDC, DAI, WBTC. */
    void endow(final Economy economy, final long weth, final long usdc, final long dai, final long wbtc) {
        economy.endow(contract, MarketGenesis.WETH, MarketGenesis.WETH.units(weth));
        economy.endow(contract, MarketGenesis.USDC, MarketGenesis.USDC.units(usdc));
        economy.endow(contract, MarketGenesis.DAI, MarketGenesis.DAI.units(dai));
        economy.endow(contract, MarketGenesis.WBTC, MarketGenesis.WBTC.units(wbtc));
    }
}
