package dev.soba.streams.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Centralised-exchange trades during a block's slot, in the {@code market_ticks} contract. Each venue
 * quotes ETH and BTC at the simulated market's price — the Uniswap WETH-USDC pool's price after the
 * block, and WBTC-WETH times it for BTC — shifted by the venue's small standing basis, with a few
 * basis points of noise per trade. A pure function of (seed, height, pools), so a restart agrees.
 */
public final class ExchangeTicks {

    /** Per-trade noise around the venue's price: 3 basis points, one standard deviation. */
    private static final double NOISE = 0.0003;
    private static final List<Venue> VENUES = List.of(
            new Venue("binance", "ETH-USDT", false, 1.5e-4),
            new Venue("coinbase", "ETH-USD", false, 0.0),
            new Venue("kraken", "ETH-USD", false, -1.0e-4),
            new Venue("binance", "BTC-USDT", true, 1.0e-4),
            new Venue("coinbase", "BTC-USD", true, 0.0));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExchangeTicks() {
    }

    static List<ObjectNode> forBlock(final long seed, final long number, final long timestamp,
                                     final long secondsPerBlock, final Economy economy) {
        final SplittableRandom rng = new SplittableRandom(LabelledHash.seed("exchange-ticks", seed, number));
        final double ethUsd = usdPerEth(economy);
        // wei per raw WBTC unit (1e-8 BTC) → ETH per BTC: weiPerUnit * 1e8 / 1e18
        final double btcUsd = ethUsd * Valuation.weiPerUnit(economy, MarketGenesis.WBTC) / 1e10;
        final int maxPerVenue = (int) Math.max(1, secondsPerBlock / 2);
        final List<Tick> ticks = new ArrayList<>();
        for (final Venue venue : VENUES) {
            final int count = rng.nextInt(1, maxPerVenue + 1);
            for (int i = 0; i < count; i++) {
                final long millis = timestamp * 1_000 + rng.nextLong(secondsPerBlock * 1_000);
                final double mid = venue.bitcoin() ? btcUsd : ethUsd;
                final double price = mid * (1 + venue.basis() + NOISE * rng.nextGaussian());
                final double size = (venue.bitcoin() ? 0.03 : 0.5) * Math.exp(1.1 * rng.nextGaussian());
                final ObjectNode tick = NODES.objectNode();
                tick.put("exchange", venue.exchange());
                tick.put("symbol", venue.symbol());
                tick.put("price", BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
                tick.put("quantity", BigDecimal.valueOf(size).setScale(venue.bitcoin() ? 5 : 4, RoundingMode.HALF_EVEN)
                        .max(BigDecimal.ONE.movePointLeft(venue.bitcoin() ? 5 : 4)).toPlainString());
                tick.put("side", rng.nextBoolean() ? "buy" : "sell");
                tick.put("trade_id", number + "-" + i);
                tick.put("timestamp", millis);
                ticks.add(new Tick(millis, tick));
            }
        }
        ticks.sort(Comparator.comparingLong(Tick::millis));
        return ticks.stream().map(Tick::item).toList();
    }

    /** USD (USDC) per ETH at the Uniswap WETH-USDC pool now, in whole tokens. */
    static double usdPerEth(final Economy economy) {
        // wei per raw USDC unit → USDC per ETH: 1e18 / (weiPerUnit * 1e6)
        return 1e12 / Valuation.weiPerUnit(economy, MarketGenesis.USDC);
    }

    /** The venue's Kafka key, as exchange feeders key their ticks. */
    public static String key(final ObjectNode tick) {
        return tick.get("exchange").asText() + "|" + tick.get("symbol").asText();
    }

    private record Venue(String exchange, String symbol, boolean bitcoin, double basis) {
    }

    private record Tick(long millis, ObjectNode item) {
    }
}
