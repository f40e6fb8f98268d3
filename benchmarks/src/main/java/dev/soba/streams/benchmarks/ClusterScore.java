package dev.soba.streams.benchmarks;

import dev.soba.streams.processors.graph.Counterparties;
import dev.soba.streams.processors.graph.Counterparty;
import dev.soba.streams.processors.graph.WalletClusters;
import dev.soba.streams.simulator.GroundTruth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The wallet clusters scored against the simulator's phishing drains: for every drain wallet, the
 * cluster it is put in must hold its cash-out sink (the same actor), none of its victims (other
 * people), and nothing else. Beside it the naive baseline of the same run: a wallet and every
 * counterparty it has (what "its graph" would suggest).
 */
public record ClusterScore(Counts heuristics, Counts baseline, List<String> mismatches) {

    /**
     * @param drains        drain wallets in the ground truth
     * @param withSink      drains clustered with their sink
     * @param victimsMerged drains whose cluster holds at least one of their victims
     * @param othersMerged  drains whose cluster holds an address that is neither drain, sink nor victim
     * @param exact         drains whose cluster is exactly {drain, sink}
     */
    public record Counts(int drains, int withSink, int victimsMerged, int othersMerged, int exact) {
    }

    /** Scores the clusters read through {@code reader} (the counterparty store, as the API reads it). */
    public static ClusterScore score(final List<GroundTruth> truth,
                                     final Function<Set<String>, Map<String, Counterparties>> reader) {
        final Map<String, String> sinks = new LinkedHashMap<>();
        final Map<String, Set<String>> victims = new HashMap<>();
        for (final GroundTruth event : truth) {
            if (event.kind() == GroundTruth.Kind.PHISHING_DRAIN) {
                sinks.put(event.walletAddress(), event.sinkAddress());
                victims.computeIfAbsent(event.walletAddress(), w -> new HashSet<>()).addAll(event.victimAddresses());
            }
        }
        final WalletClusters clusters = new WalletClusters(reader, WalletClusters.Settings.defaults());
        final Tally heuristics = new Tally();
        final Tally baseline = new Tally();
        final List<String> mismatches = new ArrayList<>();
        sinks.forEach((drain, sink) -> {
            final Set<String> members = clusters.analyse(List.of(drain)).clusters().stream()
                    .filter(c -> c.members().contains(drain)).findFirst()
                    .map(c -> Set.copyOf(c.members())).orElse(Set.of(drain));
            final String verdict = heuristics.add(drain, sink, victims.get(drain), members);
            if (!verdict.isEmpty()) {
                mismatches.add(drain + ": " + verdict);
            }
            final Set<String> neighbourhood = new HashSet<>();
            neighbourhood.add(drain);
            final Counterparties state = reader.apply(Set.of(drain)).get(drain);
            if (state != null) {
                state.top().stream().map(Counterparty::address).forEach(neighbourhood::add);
            }
            baseline.add(drain, sink, victims.get(drain), neighbourhood);
        });
        return new ClusterScore(heuristics.counts(), baseline.counts(), mismatches);
    }

    private static final class Tally {
        private int drains;
        private int withSink;
        private int victimsMerged;
        private int othersMerged;
        private int exact;

        /** Counts one drain's cluster; what is wrong with it (empty when right). */
        String add(final String drain, final String sink, final Set<String> victims, final Set<String> members) {
            drains++;
            final List<String> wrong = new ArrayList<>();
            final boolean hasSink = members.contains(sink);
            if (hasSink) {
                withSink++;
            } else {
                wrong.add("sink " + sink + " not in its cluster");
            }
            final long merged = members.stream().filter(victims::contains).count();
            if (merged > 0) {
                victimsMerged++;
                wrong.add(merged + " victim(s) merged");
            }
            final long others = members.stream().filter(m -> !m.equals(drain) && !m.equals(sink) && !victims.contains(m)).count();
            if (others > 0) {
                othersMerged++;
                wrong.add(others + " other address(es) merged");
            }
            if (hasSink && merged == 0 && others == 0) {
                exact++;
            }
            return String.join("; ", wrong);
        }

        Counts counts() {
            return new Counts(drains, withSink, victimsMerged, othersMerged, exact);
        }
    }
}
