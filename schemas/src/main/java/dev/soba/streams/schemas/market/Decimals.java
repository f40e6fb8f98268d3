package dev.soba.streams.schemas.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of candle amounts: exact sums, one spelling per value, and the VWAP quotient.
 *
 * <p>Every amount a candle holds is canonical (no trailing fractional zeros, never a negative
 * scale), so equal values are {@code equals}, hash alike and serialise to the same plain string
 * ({@code 1.50} and {@code 1.5E+3} never appear; {@code 1.5} and {@code 1500} do). Candles built
 * in the stream and candles read from files use these same rules.
 */
public final class Decimals {

    /** VWAP keeps at least this many fraction digits ... */
    public static final int VWAP_MIN_SCALE = 18;
    /** ... and at least this many significant digits, so pairs priced far below 1e-8 stay precise. */
    public static final int VWAP_MIN_DIGITS = 20;

    private Decimals() {
    }

    /** {@code 1.50} becomes {@code 1.5}, {@code 1.5E+3} becomes {@code 1500}; the value is unchanged. */
    public static BigDecimal canonical(final BigDecimal value) {
        if (value.scale() == 0) {
            return value;
        }
        if (value.scale() < 0) {
            return value.setScale(0);
        }
        final BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The exact sum, canonical. */
    public static BigDecimal sum(final BigDecimal a, final BigDecimal b) {
        return canonical(a.add(b));
    }

    /**
     * quote / base rounded HALF_EVEN to at least 18 fraction digits and at least 20 significant
     * digits (fraction digits = max(18, 20 − integer digits of quote + integer digits of base)); null
     * when quote is unknown or base is zero (the contract's meaning of a missing VWAP). The scale
     * depends only on the two values (precision − scale is their magnitude, whatever their
     * spelling), so equal volumes always give an equal VWAP, however a candle was assembled.
     */
    public static BigDecimal vwap(final BigDecimal quote, final BigDecimal base) {
        if (quote == null || base.signum() == 0) {
            return null;
        }
        final int magnitude = (quote.precision() - quote.scale()) - (base.precision() - base.scale());
        final int scale = Math.max(VWAP_MIN_SCALE, VWAP_MIN_DIGITS - magnitude);
        return canonical(quote.divide(base, scale, RoundingMode.HALF_EVEN));
    }
}
