package dev.soba.streams.processors.mev.calls;

import dev.soba.streams.schemas.Trace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a block's ethereum-etl trace items into {@link Call}s in block order (transaction position,
 * then depth first), the order every later rung relies on. Block rewards (no transaction) are left
 * out; items may arrive in any order.
 */
public final class Calls {

    /** When a call's error is unknown but ethereum-etl's status says a call around it failed. */
    static final String FAILED_AROUND = "Reverted";

    private static final Comparator<Call> BLOCK_ORDER = Comparator.comparingLong(Call::transactionPosition)
            .thenComparing(Call::transactionHash)
            .thenComparing(Call::traceAddress, TraceAddresses.ORDER);

    private Calls() {
    }

    /**
     * @param positions transaction hash to position in the block, for traces without
     *                  {@code transaction_index} (older producers); may be empty
     */
    public static List<Call> fromTraces(final List<Trace> traces, final Map<String, Long> positions) {
        final List<Call> unordered = new ArrayList<>(traces.size());
        for (final Trace trace : traces) {
            final Optional<List<Integer>> address = toInts(trace.traceAddress());
            // a trace address beyond int cannot come from the EVM (1024 frames deep at most): not a real trace
            if (trace.transactionHash() == null || trace.traceType() == null || address.isEmpty()) {
                continue;
            }
            final String hash = trace.transactionHash().toLowerCase(Locale.ROOT);
            final Long index = trace.transactionIndex() != null ? trace.transactionIndex() : positions.get(hash);
            final String own = trace.error() == null || trace.error().isEmpty() ? null : trace.error();
            // status 0 without an error of its own: a call around it failed (resolved against the tree below)
            final String known = own != null ? own : trace.status() != null && trace.status() == 0 ? FAILED_AROUND : null;
            unordered.add(new Call(hash, index == null ? Long.MAX_VALUE : index, address.get(),
                    trace.traceType(), trace.callType(), lower(trace.fromAddress()), lower(trace.toAddress()),
                    trace.value() == null ? BigInteger.ZERO : trace.value(),
                    trace.input() == null ? "0x" : trace.input(), own, known));
        }
        unordered.sort(BLOCK_ORDER);
        return inheritErrors(unordered);
    }

    /** A call under a failed call failed too, with the nearest failed ancestor's error. */
    static List<Call> inheritErrors(final List<Call> ordered) {
        final List<Call> calls = new ArrayList<>(ordered.size());
        final Map<List<Integer>, String> errors = new HashMap<>();
        String transaction = null;
        for (final Call call : ordered) {
            if (!call.transactionHash().equals(transaction)) {
                transaction = call.transactionHash();
                errors.clear();
            }
            String error = call.ownError();
            if (error == null && !call.traceAddress().isEmpty()) {
                error = errors.get(call.traceAddress().subList(0, call.traceAddress().size() - 1));
            }
            if (error == null) {
                error = call.error();
            }
            errors.put(call.traceAddress(), error);
            calls.add(error == null ? call : new Call(call.transactionHash(), call.transactionPosition(),
                    call.traceAddress(), call.traceType(), call.callType(), call.from(), call.to(), call.value(),
                    call.input(), call.ownError(), error));
        }
        return List.copyOf(calls);
    }

    private static Optional<List<Integer>> toInts(final List<Long> address) {
        if (address == null) {
            return Optional.of(List.of());
        }
        final List<Integer> ints = new ArrayList<>(address.size());
        for (final Long step : address) {
            if (step > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            ints.add(step.intValue());
        }
        return Optional.of(ints);
    }

    private static String lower(final String address) {
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }
}
