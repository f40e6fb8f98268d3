package dev.soba.streams.processors.contracts;

import java.math.BigInteger;

/** 256-bit EVM arithmetic on non-negative {@link BigInteger}s (two's complement for the signed ops). */
final class Words {

    private static final BigInteger MOD = Val.MOD;
    private static final BigInteger HALF = BigInteger.ONE.shiftLeft(255);
    private static final BigInteger B256 = BigInteger.valueOf(256);

    private Words() {
    }

    static BigInteger apply(final int op, final BigInteger a, final BigInteger b, final BigInteger c) {
        return switch (op) {
            case Opcodes.ADD -> a.add(b).mod(MOD);
            case Opcodes.MUL -> a.multiply(b).mod(MOD);
            case Opcodes.SUB -> a.subtract(b).mod(MOD);
            case Opcodes.DIV -> b.signum() == 0 ? BigInteger.ZERO : a.divide(b);
            case Opcodes.SDIV -> b.signum() == 0 ? BigInteger.ZERO : signed(a).divide(signed(b)).mod(MOD);
            case Opcodes.MOD -> b.signum() == 0 ? BigInteger.ZERO : a.mod(b);
            case Opcodes.SMOD -> b.signum() == 0 ? BigInteger.ZERO
                    : signed(a).abs().mod(signed(b).abs()).multiply(BigInteger.valueOf(signed(a).signum() < 0 ? -1 : 1))
                            .mod(MOD);
            case Opcodes.ADDMOD -> c.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(c);
            case Opcodes.MULMOD -> c.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(c);
            case Opcodes.EXP -> a.modPow(b, MOD);
            case Opcodes.SIGNEXTEND -> signExtend(a, b);
            case Opcodes.LT -> bool(a.compareTo(b) < 0);
            case Opcodes.GT -> bool(a.compareTo(b) > 0);
            case Opcodes.SLT -> bool(signed(a).compareTo(signed(b)) < 0);
            case Opcodes.SGT -> bool(signed(a).compareTo(signed(b)) > 0);
            case Opcodes.EQ -> bool(a.equals(b));
            case Opcodes.ISZERO -> bool(a.signum() == 0);
            case Opcodes.AND -> a.and(b);
            case Opcodes.OR -> a.or(b);
            case Opcodes.XOR -> a.xor(b);
            case Opcodes.NOT -> Val.MAX.subtract(a);
            case Opcodes.BYTE -> a.compareTo(BigInteger.valueOf(32)) >= 0 ? BigInteger.ZERO
                    : b.shiftRight(8 * (31 - a.intValue())).and(BigInteger.valueOf(0xff));
            case Opcodes.SHL -> a.compareTo(B256) >= 0 ? BigInteger.ZERO : b.shiftLeft(a.intValue()).mod(MOD);
            case Opcodes.SHR -> a.compareTo(B256) >= 0 ? BigInteger.ZERO : b.shiftRight(a.intValue());
            case Opcodes.SAR -> signed(b).shiftRight(a.compareTo(B256) >= 0 ? 256 : a.intValue()).mod(MOD);
            default -> throw new IllegalArgumentException("not arithmetic: " + Opcodes.name(op));
        };
    }

    private static BigInteger bool(final boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }

    private static BigInteger signed(final BigInteger v) {
        return v.compareTo(HALF) >= 0 ? v.subtract(MOD) : v;
    }

    private static BigInteger signExtend(final BigInteger k, final BigInteger v) {
        if (k.compareTo(BigInteger.valueOf(31)) >= 0) {
            return v;
        }
        final int bits = 8 * (k.intValue() + 1);
        final BigInteger low = v.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        return low.testBit(bits - 1) ? low.subtract(BigInteger.ONE.shiftLeft(bits)).mod(MOD) : low;
    }
}
