package dev.soba.streams.processors.contracts;

import java.math.BigInteger;

/**
 * A stack or memory word of the symbolic machine: a concrete 256-bit value, or a symbol saying
 * where the value came from (a calldata argument, the selector, the call value...) with taint bits
 * for what influenced it.
 */
record Val(BigInteger c, Kind kind, int arg, int taint) {

    enum Kind { CONST, UNKNOWN, CALLDATA0, SELECTOR, SEL_EQ, SEL_NE, CALLVALUE, ARG, ARG_PTR, ARG_LEN, ARG_DATA,
        ARG_ELEM, ISZERO_ARG, BOOL_ARG }

    static final int T_CALLDATA = 1, T_CALLVALUE = 2, T_CALLER = 4, T_ORIGIN = 8, T_STORAGE = 16, T_SELECTOR = 32,
            T_SIZE = 64;

    static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
    static final BigInteger MAX = MOD.subtract(BigInteger.ONE);
    static final Val ZERO = of(BigInteger.ZERO);
    static final Val ONE = of(BigInteger.ONE);

    static Val of(final BigInteger v) {
        return new Val(v.signum() < 0 || v.bitLength() > 256 ? v.and(MAX) : v, Kind.CONST, 0, 0);
    }

    static Val of(final long v) {
        return of(BigInteger.valueOf(v));
    }

    static Val sym(final Kind kind, final int arg, final int taint) {
        return new Val(null, kind, arg, taint);
    }

    static Val unknown(final int taint) {
        return new Val(null, Kind.UNKNOWN, 0, taint);
    }

    boolean isConst() {
        return c != null;
    }

    boolean is(final Kind k) {
        return kind == k;
    }

    boolean tainted(final int bits) {
        return (taint & bits) != 0;
    }

    /** The concrete value as a non-negative long if it fits, else -1. */
    long small() {
        return c != null && c.bitLength() < 63 ? c.longValue() : -1;
    }
}
