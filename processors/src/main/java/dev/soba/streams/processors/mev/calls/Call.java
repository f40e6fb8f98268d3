package dev.soba.streams.processors.mev.calls;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One trace of a transaction, normalised for the ladder: addresses and data lower case, the call's
 * place in the block and its tree, and whether it took effect.
 *
 * @param traceType   {@code call}, {@code create} or {@code suicide}
 * @param callType    {@code call}, {@code delegatecall}, {@code staticcall}, {@code callcode}; null otherwise
 * @param value       wei sent with the call (0 when the trace has none)
 * @param input       call data, {@code 0x…} ({@code 0x} when none), in the producer's letter case
 * @param ownError    the trace's own error, e.g. {@code Reverted}; null if it succeeded
 * @param error       {@code ownError}, or else the error of the nearest failed call around it: a call
 *                    under a reverted parent is reverted too; null if it took effect
 */
public record Call(
        String transactionHash,
        long transactionPosition,
        List<Integer> traceAddress,
        String traceType,
        String callType,
        String from,
        String to,
        BigInteger value,
        String input,
        String ownError,
        String error) {

    private static final int SELECTOR_HEX = 10;

    public Call {
        traceAddress = List.copyOf(traceAddress);
    }

    public boolean isCall() {
        return "call".equals(traceType);
    }

    public boolean failed() {
        return error != null;
    }

    /** A message call carrying ETH and no data: a plain ETH transfer (mev-inspect-py's rule). */
    public boolean isPlainEthTransfer() {
        return isCall() && value.signum() > 0 && "0x".equals(input) && to != null;
    }

    /** The call data's 4-byte selector, {@code 0x} and 8 hex digits. */
    public Optional<String> selector() {
        return isCall() && input.length() >= SELECTOR_HEX
                ? Optional.of(input.substring(0, SELECTOR_HEX).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The call data after the selector, {@code 0x…}. */
    public String arguments() {
        return "0x" + input.substring(SELECTOR_HEX);
    }

    /** Whether this call ran inside {@code parent} (at any depth) in the same transaction. */
    public boolean isInside(final Call parent) {
        return transactionHash.equals(parent.transactionHash)
                && TraceAddresses.isDescendant(traceAddress, parent.traceAddress);
    }
}
