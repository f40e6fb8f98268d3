package dev.soba.streams.processors.mev.flows;

import dev.soba.streams.processors.mev.calls.Call;
import dev.soba.streams.processors.mev.calls.ClassifiedCall;
import dev.soba.streams.processors.mev.calls.DecodedCall;
import dev.soba.streams.processors.mev.calls.TraceAddresses;
import dev.soba.streams.processors.mev.specs.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Token and ETH transfers read from classified calls (mev-inspect-py's {@code transfers.py}). */
public final class Transfers {

    /** The address mev-inspect-py (and most tools) use for ETH itself. */
    public static final String ETH = "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";

    private Transfers() {
    }

    /** A plain ETH transfer or a recognised token transfer, if the call is one. */
    public static Optional<Transfer> of(final ClassifiedCall classified) {
        final Call call = classified.call();
        if (call.isPlainEthTransfer()) {
            return Optional.of(eth(call));
        }
        return classified.decoded().flatMap(Transfers::token);
    }

    /** The token transfer a recognised call makes, if its role is one. */
    public static Optional<Transfer> token(final DecodedCall decoded) {
        if (decoded.function().role() instanceof Role.Transfer transfer) {
            final Call call = decoded.call();
            return Optional.of(new Transfer(call.transactionHash(), call.traceAddress(), call.to(),
                    decoded.addressOrCaller(transfer.fromArgument()), decoded.arguments().address(transfer.toArgument()),
                    decoded.arguments().integer(transfer.amountArgument())));
        }
        return Optional.empty();
    }

    /** The ETH a call sends with it, as a transfer from the caller to the called contract. */
    public static Transfer eth(final Call call) {
        return new Transfer(call.transactionHash(), call.traceAddress(), ETH, call.from(), call.to(), call.value());
    }

    /**
     * Drops transfers made inside another transfer of the same transaction: a proxied token (USDC)
     * repeats the transfer in a delegate call, which must not count twice.
     */
    public static List<Transfer> withoutNested(final List<Transfer> transfers) {
        final List<Transfer> sorted = new ArrayList<>(transfers);
        sorted.sort((a, b) -> TraceAddresses.compare(a.traceAddress(), b.traceAddress()));
        final Map<String, List<List<Integer>>> seen = new HashMap<>();
        final List<Transfer> kept = new ArrayList<>(sorted.size());
        for (final Transfer transfer : sorted) {
            final List<List<Integer>> earlier = seen.computeIfAbsent(transfer.transactionHash(), h -> new ArrayList<>());
            if (earlier.stream().noneMatch(parent -> TraceAddresses.isDescendant(transfer.traceAddress(), parent))) {
                kept.add(transfer);
            }
            earlier.add(transfer.traceAddress());
        }
        return kept;
    }

    public static List<Transfer> to(final List<Transfer> transfers, final String address) {
        return transfers.stream().filter(t -> address.equals(t.toAddress())).toList();
    }

    public static List<Transfer> from(final List<Transfer> transfers, final String address) {
        return transfers.stream().filter(t -> address.equals(t.fromAddress())).toList();
    }
}
