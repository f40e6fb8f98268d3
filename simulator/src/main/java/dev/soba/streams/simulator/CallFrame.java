package dev.soba.streams.simulator;

import java.math.BigInteger;
import java.util.List;

/**
 * One call of a transaction's call tree, as a Parity trace shows it, before the block gives it a
 * position. Gas is kept as the call's own cost ({@code ownGas}, spent in the callee outside its
 * sub-calls); the gas each frame was given and used is worked out when the tree is rendered, from
 * the transaction's gas limit and receipt.
 *
 * @param callType {@code call}, {@code staticcall} or {@code delegatecall}
 * @param output   return data; ignored (written as null) when the frame reverted
 * @param error    null, or why this frame failed (e.g. {@code Reverted}); calls below it keep their
 *                 own results, and ethereum-etl's status marks them failed too
 */
record CallFrame(String callType, String from, String to, BigInteger value, String input, String output,
                 long ownGas, List<CallFrame> children, String error) {

    static final String REVERTED = "Reverted";

    CallFrame {
        children = List.copyOf(children);
        if (ownGas < 0) {
            throw new IllegalArgumentException("own gas must not be negative: " + ownGas);
        }
    }

    static CallFrame call(final String from, final String to, final BigInteger value, final String input,
                          final String output, final long ownGas, final List<CallFrame> children) {
        return new CallFrame("call", from, to, value, input, output, ownGas, children, null);
    }

    static CallFrame staticCall(final String from, final String to, final String input, final String output,
                                final long ownGas, final List<CallFrame> children) {
        return new CallFrame("staticcall", from, to, BigInteger.ZERO, input, output, ownGas, children, null);
    }

    static CallFrame delegateCall(final String from, final String to, final String input, final String output,
                                  final long ownGas) {
        return new CallFrame("delegatecall", from, to, BigInteger.ZERO, input, output, ownGas, List.of(), null);
    }

    /** Gas used by this call and everything below it. */
    long gasUsed() {
        long used = ownGas;
        for (final CallFrame child : children) {
            used += child.gasUsed();
        }
        return used;
    }

    /** The same call, failed with {@code reason} (its sub-calls ran, then it reverted). */
    CallFrame reverted(final String reason) {
        return new CallFrame(callType, from, to, value, input, null, ownGas, children, reason);
    }

    /** The same call costing {@code gas} itself: the top frame is fitted to the receipt's gas used. */
    CallFrame withOwnGas(final long gas) {
        return new CallFrame(callType, from, to, value, input, output, gas, children, error);
    }

    /** How many frames the tree holds, this one included. */
    int size() {
        int size = 1;
        for (final CallFrame child : children) {
            size += child.size();
        }
        return size;
    }
}
