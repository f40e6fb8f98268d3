package dev.soba.streams.processors.mev.detectors;

import dev.soba.streams.schemas.mev.MevSwap;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A sandwich's profit on the part of the position both legs traded (the pro-rata profit mev-inspect-py's
 * users asked for, from its heavy-sandwich branch): a back-run selling more than the front-run bought
 * has its output scaled down by bought/sold; one selling less scales the front-run's cost down by
 * sold/bought.
 *
 * <p>Computed the way that branch computes it — Python's arithmetic on IEEE doubles: the ratio as the
 * correctly rounded quotient of the two integers, integers rounded to the nearest double before each
 * operation, the result truncated to an integer — so the figures equal the reference's published ones
 * (e.g. −435805264121298944 wei on block 13699765). The exact rational value differs by less than one
 * part in 10^15 (a few thousand wei on 10^17).
 */
final class ProRata {

    private ProRata() {
    }

    static BigInteger profit(final MevSwap front, final MevSwap back) {
        final BigInteger bought = front.tokenOutAmount();
        final BigInteger sold = back.tokenInAmount();
        if (sold.signum() == 0 || bought.signum() == 0) {
            return back.tokenOutAmount().subtract(front.tokenInAmount());
        }
        final double result;
        if (sold.compareTo(bought) > 0) {
            result = quotient(bought, sold) * back.tokenOutAmount().doubleValue() - front.tokenInAmount().doubleValue();
        } else {
            result = back.tokenOutAmount().doubleValue() - quotient(sold, bought) * front.tokenInAmount().doubleValue();
        }
        return new BigDecimal(result).toBigInteger();
    }

    /**
     * {@code a / b} correctly rounded to a double, as Python's {@code int / int}: the quotient is taken to
     * at least 55 significant bits with a sticky bit for a non-zero remainder, which
     * {@link BigInteger#doubleValue()} (round half to even) then rounds once.
     */
    static double quotient(final BigInteger a, final BigInteger b) {
        final int shift = Math.max(0, 60 - (a.bitLength() - b.bitLength()));
        final BigInteger[] division = a.shiftLeft(shift).divideAndRemainder(b);
        final BigInteger sticky = division[1].signum() == 0 ? division[0] : division[0].setBit(0);
        return Math.scalb(sticky.doubleValue(), -shift);
    }
}
