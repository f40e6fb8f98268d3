package dev.soba.streams.processors.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each heuristic on a history the test builds, and the cases it must not merge. */
class WalletClustersTest {

    private static final String USDC = "0x" + "a0".repeat(20);
    private static final String AIRDROP_TOKEN = "0x" + "ad".repeat(20);

    private final Map<String, Counterparties> states = new HashMap<>();
    private long block = 100;
    private int sequence;

    private static String address(final String name) {
        return "0x" + String.format("%40s", Integer.toHexString(name.hashCode() & 0x7fffffff)).replace(' ', '0');
    }

    private void apply(final GraphEdge edge) {
        for (final String end : new String[] {edge.fromAddress(), edge.toAddress()}) {
            states.put(end, states.getOrDefault(end, Counterparties.empty()).apply(end, CounterpartyChange.add(edge), 200));
        }
    }

    private String transfer(final String from, final String to, final String token, final long value) {
        final String tx = String.format("0x%064x", ++sequence);
        apply(GraphEdge.transfer(tx, GraphEdge.ETH.equals(token) ? -1 : 0, block++, "0xb", address(from), address(to), token,
                BigInteger.valueOf(value)));
        return tx;
    }

    private String approve(final String owner, final String spender) {
        final String tx = String.format("0x%064x", ++sequence);
        apply(new GraphEdge(true, tx, 1, block++, "0xb", address(owner), address(spender), USDC, BigInteger.ZERO));
        return tx;
    }

    private void contract(final String name) {
        states.put(address(name), states.getOrDefault(address(name), Counterparties.empty())
                .apply(address(name), CounterpartyChange.contract(), 200));
    }

    private void exchangeWithCustomers(final String exchange, final int customers) {
        for (int i = 0; i < customers; i++) {
            transfer(exchange + "-customer-" + i, exchange, GraphEdge.ETH, 1);
        }
    }

    private WalletClusters.Analysis analyse(final String... names) {
        return new WalletClusters(batch -> {
            final Map<String, Counterparties> found = new HashMap<>();
            batch.forEach(a -> Optional.ofNullable(states.get(a)).ifPresent(s -> found.put(a, s)));
            return found;
        }, WalletClusters.Settings.defaults()).analyse(java.util.Arrays.stream(names).map(WalletClustersTest::address).toList());
    }

    private static WalletClusters.Cluster clusterOf(final WalletClusters.Analysis analysis, final String name) {
        return analysis.clusters().stream().filter(c -> c.members().contains(address(name))).findFirst().orElseThrow();
    }

    private static List<String> addresses(final String... names) {
        return java.util.Arrays.stream(names).map(WalletClustersTest::address).toList();
    }

    @Test
    void aDrainAndItsCashOutAreOneActorItsVictimsAreNot() {
        final String inbound1 = transfer("victim-1", "drain", GraphEdge.ETH, 500);
        transfer("victim-2", "drain", USDC, 300);
        transfer("victim-3", "drain", GraphEdge.ETH, 200);
        final String sweepEth = transfer("drain", "sink", GraphEdge.ETH, 690);
        transfer("drain", "sink", USDC, 300);

        for (final String asked : new String[] {"drain", "sink"}) {
            final WalletClusters.Analysis analysis = analyse(asked);
            final WalletClusters.Cluster cluster = clusterOf(analysis, asked);
            assertThat(cluster.members()).containsExactlyInAnyOrderElementsOf(addresses("drain", "sink"));
            assertThat(cluster.evidence()).extracting(WalletClusters.Evidence::heuristic).containsOnly(WalletClusters.COMMON_SINK);
            assertThat(cluster.evidence().get(0).transactions()).isNotEmpty();
            assertThat(cluster.evidence().get(0).transactions()).doesNotContain(inbound1);
        }
        final WalletClusters.Analysis victims = analyse("victim-1", "victim-2", "drain");
        assertThat(clusterOf(victims, "victim-1").members()).containsExactly(address("victim-1"));
        assertThat(clusterOf(victims, "victim-2").members()).containsExactly(address("victim-2"));
        assertThat(sweepEth).isNotBlank();
    }

    @Test
    void depositAddressReuseTiesTheCustomersOfOneDepositAddress() {
        exchangeWithCustomers("exchange", 60);
        transfer("alice-1", "deposit", GraphEdge.ETH, 10);
        transfer("alice-2", "deposit", GraphEdge.ETH, 20);
        transfer("deposit", "exchange", GraphEdge.ETH, 30);
        // another customer with her own deposit address stays apart
        transfer("bob", "bob-deposit", GraphEdge.ETH, 5);
        transfer("bob-deposit", "exchange", GraphEdge.ETH, 5);

        final WalletClusters.Analysis analysis = analyse("alice-1", "bob");
        final WalletClusters.Cluster alice = clusterOf(analysis, "alice-1");
        assertThat(alice.members()).containsExactlyInAnyOrderElementsOf(addresses("alice-1", "alice-2", "deposit"));
        assertThat(alice.evidence()).extracting(WalletClusters.Evidence::heuristic).contains(WalletClusters.DEPOSIT_REUSE);
        assertThat(alice.members()).doesNotContain(address("exchange"), address("bob"));
        assertThat(clusterOf(analysis, "bob").members()).doesNotContain(address("alice-1"));
    }

    @Test
    void airdropMultiParticipationTiesTheParticipantsAndTheirAggregator() {
        for (final String hunter : new String[] {"hunter-1", "hunter-2", "hunter-3"}) {
            transfer("distributor", hunter, AIRDROP_TOKEN, 100);
            transfer(hunter, "collector", AIRDROP_TOKEN, 100);
        }
        // a genuine recipient who kept the airdrop is not tied to anyone
        transfer("distributor", "keeper", AIRDROP_TOKEN, 100);

        final WalletClusters.Analysis analysis = analyse("hunter-1", "keeper");
        final WalletClusters.Cluster hunters = clusterOf(analysis, "hunter-1");
        assertThat(hunters.members()).containsExactlyInAnyOrderElementsOf(addresses("hunter-1", "hunter-2", "hunter-3", "collector"));
        assertThat(hunters.evidence()).extracting(WalletClusters.Evidence::heuristic).containsOnly(WalletClusters.AIRDROP);
        assertThat(hunters.evidence().get(0).token()).isEqualTo(AIRDROP_TOKEN);
        assertThat(clusterOf(analysis, "keeper").members()).containsExactly(address("keeper"));
    }

    @Test
    void selfAuthorisationTiesAnOwnerToTheExternallyOwnedAddressItApproved() {
        final String approval = approve("owner", "own-spender");
        approve("user", "router");
        contract("router");

        final WalletClusters.Analysis analysis = analyse("owner", "user");
        final WalletClusters.Cluster owner = clusterOf(analysis, "owner");
        assertThat(owner.members()).containsExactlyInAnyOrderElementsOf(addresses("owner", "own-spender"));
        assertThat(owner.evidence()).singleElement().satisfies(e -> {
            assertThat(e.heuristic()).isEqualTo(WalletClusters.SELF_AUTHORISATION);
            assertThat(e.transactions()).containsExactly(approval);
        });
        // approving a contract (a router) is what everyone does: no tie
        assertThat(clusterOf(analysis, "user").members()).containsExactly(address("user"));
    }

    @Test
    void aCommonFunderTiesTheWalletsItFundedFirst() {
        transfer("farmer", "sybil-1", GraphEdge.ETH, 10);
        transfer("farmer", "sybil-2", GraphEdge.ETH, 10);
        transfer("farmer", "sybil-3", GraphEdge.ETH, 10);
        // funded first by someone else: the farmer's later payment does not make it a sybil
        transfer("employer", "worker", GraphEdge.ETH, 50);
        transfer("farmer", "worker", GraphEdge.ETH, 1);
        // a hub (an exchange's hot wallet) funds everyone: no tie
        exchangeWithCustomers("hot-wallet", 60);
        transfer("hot-wallet", "client-1", GraphEdge.ETH, 5);
        transfer("hot-wallet", "client-2", GraphEdge.ETH, 5);

        final WalletClusters.Analysis analysis = analyse("sybil-1", "client-1");
        final WalletClusters.Cluster sybils = clusterOf(analysis, "sybil-1");
        assertThat(sybils.members()).containsExactlyInAnyOrderElementsOf(addresses("sybil-1", "sybil-2", "sybil-3"));
        assertThat(sybils.evidence()).extracting(WalletClusters.Evidence::heuristic).containsOnly(WalletClusters.COMMON_FUNDER);
        assertThat(clusterOf(analysis, "client-1").members()).containsExactly(address("client-1"));
    }

    @Test
    void unknownAddressesAreReportedApart() {
        transfer("a", "b", GraphEdge.ETH, 1);
        final WalletClusters.Analysis analysis = analyse("a", "never-seen");
        assertThat(analysis.unknown()).containsExactly(address("never-seen"));
        assertThat(analysis.clusters()).hasSize(1);
    }
}
