package dev.soba.streams.processors.mev.detectors;

import dev.soba.streams.processors.mev.calls.TraceAddresses;
import dev.soba.streams.schemas.mev.ArbitrageLeg;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevSwap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Atomic arbitrage (mev-inspect-py's {@code arbitrages.py}): inside one transaction, a cycle of swaps
 * that starts and ends in the same token at the same account — of any length. A cycle starts at a swap
 * paid by an account that is not one of the transaction's pools and ends at a swap, on another pool,
 * paying that token back to the same account; in between, each swap's output feeds the next (the same
 * token, within 1 % of the amount, handed over by pool or recipient). The shortest such route per
 * start is taken, and a swap serves one arbitrage at most. Profit is the end swap's output minus the
 * start swap's input, in the start token; an arbitrage whose transaction reverted is still reported,
 * with the error.
 */
public final class ArbitrageDetector {

    /** The 1 % tolerance, as the ratio 1/200 of |a − b| to (a + b). */
    private static final BigInteger TOLERANCE_DIVISOR = BigInteger.valueOf(200);
    /** Bounds the route search on pathological transactions (hundreds of chained swaps). */
    private static final int SEARCH_BUDGET = 200_000;

    private ArbitrageDetector() {
    }

    public static List<MevFinding> find(final long blockNumber, final List<MevSwap> swaps) {
        final Map<String, List<MevSwap>> byTransaction = new LinkedHashMap<>();
        swaps.stream().sorted(SwapOrder.BLOCK)
                .forEach(s -> byTransaction.computeIfAbsent(s.transactionHash(), h -> new ArrayList<>()).add(s));
        final List<MevFinding> findings = new ArrayList<>();
        byTransaction.values().forEach(transaction -> findings.addAll(arbitrages(blockNumber, transaction)));
        return findings;
    }

    private static List<MevFinding> arbitrages(final long blockNumber, final List<MevSwap> swaps) {
        final Set<MevSwap> used = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<List<MevSwap>> routes = new ArrayList<>();
        for (final StartEnds candidate : startEnds(swaps)) {
            if (used.contains(candidate.start())) {
                continue;
            }
            final List<MevSwap> ends = candidate.ends().stream().filter(e -> !used.contains(e)).toList();
            final Optional<List<MevSwap>> route = new Search().shortest(candidate.start(), ends, swaps, Integer.MAX_VALUE);
            route.ifPresent(r -> {
                routes.add(r);
                used.addAll(r);
            });
        }
        // Several cycles through the same swaps in a transaction that returns to the bot after every hop:
        // only the ones running in call order are real (mev-inspect-py's filter).
        final List<List<MevSwap>> kept = routes.size() == 1 ? routes : routes.stream()
                .filter(r -> TraceAddresses.compare(r.get(0).positionInTransaction(),
                        r.get(r.size() - 1).positionInTransaction()) < 0)
                .toList();
        return kept.stream().map(route -> finding(blockNumber, route)).toList();
    }

    private static MevFinding finding(final long blockNumber, final List<MevSwap> route) {
        final MevSwap first = route.get(0);
        final BigInteger profit = route.get(route.size() - 1).tokenOutAmount().subtract(first.tokenInAmount());
        final String error = route.stream().map(MevSwap::error).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        final Set<String> protocols = new TreeSet<>();
        route.stream().map(MevSwap::protocol).filter(Objects::nonNull).forEach(protocols::add);
        final List<ArbitrageLeg> legs = route.stream().map(s -> new ArbitrageLeg(s.poolAddress(), s.tokenInAddress(),
                s.tokenInAmount(), s.tokenOutAddress(), s.tokenOutAmount())).toList();
        return MevFinding.arbitrage(blockNumber, first.transactionHash(), first.fromAddress(), legs, profit,
                protocols.isEmpty() ? null : String.join(",", protocols), error);
    }

    private static List<StartEnds> startEnds(final List<MevSwap> swaps) {
        final Set<String> pools = new TreeSet<>();
        swaps.forEach(s -> pools.add(s.poolAddress()));
        final List<StartEnds> result = new ArrayList<>();
        for (final MevSwap start : swaps) {
            if (pools.contains(start.fromAddress())) {
                continue;
            }
            final List<MevSwap> ends = swaps.stream().filter(end -> end != start
                    && start.tokenInAddress().equals(end.tokenOutAddress())
                    && !start.poolAddress().equals(end.poolAddress())
                    && Objects.equals(start.fromAddress(), end.toAddress())).toList();
            if (!ends.isEmpty()) {
                result.add(new StartEnds(start, ends));
            }
        }
        return result;
    }

    /** Whether {@code out}'s output is what {@code in} swapped next. */
    static boolean feeds(final MevSwap out, final MevSwap in) {
        return out.tokenOutAddress().equals(in.tokenInAddress())
                && (out.poolAddress().equals(in.fromAddress()) || Objects.equals(out.toAddress(), in.poolAddress())
                || Objects.equals(out.toAddress(), in.fromAddress()))
                && nearlyEqual(out.tokenOutAmount(), in.tokenInAmount());
    }

    /** |a − b| < 1 % of their mean. */
    static boolean nearlyEqual(final BigInteger a, final BigInteger b) {
        if (a.equals(b)) {
            return true;
        }
        final BigInteger sum = a.add(b);
        return sum.signum() > 0 && a.subtract(b).abs().multiply(TOLERANCE_DIVISOR).compareTo(sum) < 0;
    }

    private record StartEnds(MevSwap start, List<MevSwap> ends) {
    }

    /** mev-inspect-py's {@code _get_shortest_route}: depth first, the best length found so far bounding the rest. */
    private static final class Search {
        private int budget = SEARCH_BUDGET;

        Optional<List<MevSwap>> shortest(final MevSwap start, final List<MevSwap> ends, final List<MevSwap> all,
                final int maxLength) {
            if (ends.isEmpty() || maxLength < 2 || --budget < 0) {
                return Optional.empty();
            }
            for (final MevSwap end : ends) {
                if (feeds(start, end)) {
                    return Optional.of(List.of(start, end));
                }
            }
            if (maxLength == 2) {
                return Optional.empty();
            }
            final List<MevSwap> others = all.stream().filter(s -> s != start && !ends.contains(s)).toList();
            List<MevSwap> best = null;
            int remaining = maxLength == Integer.MAX_VALUE ? Integer.MAX_VALUE : maxLength - 1;
            for (final MevSwap next : others) {
                if (feeds(start, next)) {
                    final Optional<List<MevSwap>> fromNext = shortest(next, ends, others, remaining);
                    if (fromNext.isPresent() && (best == null || fromNext.get().size() < best.size())) {
                        best = fromNext.get();
                        remaining = best.size() - 1;
                    }
                }
            }
            if (best == null) {
                return Optional.empty();
            }
            final List<MevSwap> route = new ArrayList<>(best.size() + 1);
            route.add(start);
            route.addAll(best);
            return Optional.of(List.copyOf(route));
        }
    }
}
