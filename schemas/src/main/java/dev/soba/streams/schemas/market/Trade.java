package dev.soba.streams.schemas.market;

import java.math.BigDecimal;

/**
 * A trade as candles see it, whatever its origin: an exchange tick, or a resolved DEX swap (with
 * its pool as the venue). Amounts are human units (scaled by decimals).
 *
 * @param venue       exchange name ({@code binance}) or pool address
 * @param pair        {@code BASE-QUOTE}, e.g. {@code ETH-USDT} or {@code WETH-USDC}
 * @param timestamp   event time in epoch millis; for a swap, its block's timestamp plus its log index
 *                    in milliseconds (at most 999), so that one block's trades keep chain order
 * @param price       quote per base
 * @param baseAmount  base units traded (positive)
 * @param quoteAmount quote units traded (positive)
 * @param tradeId     the venue's trade id, or {@code <tx hash>:<log index>} for a swap
 */
public record Trade(String venue, String pair, long timestamp, BigDecimal price, BigDecimal baseAmount,
                    BigDecimal quoteAmount, String tradeId) {
}
