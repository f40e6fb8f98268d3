package dev.soba.streams.processors.graph;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which addresses belong to the same actor as the given ones, by published heuristics applied to
 * the counterparty states, each link with its evidence. The work is bounded: the given addresses,
 * their counterparties (level 1), and the counterparties of the non-hub level-1 addresses (level
 * 2), at most {@code maxReads} addresses in all (the answer says when that cut the search short).
 *
 * <ul>
 *   <li>{@value #DEPOSIT_REUSE} (Victor, FC 2020): an exchange deposit address forwards what it
 *       receives to one hub (the exchange) and has few senders; its senders are one user.</li>
 *   <li>{@value #AIRDROP} (Victor): addresses that received the same token from the same
 *       distributor and each passed it on to one aggregator are one actor, with the aggregator.</li>
 *   <li>{@value #SELF_AUTHORISATION} (Victor): an address that approves an externally owned
 *       address (not a contract, not a hub) to spend its tokens is that address's owner.</li>
 *   <li>{@value #COMMON_FUNDER}: wallets whose first ether came from the same non-hub funder
 *       (at least two of them) are one actor's (the sybil-farming pattern).</li>
 *   <li>{@value #COMMON_SINK}: a wallet that sweeps (passes on at least {@code sweepShare} of what
 *       it received, in some asset) to a non-hub address is one actor with it: the phishing-drain
 *       cash-out. Its senders are not merged (they did not sweep: they are the victims).</li>
 * </ul>
 */
public final class WalletClusters {

    public static final String DEPOSIT_REUSE = "deposit_address_reuse";
    public static final String AIRDROP = "airdrop_multi_participation";
    public static final String SELF_AUTHORISATION = "self_authorisation";
    public static final String COMMON_FUNDER = "common_funder";
    public static final String COMMON_SINK = "common_sink";

    /**
     * @param hubDegree         counterparties from which an address is a hub (exchange, router, popular contract);
     *                          an address whose counterparties overflowed the bound is one too
     * @param maxDepositSenders senders a deposit address may have
     * @param maxFunderFanout   counterparties a common funder may have (more: an exchange or a faucet)
     * @param sweepShare        share of what was received that must be passed on to count as a sweep
     * @param maxReads          addresses read per analysis, at most
     */
    public record Settings(int hubDegree, int maxDepositSenders, int maxFunderFanout, double sweepShare, int maxReads) {

        public static Settings defaults() {
            return new Settings(50, 5, 50, 0.8, 10_000);
        }
    }

    /** One reason two or more addresses are tied: which heuristic, through which address and token, which transactions. */
    public record Evidence(String heuristic, List<String> addresses, String via, String token, List<String> transactions,
                           String explanation) {

        public Evidence {
            addresses = List.copyOf(addresses);
            transactions = List.copyOf(transactions);
        }
    }

    /** Addresses taken for one actor, the requested ones among them, and why. */
    public record Cluster(List<String> members, List<String> requested, List<Evidence> evidence) {

        public Cluster {
            members = List.copyOf(members);
            requested = List.copyOf(requested);
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * @param clusters  one per group of requested addresses (a requested address with no tie is a cluster of one)
     * @param unknown   requested addresses never seen
     * @param states    every state read, for the behavioural clustering that follows
     * @param truncated whether the read budget cut the search short
     */
    public record Analysis(List<Cluster> clusters, List<String> unknown, Map<String, Counterparties> states,
                           boolean truncated) {
    }

    private final Function<Set<String>, Map<String, Counterparties>> reader;
    private final Settings settings;

    public WalletClusters(final Function<Set<String>, Map<String, Counterparties>> reader, final Settings settings) {
        this.reader = reader;
        this.settings = settings;
    }

    public Analysis analyse(final List<String> requested) {
        final Map<String, Counterparties> states = new HashMap<>();
        final Set<String> read = new LinkedHashSet<>();
        boolean truncated = false;
        truncated |= readInto(new LinkedHashSet<>(requested), states, read);
        final Set<String> level1 = new LinkedHashSet<>();
        for (final String address : requested) {
            Optional.ofNullable(states.get(address)).ifPresent(s -> s.top().forEach(c -> level1.add(c.address())));
        }
        truncated |= readInto(level1, states, read);
        final Set<String> pivots = new LinkedHashSet<>(requested);
        pivots.addAll(level1);
        final Set<String> level2 = new LinkedHashSet<>();
        for (final String pivot : pivots) {
            final Counterparties state = states.get(pivot);
            if (state != null && !isHub(state)) {
                state.top().forEach(c -> level2.add(c.address()));
            }
        }
        truncated |= readInto(level2, states, read);

        final Links links = new Links();
        for (final String pivot : pivots) {
            final Counterparties state = states.get(pivot);
            if (state == null || isHub(state)) {
                continue;
            }
            depositReuse(pivot, state, states, links);
            sinks(pivot, state, states, links);
            selfAuthorisation(pivot, state, links);
            commonFunder(pivot, state, states, links);
        }
        final List<String> unknown = requested.stream().filter(a -> !states.containsKey(a)).toList();
        return new Analysis(links.clustersOf(requested.stream().filter(states::containsKey).toList()), unknown,
                states, truncated);
    }

    /** Reads what is not read yet, within the budget; true when the budget left some out. */
    private boolean readInto(final Set<String> wanted, final Map<String, Counterparties> states, final Set<String> read) {
        final Set<String> batch = new LinkedHashSet<>();
        boolean cut = false;
        for (final String address : wanted) {
            if (read.contains(address)) {
                continue;
            }
            if (read.size() + batch.size() >= settings.maxReads()) {
                cut = true;
                break;
            }
            batch.add(address);
        }
        if (!batch.isEmpty()) {
            read.addAll(batch);
            states.putAll(reader.apply(batch));
        }
        return cut;
    }

    private boolean isHub(final Counterparties state) {
        return state.otherCounterparties() > 0 || state.degree() >= settings.hubDegree();
    }

    private static List<Counterparty> senders(final Counterparties state) {
        return state.top().stream().filter(c -> c.received() > 0).toList();
    }

    private static List<Counterparty> recipients(final Counterparties state) {
        return state.top().stream().filter(c -> c.sent() > 0).toList();
    }

    /** The assets {@code state}'s address passed on to {@code target}: at least sweepShare of what it received of each. */
    private List<String> sweptTo(final Counterparties state, final String target) {
        final Optional<Counterparty> to = state.counterparty(target);
        if (to.isEmpty() || to.get().sent() == 0) {
            return List.of();
        }
        final Map<String, BigInteger> received = new HashMap<>();
        for (final Counterparty c : state.top()) {
            c.valueReceived().forEach((token, amount) -> received.merge(token, amount, BigInteger::add));
        }
        final List<String> swept = new ArrayList<>();
        to.get().valueSent().forEach((token, amount) -> {
            final BigInteger in = received.getOrDefault(token, BigInteger.ZERO);
            if (in.signum() > 0 && amount.doubleValue() >= settings.sweepShare() * in.doubleValue()) {
                swept.add(token);
            }
        });
        swept.sort(Comparator.naturalOrder());
        return swept;
    }

    private void depositReuse(final String pivot, final Counterparties state, final Map<String, Counterparties> states,
                              final Links links) {
        final List<Counterparty> out = recipients(state);
        final List<Counterparty> in = senders(state);
        if (state.contract() || out.size() != 1 || in.isEmpty() || in.size() > settings.maxDepositSenders()) {
            return;
        }
        final String exchange = out.get(0).address();
        final Counterparties exchangeState = states.get(exchange);
        if (exchangeState == null || !isHub(exchangeState) || sweptTo(state, exchange).isEmpty()) {
            return;
        }
        final List<String> members = new ArrayList<>();
        members.add(pivot);
        in.forEach(c -> members.add(c.address()));
        links.tie(new Evidence(DEPOSIT_REUSE, members, pivot, null, transactions(in),
                pivot + " forwards what it receives to the hub " + exchange + " (an exchange deposit address); "
                        + "its " + in.size() + " sender(s) are one exchange customer"));
    }

    private void sinks(final String pivot, final Counterparties state, final Map<String, Counterparties> states,
                       final Links links) {
        final Map<String, List<String>> sweepers = new LinkedHashMap<>();
        final Map<String, List<Counterparty>> byDistributor = new LinkedHashMap<>();
        for (final Counterparty sender : senders(state)) {
            // the sender may be a hub itself: a drain with hundreds of victims still sweeps to one cash-out
            final Counterparties senderState = states.get(sender.address());
            if (senderState == null) {
                continue;
            }
            final List<String> swept = sweptTo(senderState, pivot);
            if (swept.isEmpty()) {
                continue;
            }
            sweepers.put(sender.address(), swept);
            for (final String token : swept) {
                if (GraphEdge.ETH.equals(token)) {
                    continue;
                }
                for (final Counterparty source : senderState.top()) {
                    if (!source.address().equals(pivot) && source.valueReceived().containsKey(token)) {
                        byDistributor.computeIfAbsent(source.address() + "|" + token, k -> new ArrayList<>()).add(sender);
                    }
                }
            }
        }
        final Set<String> airdropped = new LinkedHashSet<>();
        byDistributor.forEach((key, participants) -> {
            if (participants.size() < 2) {
                return;
            }
            final String distributor = key.substring(0, key.indexOf('|'));
            final String token = key.substring(key.indexOf('|') + 1);
            final List<String> members = new ArrayList<>();
            members.add(pivot);
            participants.forEach(p -> members.add(p.address()));
            airdropped.addAll(members);
            links.tie(new Evidence(AIRDROP, members, pivot, token, transactions(participants),
                    participants.size() + " addresses received " + token + " from " + distributor
                            + " and passed it on to " + pivot));
        });
        sweepers.forEach((sender, swept) -> {
            if (airdropped.contains(sender)) {
                return;
            }
            final Counterparty relation = states.get(sender).counterparty(pivot).orElseThrow();
            links.tie(new Evidence(COMMON_SINK, List.of(pivot, sender), pivot, String.join(",", swept),
                    transactions(List.of(relation)), sender + " passed on " + String.join(", ", swept)
                            + " it received to " + pivot + " (a sweep to a cash-out address)"));
        });
    }

    private void selfAuthorisation(final String pivot, final Counterparties state, final Links links) {
        if (state.contract()) {
            return;
        }
        final List<Counterparty> approvers = state.top().stream().filter(c -> c.approvalsReceived() > 0).toList();
        if (approvers.isEmpty()) {
            return;
        }
        final List<String> members = new ArrayList<>();
        members.add(pivot);
        approvers.forEach(c -> members.add(c.address()));
        links.tie(new Evidence(SELF_AUTHORISATION, members, pivot, null, transactions(approvers),
                approvers.size() + " address(es) approved " + pivot + ", an externally owned address, to spend their tokens"));
    }

    private void commonFunder(final String pivot, final Counterparties state, final Map<String, Counterparties> states,
                              final Links links) {
        if (state.degree() > settings.maxFunderFanout()) {
            return;
        }
        final List<Counterparty> funded = new ArrayList<>();
        for (final Counterparty recipient : recipients(state)) {
            if (!recipient.valueSent().containsKey(GraphEdge.ETH)) {
                continue;
            }
            final Counterparties recipientState = states.get(recipient.address());
            if (recipientState != null && !recipientState.contract()
                    && firstFunder(recipientState).filter(pivot::equals).isPresent()) {
                funded.add(recipient);
            }
        }
        if (funded.size() < 2) {
            return;
        }
        links.tie(new Evidence(COMMON_FUNDER, funded.stream().map(Counterparty::address).toList(), pivot, GraphEdge.ETH,
                transactions(funded), funded.size() + " wallets got their first ether from " + pivot));
    }

    /** Who sent an address its first ether (the earliest relation with ether received). */
    private static Optional<String> firstFunder(final Counterparties state) {
        return state.top().stream()
                .filter(c -> c.valueReceived().containsKey(GraphEdge.ETH))
                .min(Comparator.comparingLong(Counterparty::firstBlock).thenComparing(Counterparty::address))
                .map(Counterparty::address);
    }

    private static List<String> transactions(final List<Counterparty> relations) {
        return relations.stream().map(Counterparty::lastTransaction).filter(Objects::nonNull).distinct().toList();
    }

    /** Union-find over addresses, remembering the evidence of each union. */
    private static final class Links {
        private final Map<String, String> parent = new HashMap<>();
        private final List<Evidence> evidence = new ArrayList<>();

        void tie(final Evidence found) {
            evidence.add(found);
            final String first = found.addresses().get(0);
            for (final String other : found.addresses()) {
                union(first, other);
            }
        }

        private String find(final String address) {
            String root = parent.getOrDefault(address, address);
            while (!root.equals(parent.getOrDefault(root, root))) {
                root = parent.getOrDefault(root, root);
            }
            parent.put(address, root);
            return root;
        }

        private void union(final String a, final String b) {
            final String ra = find(a);
            final String rb = find(b);
            if (!ra.equals(rb)) {
                parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
            }
        }

        List<Cluster> clustersOf(final List<String> requested) {
            final Map<String, Set<String>> members = new LinkedHashMap<>();
            for (final String address : new ArrayList<>(parent.keySet())) {
                members.computeIfAbsent(find(address), k -> new TreeSet<>()).add(address);
            }
            final Map<String, List<String>> requestedByRoot = new LinkedHashMap<>();
            for (final String address : requested) {
                requestedByRoot.computeIfAbsent(find(address), k -> new ArrayList<>()).add(address);
            }
            final List<Cluster> clusters = new ArrayList<>();
            requestedByRoot.forEach((root, asked) -> {
                final Set<String> all = members.getOrDefault(root, new TreeSet<>(asked));
                final List<Evidence> why = evidence.stream()
                        .filter(e -> all.contains(e.addresses().get(0))).toList();
                clusters.add(new Cluster(List.copyOf(all), asked, why));
            });
            return clusters;
        }
    }
}
