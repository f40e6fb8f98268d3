package dev.soba.streams.processors.mev.detectors;

import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevSwap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sandwiches (mev-inspect-py's {@code sandwiches.py}): a front-run swap, then one or more victims
 * swapping the same way on the same pool, then the sandwicher's swap back the other way. The
 * sandwicher is whoever received the front-run's output and must pay the back-run's input; a front-run
 * paid out to one of Uniswap's routers is a user's trade, not a sandwich, and one paid out to the next
 * pool of its own transaction is the first hop of a route (mev-inspect-py would name that pool the
 * sandwicher; the route's own hop on the next pool is reported instead). Reverted swaps moved nothing and
 * take no part.
 *
 * <p>Profit is mev-inspect-py's: the back-run's output minus the front-run's input, in the front-run's
 * input token. When the back-run sold a different amount than the front-run bought, that mixes the
 * sandwich with an ordinary trade, so {@code profit_amount_pro_rata} also gives the profit of the matched
 * part: the larger leg scaled down to the smaller one (rounded to the nearest unit).
 */
public final class SandwichDetector {

    /** Uniswap's V2 router, V3 router and V3 router 2. */
    static final Set<String> ROUTERS = Set.of("0x7a250d5630b4cf539739df2c5dacb4c659f2488d",
            "0xe592427a0aece92de3edee1f18e0157c05861564", "0x68b3465833fb72a70ecdf485e0e4c7bd8665fc45");

    private SandwichDetector() {
    }

    public static List<MevFinding> find(final long blockNumber, final List<MevSwap> swaps) {
        final List<MevSwap> ordered = swaps.stream().filter(s -> !s.failed()).sorted(SwapOrder.BLOCK).toList();
        final Map<String, Set<String>> poolsByTransaction = new HashMap<>();
        ordered.forEach(s -> poolsByTransaction.computeIfAbsent(s.transactionHash(), h -> new HashSet<>())
                .add(s.poolAddress()));
        final List<MevFinding> sandwiches = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            final MevSwap front = ordered.get(i);
            if (front.toAddress() == null || ROUTERS.contains(front.toAddress())
                    || poolsByTransaction.get(front.transactionHash()).contains(front.toAddress())) {
                continue;
            }
            sandwichFrom(blockNumber, front, ordered.subList(i + 1, ordered.size())).ifPresent(sandwiches::add);
        }
        return sandwiches;
    }

    private static Optional<MevFinding> sandwichFrom(final long blockNumber, final MevSwap front,
            final List<MevSwap> rest) {
        final String sandwicher = front.toAddress();
        final List<MevSwap> victims = new ArrayList<>();
        for (final MevSwap other : rest) {
            if (other.transactionHash().equals(front.transactionHash())
                    || !other.poolAddress().equals(front.poolAddress())) {
                continue;
            }
            if (other.tokenInAddress().equals(front.tokenInAddress())
                    && other.tokenOutAddress().equals(front.tokenOutAddress())
                    && !sandwicher.equals(other.fromAddress())) {
                victims.add(other);
            } else if (other.tokenOutAddress().equals(front.tokenInAddress())
                    && other.tokenInAddress().equals(front.tokenOutAddress())
                    && sandwicher.equals(other.fromAddress()) && !victims.isEmpty()) {
                return Optional.of(sandwich(blockNumber, sandwicher, front, victims, other));
            }
        }
        return Optional.empty();
    }

    private static MevFinding sandwich(final long blockNumber, final String sandwicher, final MevSwap front,
            final List<MevSwap> victims, final MevSwap back) {
        final BigInteger profit = back.tokenOutAmount().subtract(front.tokenInAmount());
        final BigInteger proRata = back.tokenInAmount().equals(front.tokenOutAmount()) ? null
                : ProRata.profit(front, back);
        final List<String> victimHashes = victims.stream().map(MevSwap::transactionHash).distinct().toList();
        return MevFinding.sandwich(blockNumber, sandwicher,
                new MevFinding.SandwichLegs(front.poolAddress(), front.transactionHash(), victimHashes,
                        back.transactionHash()),
                new MevFinding.Profit(front.tokenInAddress(), profit), proRata, front.protocol(), null);
    }
}
