package dev.soba.streams.processors.graph;

import dev.soba.streams.models.cluster.BehaviourClusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Behavioural "looks like" groups of wallets: HDBSCAN over a small vector computed from each
 * wallet's counterparty state, the requested wallets among a population (their counterparties).
 * Reported apart from the heuristic clusters: alike behaviour, not proof of one owner.
 *
 * <p>The vector ({@link #FEATURES}, each {@code log1p} of a count): distinct senders, distinct
 * recipients, edges received, edges sent, distinct assets moved, approvals given, and two shares:
 * of edges sent among all, and of counterparties overflowing the bound. The fraud capability's
 * per-address features can replace it later; the grouping does not depend on which vector it is.
 */
public final class BehaviourGroups {

    public static final String[] FEATURES = {"log_senders", "log_recipients", "log_edges_in", "log_edges_out",
            "log_assets", "log_approvals_given", "share_sent", "share_overflow"};
    public static final int MIN_GROUP_SIZE = 3;

    /** One group containing at least one requested wallet. */
    public record Group(int group, List<String> requested, List<String> members) {

        public Group {
            requested = List.copyOf(requested);
            members = List.copyOf(members);
        }
    }

    /**
     * @param population how many wallets were grouped
     * @param groups     groups with a requested wallet in them
     * @param noise      requested wallets that resemble no group
     * @param model      the trainer and its parameters
     */
    public record Result(int population, List<Group> groups, List<String> noise, String model) {
    }

    private BehaviourGroups() {
    }

    public static double[] vector(final Counterparties state) {
        long senders = 0;
        long recipients = 0;
        long in = 0;
        long out = 0;
        long approvals = 0;
        final Set<String> assets = new HashSet<>();
        for (final Counterparty c : state.top()) {
            senders += c.received() > 0 ? 1 : 0;
            recipients += c.sent() > 0 ? 1 : 0;
            in += c.received();
            out += c.sent();
            approvals += c.approvalsGiven();
            assets.addAll(c.valueSent().keySet());
            assets.addAll(c.valueReceived().keySet());
        }
        final double total = in + out;
        return new double[] {Math.log1p(senders), Math.log1p(recipients), Math.log1p(in), Math.log1p(out),
                Math.log1p(assets.size()), Math.log1p(approvals), total == 0 ? 0 : out / total,
                state.degree() == 0 ? 0 : (double) state.otherCounterparties() / state.degree()};
    }

    public static Result group(final List<String> requested, final Map<String, Counterparties> population) {
        final Map<String, double[]> vectors = new LinkedHashMap<>();
        population.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> vectors.put(e.getKey(), vector(e.getValue())));
        final BehaviourClusters.Result result = BehaviourClusters.cluster(vectors, FEATURES, MIN_GROUP_SIZE);
        final Map<Integer, List<String>> members = new TreeMap<>();
        result.groups().forEach((address, group) -> members.computeIfAbsent(group, g -> new ArrayList<>()).add(address));
        final Map<Integer, List<String>> asked = new TreeMap<>();
        final List<String> noise = new ArrayList<>();
        for (final String address : requested) {
            final Integer group = result.groups().get(address);
            if (group == null) {
                continue;
            }
            if (group == BehaviourClusters.NOISE) {
                noise.add(address);
            } else {
                asked.computeIfAbsent(group, g -> new ArrayList<>()).add(address);
            }
        }
        final List<Group> groups = new ArrayList<>();
        asked.forEach((group, addresses) -> groups.add(new Group(group, addresses, members.get(group))));
        return new Result(vectors.size(), groups, noise, result.provenance());
    }
}
