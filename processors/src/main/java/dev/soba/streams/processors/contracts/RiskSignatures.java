package dev.soba.streams.processors.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Functions whose mere presence lets an owner freeze, tax or mint a token: the usual honeypot and
 * rug-pull levers. Data, not branches: add a signature to its group to recognise it.
 */
final class RiskSignatures {

    record Group(String code, String signal, String what) {
    }

    static final Group MINT = new Group("owner_mint", "rug_pull", "mints new tokens");
    static final Group PAUSE = new Group("pause", "honeypot", "can pause transfers");
    static final Group BLACKLIST = new Group("blacklist", "honeypot", "can block addresses");
    static final Group FEE = new Group("fee_setter", "honeypot", "can change fees, taxes or limits");
    static final Group TRADING = new Group("trading_switch", "honeypot", "can switch trading on or off");

    /** Selector (8 hex digits) to its group and signature. */
    static final Map<String, Map.Entry<Group, String>> BY_SELECTOR = new TreeMap<>();

    static {
        add(MINT, "mint(address,uint256)", "mint(uint256)", "mintTo(address,uint256)", "issue(uint256)",
                "mint(address,uint256,bytes)");
        add(PAUSE, "pause()", "unpause()", "setPaused(bool)", "pauseTransfers()", "freezeTransfers()");
        add(BLACKLIST, "blacklist(address)", "addBlackList(address)", "addToBlacklist(address)",
                "setBlacklist(address,bool)", "blacklistAddress(address,bool)", "setBlacklisted(address,bool)",
                "setBots(address[])", "addBots(address[])", "blockBots(address[])", "freezeAccount(address,bool)",
                "freeze(address)", "isBlacklisted(address)", "isBlackListed(address)");
        add(FEE, "setFee(uint256)", "setTaxFee(uint256)", "setFees(uint256,uint256)", "setBuyFee(uint256)",
                "setSellFee(uint256)", "setTaxFeePercent(uint256)", "setLiquidityFeePercent(uint256)",
                "updateFees(uint256,uint256)", "setSwapFees(uint256,uint256)", "setTax(uint256)",
                "setMaxTxAmount(uint256)", "setMaxWalletSize(uint256)", "setMaxTxPercent(uint256)",
                "updateBuyFees(uint256,uint256,uint256)", "updateSellFees(uint256,uint256,uint256)");
        add(TRADING, "enableTrading()", "openTrading()", "setTradingEnabled(bool)", "setTrading(bool)",
                "startTrading()", "tradingStatus(bool)", "setTradingOpen(bool)", "setSwapEnabled(bool)");
    }

    private RiskSignatures() {
    }

    private static void add(final Group group, final String... signatures) {
        Arrays.stream(signatures).forEach(s -> BY_SELECTOR.put(Selectors.of(s), Map.entry(group, s)));
    }
}
