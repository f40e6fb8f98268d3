package dev.soba.streams.simulator;

import static dev.soba.streams.simulator.EtlLogs.SWAP_TOPIC;
import static dev.soba.streams.simulator.EtlLogs.SYNC_TOPIC;
import static dev.soba.streams.simulator.EtlLogs.TRANSFER_TOPIC;
import static dev.soba.streams.simulator.EtlLogs.fieldNames;
import static dev.soba.streams.simulator.EtlLogs.topic0;
import static dev.soba.streams.simulator.EtlLogs.topicAddress;
import static dev.soba.streams.simulator.EtlLogs.words;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.schemas.mev.MevFinding;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/**
 * The market simulator: deterministic for a seed, every item one the pipeline accepts, reserves,
 * balances, nonces, receipts, logs and traces consistent with each other. (That the MEV inspector
 * finds every injected sandwich and arbitrage, and nothing else, is {@code SimulatedInspectionTest}
 * in the benchmarks module, which holds the bridge between the two.)
 */
class SimulatedMarketTest {

    private static final long SEED = 424_242L;
    private static final long START_BLOCK = 19_000_000L;
    private static final long START_TIMESTAMP = 1_704_067_200L;
    private static final int BLOCKS = 240;

    private static final String TRANSFER = "0xa9059cbb";
    private static final String TRANSFER_FROM = "0x23b872dd";
    private static final String PAIR_SWAP = "0x022c0d9f";
    private static final Set<String> ROUTERS = Set.of("0x7a250d5630b4cf539739df2c5dacb4c659f2488d",
            "0xd9e1ce17f2641f24ae83637ab66a2cca9c378b9f");
    private static final String USDC_WETH_UNISWAP = "0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc";
    private static final String WBTC_WETH_UNISWAP = "0xbb2b8038a1640196fbe3e38816f3e67cba72d940";

    /** ethereum-etl's trace item fields in order (its test_stream expectations for block 2112234). */
    private static final List<String> TRACE_FIELDS = List.of("type", "transaction_index", "from_address", "to_address",
            "value", "input", "output", "trace_type", "call_type", "reward_type", "gas", "gas_used", "subtraces",
            "trace_address", "error", "status", "transaction_hash", "block_number", "trace_id", "trace_index",
            "block_timestamp", "block_hash", "item_id", "item_timestamp");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SyntheticChain chain;
    private static Economy genesis;
    private static List<ConstantProductPair> genesisPairs;
    private static final List<SyntheticBlock> BLOCKS_MADE = new ArrayList<>();
    private static final List<GroundTruth> TRUTH = new ArrayList<>();

    @BeforeAll
    static void simulate() {
        chain = new SyntheticChain(SEED, START_BLOCK, START_TIMESTAMP, 12, Scenario.MARKET);
        genesis = new SyntheticChain(SEED, START_BLOCK, START_TIMESTAMP, 12, Scenario.MARKET).economy();
        genesisPairs = chain.pairs();
        for (int i = 0; i < BLOCKS; i++) {
            final SyntheticBlock block = chain.nextBlock();
            BLOCKS_MADE.add(block);
            TRUTH.addAll(block.groundTruth());
        }
    }

    @Test
    void theSameSeedGivesTheSameItemsTicksAndTruthAndAnotherSeedAnother() throws Exception {
        final SyntheticChain again = new SyntheticChain(SEED, START_BLOCK, START_TIMESTAMP, 12, Scenario.MARKET);
        final SyntheticChain other = new SyntheticChain(SEED + 1, START_BLOCK, START_TIMESTAMP, 12, Scenario.MARKET);
        boolean truthDiffers = false;
        for (int i = 0; i < 40; i++) {
            final SyntheticBlock expected = BLOCKS_MADE.get(i);
            assertThat(serialised(again.nextBlock())).isEqualTo(serialised(expected));
            final SyntheticBlock different = other.nextBlock();
            assertThat(different.hash()).isNotEqualTo(expected.hash());
            truthDiffers |= !different.groundTruth().equals(expected.groundTruth());
        }
        assertThat(truthDiffers).isTrue();
    }

    @Test
    void everyItemAndTickPassesThePipelinesValidatorWithEthereumEtlsFields() {
        for (final SyntheticBlock block : BLOCKS_MADE) {
            for (final ObjectNode item : block.allItems()) {
                assertThat(ItemParser.parse(item, Optional.empty())).as("%s", item).isInstanceOf(Validated.Valid.class);
            }
            for (final ObjectNode trace : block.traces()) {
                assertThat(fieldNames(trace)).isEqualTo(TRACE_FIELDS);
            }
            for (final ObjectNode tick : block.ticks()) {
                assertThat(ItemParser.parse(tick, Optional.of(ItemType.MARKET_TICK))).as("%s", tick)
                        .isInstanceOf(Validated.Valid.class);
            }
            assertThat(block.allItems()).hasSize(1 + block.transactions().size() + block.logs().size()
                    + block.tokenTransfers().size() + block.traces().size());
        }
    }

    @Test
    void everyActorIsThere() {
        final Map<String, Long> kinds = TRUTH.stream().collect(Collectors.groupingBy(
                t -> t.kind().wireName() + (t.reverted() ? " reverted" : ""), Collectors.counting()));
        assertThat(kinds.get("sandwich")).isGreaterThan(BLOCKS / 4);
        assertThat(kinds.get("arbitrage")).isGreaterThan(BLOCKS / 4);
        assertThat(kinds.get("arbitrage reverted")).isPositive();
        assertThat(kinds.get("phishing_drain")).isPositive();
        final Set<String> swappedPools = new HashSet<>();
        BLOCKS_MADE.forEach(b -> b.logs().stream().filter(l -> topic0(l).equals(SWAP_TOPIC))
                .forEach(l -> swappedPools.add(l.get("address").asText())));
        assertThat(swappedPools).containsExactlyInAnyOrderElementsOf(
                genesisPairs.stream().map(ConstantProductPair::address).toList());
        assertThat(genesisPairs).hasSize(8);
        assertThat(chain.searcherContracts()).hasSize(6).doesNotHaveDuplicates();
        assertThat(chain.drainWallets()).hasSize(3);
    }

    /** Every Swap, on either exchange, by a router or a searcher, replayed against reserves tracked from genesis. */
    @Test
    void reservesFollowEverySwapAndItsSync() {
        final Map<String, BigInteger[]> reserves = new HashMap<>();
        genesisPairs.forEach(p -> reserves.put(p.address(), new BigInteger[] {p.reserve0(), p.reserve1()}));
        for (final SyntheticBlock block : BLOCKS_MADE) {
            final List<ObjectNode> logs = block.logs();
            for (int i = 0; i < logs.size(); i++) {
                if (!topic0(logs.get(i)).equals(SWAP_TOPIC)) {
                    continue;
                }
                final JsonNode swap = logs.get(i);
                final JsonNode sync = logs.get(i - 1);
                final String pair = swap.get("address").asText();
                assertThat(topic0(sync)).isEqualTo(SYNC_TOPIC);
                assertThat(sync.get("address").asText()).isEqualTo(pair);
                assertThat(sync.get("transaction_hash")).isEqualTo(swap.get("transaction_hash"));
                final List<BigInteger> amounts = words(swap);
                final boolean zeroForOne = amounts.get(0).signum() > 0;
                final BigInteger in = zeroForOne ? amounts.get(0) : amounts.get(1);
                final BigInteger out = zeroForOne ? amounts.get(3) : amounts.get(2);
                final BigInteger[] before = reserves.get(pair);
                final BigInteger reserveIn = zeroForOne ? before[0] : before[1];
                final BigInteger reserveOut = zeroForOne ? before[1] : before[0];
                final BigInteger withFee = in.multiply(BigInteger.valueOf(997));
                assertThat(out).isEqualTo(withFee.multiply(reserveOut)
                        .divide(reserveIn.multiply(BigInteger.valueOf(1000)).add(withFee)));
                final BigInteger[] after = zeroForOne
                        ? new BigInteger[] {before[0].add(in), before[1].subtract(out)}
                        : new BigInteger[] {before[0].subtract(out), before[1].add(in)};
                assertThat(words(sync)).containsExactly(after[0], after[1]);
                assertThat(after[0].multiply(after[1])).isGreaterThanOrEqualTo(before[0].multiply(before[1]));
                reserves.put(pair, after);
            }
        }
        chain.pairs().forEach(p -> assertThat(reserves.get(p.address())).containsExactly(p.reserve0(), p.reserve1()));
    }

    /** Token balances replayed from the Transfer logs, starting at genesis: never below zero, and equal to the state. */
    @Test
    void balancesNeverGoNegativeAndEndWhereTheEconomyIs() {
        final Set<String> pools = genesisPairs.stream().map(ConstantProductPair::address).collect(Collectors.toSet());
        final Map<String, Erc20Token> tokens = MarketGenesis.TOKENS.stream()
                .collect(Collectors.toMap(Erc20Token::address, t -> t));
        final Map<List<String>, BigInteger> balances = new HashMap<>();
        for (final SyntheticBlock block : BLOCKS_MADE) {
            for (final ObjectNode log : block.logs()) {
                if (!topic0(log).equals(TRANSFER_TOPIC)) {
                    continue;
                }
                final Erc20Token token = tokens.get(log.get("address").asText());
                final String from = topicAddress(log.get("topics").get(1));
                final String to = topicAddress(log.get("topics").get(2));
                final BigInteger value = words(log).get(0);
                if (!pools.contains(from)) {
                    final BigInteger left = balances.computeIfAbsent(List.of(from, token.address()),
                            k -> genesis.balanceOf(from, token)).subtract(value);
                    assertThat(left.signum()).as("%s's %s", from, token.symbol()).isNotNegative();
                    balances.put(List.of(from, token.address()), left);
                }
                if (!pools.contains(to)) {
                    balances.merge(List.of(to, token.address()), genesis.balanceOf(to, token).add(value),
                            (old, ignored) -> old.add(value));
                }
            }
        }
        assertThat(balances).hasSizeGreaterThan(100);
        balances.forEach((key, balance) -> assertThat(chain.economy().balanceOf(key.get(0), tokens.get(key.get(1))))
                .as("%s", key).isEqualTo(balance));
    }

    @Test
    void noncesCountUpPerSenderAndTradersSendOneTransactionPerBlock() {
        final Map<String, Long> last = new HashMap<>();
        final Set<String> traders = Set.copyOf(chain.traders());
        for (final SyntheticBlock block : BLOCKS_MADE) {
            final Set<String> tradersThisBlock = new HashSet<>();
            for (final ObjectNode tx : block.transactions()) {
                final String sender = tx.get("from_address").asText();
                final long nonce = tx.get("nonce").asLong();
                final Long previous = last.put(sender, nonce);
                if (previous != null) {
                    assertThat(nonce).as("nonce of %s", sender).isEqualTo(previous + 1);
                }
                if (traders.contains(sender)) {
                    assertThat(tradersThisBlock.add(sender)).as("%s twice in block %d", sender, block.number()).isTrue();
                }
            }
        }
    }

    /**
     * Traces against receipts and logs: the top call is the transaction; gas adds up; a reverted
     * transaction has no logs and only failed traces; the token transfers the calls make are the
     * Transfer logs, in order, and every pair {@code swap} call is one Swap log, paying whom the log says.
     */
    @Test
    void tracesAgreeWithReceiptsAndLogs() {
        int reverted = 0;
        for (final SyntheticBlock block : BLOCKS_MADE) {
            final Map<String, List<JsonNode>> tracesByTx = new LinkedHashMap<>();
            final Set<String> ids = new HashSet<>();
            for (int i = 0; i < block.traces().size(); i++) {
                final JsonNode trace = block.traces().get(i);
                assertThat(trace.get("trace_index").asInt()).isEqualTo(i);
                assertThat(ids.add(trace.get("trace_id").asText())).isTrue();
                tracesByTx.computeIfAbsent(trace.get("transaction_hash").asText(), h -> new ArrayList<>()).add(trace);
            }
            final Map<String, List<JsonNode>> logsByTx = new HashMap<>();
            block.logs().forEach(l -> logsByTx.computeIfAbsent(l.get("transaction_hash").asText(), h -> new ArrayList<>())
                    .add(l));
            assertThat(tracesByTx.keySet()).containsExactlyElementsOf(
                    block.transactions().stream().map(tx -> tx.get("hash").asText()).toList());
            for (final ObjectNode tx : block.transactions()) {
                final String hash = tx.get("hash").asText();
                final List<JsonNode> traces = tracesByTx.get(hash);
                final List<JsonNode> logs = logsByTx.getOrDefault(hash, List.of());
                final JsonNode top = traces.get(0);
                assertThat(top.get("trace_address")).isEmpty();
                assertThat(top.get("from_address")).isEqualTo(tx.get("from_address"));
                assertThat(top.get("to_address")).isEqualTo(tx.get("to_address"));
                assertThat(top.get("input")).isEqualTo(tx.get("input"));
                assertThat(top.get("value")).isEqualTo(tx.get("value"));
                assertThat(top.get("transaction_index")).isEqualTo(tx.get("transaction_index"));
                final long intrinsic = EthereumEtlItems.intrinsicGas(tx.get("input").asText());
                assertThat(top.get("gas").asLong() + intrinsic).isEqualTo(tx.get("gas").asLong());
                assertGasAddsUp(traces);
                if (tx.get("receipt_status").asInt() == 0) {
                    reverted++;
                    assertThat(logs).isEmpty();
                    assertThat(top.get("error").asText()).isEqualTo("Reverted");
                    assertThat(top.get("output").isNull()).isTrue();
                    traces.forEach(t -> assertThat(t.get("status").asInt()).isZero());
                    continue;
                }
                assertThat(top.get("gas_used").asLong() + intrinsic).isEqualTo(tx.get("receipt_gas_used").asLong());
                traces.forEach(t -> {
                    assertThat(t.get("status").asInt()).isEqualTo(1);
                    assertThat(t.get("error").isNull()).isTrue();
                });
                assertThat(transfersOfCalls(traces)).isEqualTo(logs.stream()
                        .filter(l -> topic0(l).equals(TRANSFER_TOPIC))
                        .map(l -> List.of(l.get("address").asText(), topicAddress(l.get("topics").get(1)),
                                topicAddress(l.get("topics").get(2)), words(l).get(0).toString()))
                        .toList());
                assertThat(swapsOfCalls(traces)).isEqualTo(logs.stream()
                        .filter(l -> topic0(l).equals(SWAP_TOPIC))
                        .map(l -> List.of(l.get("address").asText(), topicAddress(l.get("topics").get(2))))
                        .toList());
            }
        }
        assertThat(reverted).isPositive();
    }

    /** Front-run, victim and back-run are next to each other; the victim still gets at least its minimum. */
    @Test
    void sandwichesAreBundlesAndTheirVictimsGetTheirMinimum() {
        for (final GroundTruth sandwich : TRUTH.stream().filter(t -> t.kind() == GroundTruth.Kind.SANDWICH).toList()) {
            final SyntheticBlock block = BLOCKS_MADE.get((int) (sandwich.blockNumber() - START_BLOCK));
            final Map<String, ObjectNode> txs = block.transactions().stream()
                    .collect(Collectors.toMap(tx -> tx.get("hash").asText(), tx -> tx));
            final List<Integer> positions = sandwich.transactionHashes().stream()
                    .map(h -> txs.get(h).get("transaction_index").asInt()).toList();
            assertThat(positions.get(1)).isEqualTo(positions.get(0) + 1);
            assertThat(positions.get(2)).isEqualTo(positions.get(1) + 1);
            for (final String leg : List.of(sandwich.frontrunTransactionHash(), sandwich.backrunTransactionHash())) {
                assertThat(txs.get(leg).get("from_address").asText()).isEqualTo(sandwich.searcherAccount());
                assertThat(txs.get(leg).get("to_address").asText()).isEqualTo(sandwich.searcherAddress());
            }
            final ObjectNode victim = txs.get(sandwich.victimTransactionHashes().get(0));
            assertThat(ROUTERS).contains(victim.get("to_address").asText());
            final BigInteger minimum = new BigInteger(victim.get("input").asText().substring(74, 138), 16);
            final BigInteger received = block.logs().stream()
                    .filter(l -> l.get("transaction_hash").asText().equals(victim.get("hash").asText())
                            && topic0(l).equals(TRANSFER_TOPIC)
                            && topicAddress(l.get("topics").get(2)).equals(victim.get("from_address").asText()))
                    .map(l -> words(l).get(0)).findFirst().orElseThrow();
            assertThat(received).isGreaterThanOrEqualTo(minimum);
            assertThat(sandwich.expectedProfit()).isPositive();
        }
    }

    @Test
    void drainsCollectSmallTransfersFromManyVictimsAndSweepThemQuickly() {
        final List<GroundTruth> sweeps = TRUTH.stream().filter(t -> t.kind() == GroundTruth.Kind.PHISHING_DRAIN).toList();
        final Map<String, ObjectNode> txs = new HashMap<>();
        final Map<String, List<ObjectNode>> transferLogs = new HashMap<>();
        BLOCKS_MADE.forEach(b -> {
            b.transactions().forEach(tx -> txs.put(tx.get("hash").asText(), tx));
            b.logs().stream().filter(l -> topic0(l).equals(TRANSFER_TOPIC))
                    .forEach(l -> transferLogs.computeIfAbsent(l.get("transaction_hash").asText(), h -> new ArrayList<>()).add(l));
        });
        final Map<String, Set<String>> victimsByWallet = new HashMap<>();
        for (final GroundTruth sweep : sweeps) {
            assertThat(sweep.blockNumber() - sweep.firstBlockNumber()).isBetween(0L, 4L);
            assertThat(sweep.victimAddresses()).hasSameSizeAs(sweep.inboundTransactionHashes());
            for (final String inbound : sweep.inboundTransactionHashes()) {
                final ObjectNode tx = txs.get(inbound);
                final String recipient = transferLogs.containsKey(inbound)
                        ? topicAddress(transferLogs.get(inbound).get(0).get("topics").get(2))
                        : tx.get("to_address").asText();
                assertThat(recipient).isEqualTo(sweep.walletAddress());
                assertThat(sweep.victimAddresses()).contains(tx.get("from_address").asText());
            }
            for (final String out : sweep.sweepTransactionHashes()) {
                final ObjectNode tx = txs.get(out);
                assertThat(tx.get("from_address").asText()).isEqualTo(sweep.walletAddress());
                assertThat(tx.get("block_number").asLong()).isEqualTo(sweep.blockNumber());
                final String recipient = transferLogs.containsKey(out)
                        ? topicAddress(transferLogs.get(out).get(0).get("topics").get(2))
                        : tx.get("to_address").asText();
                assertThat(recipient).isEqualTo(sweep.sinkAddress());
            }
            victimsByWallet.computeIfAbsent(sweep.walletAddress(), w -> new HashSet<>()).addAll(sweep.victimAddresses());
        }
        assertThat(victimsByWallet.values()).allMatch(victims -> victims.size() >= 5);
    }

    /** Exchange prices stay within their noise of the pools' price at the end of the block, inside the block's slot. */
    @Test
    void ticksFollowThePoolPricesWithNoise() {
        final Map<String, BigInteger[]> reserves = new HashMap<>();
        genesisPairs.forEach(p -> reserves.put(p.address(), new BigInteger[] {p.reserve0(), p.reserve1()}));
        int ticks = 0;
        for (final SyntheticBlock block : BLOCKS_MADE) {
            block.logs().stream().filter(l -> topic0(l).equals(SYNC_TOPIC)).forEach(l -> reserves.put(
                    l.get("address").asText(), words(l).toArray(BigInteger[]::new)));
            final BigInteger[] usdcWeth = reserves.get(USDC_WETH_UNISWAP);
            final double eth = usdcWeth[0].doubleValue() / 1e6 / (usdcWeth[1].doubleValue() / 1e18);
            final BigInteger[] wbtcWeth = reserves.get(WBTC_WETH_UNISWAP);
            final double btc = eth * (wbtcWeth[1].doubleValue() / 1e18) / (wbtcWeth[0].doubleValue() / 1e8);
            final long start = block.block().get("timestamp").asLong() * 1000;
            long previous = 0;
            for (final ObjectNode tick : block.ticks()) {
                final long time = tick.get("timestamp").asLong();
                assertThat(time).isBetween(start, start + 11_999).isGreaterThanOrEqualTo(previous);
                previous = time;
                final double reference = tick.get("symbol").asText().startsWith("ETH") ? eth : btc;
                assertThat(Double.parseDouble(tick.get("price").asText()) / reference).isBetween(0.995, 1.005);
                ticks++;
            }
        }
        assertThat(ticks).isGreaterThan(BLOCKS * 5);
    }

    @Test
    void groundTruthRoundTripsThroughItsJsonLine() {
        for (final GroundTruth event : TRUTH) {
            assertThat(GroundTruth.parse(event.toJson())).isEqualTo(event);
        }
        assertThat(TRUTH.get(0).toJson()).startsWith("{\"kind\":\"");
    }

    private static void assertGasAddsUp(final List<JsonNode> traces) {
        final Map<String, JsonNode> byAddress = new HashMap<>();
        final Map<String, Long> childrenUsed = new HashMap<>();
        final Map<String, Integer> children = new HashMap<>();
        for (final JsonNode trace : traces) {
            final String address = trace.get("trace_address").toString();
            byAddress.put(address, trace);
            if (!trace.get("gas_used").isNull()) {
                assertThat(trace.get("gas_used").asLong()).isLessThanOrEqualTo(trace.get("gas").asLong());
            }
            final List<Integer> path = new ArrayList<>();
            trace.get("trace_address").forEach(n -> path.add(n.asInt()));
            if (!path.isEmpty()) {
                final String parent = path.subList(0, path.size() - 1).toString().replace(" ", "");
                assertThat(trace.get("gas").asLong()).isLessThan(byAddress.get(parent).get("gas").asLong());
                childrenUsed.merge(parent, trace.get("gas_used").asLong(), Long::sum);
                children.merge(parent, 1, Integer::sum);
            }
        }
        byAddress.forEach((address, trace) -> {
            assertThat(trace.get("subtraces").asInt()).isEqualTo(children.getOrDefault(address, 0));
            if (!trace.get("gas_used").isNull()) {
                assertThat(childrenUsed.getOrDefault(address, 0L)).isLessThanOrEqualTo(trace.get("gas_used").asLong());
            }
        });
    }

    /** (token, from, to, amount) of every transfer or transferFrom call that took effect, skipping proxy delegations. */
    private static List<List<String>> transfersOfCalls(final List<JsonNode> traces) {
        final List<List<String>> transfers = new ArrayList<>();
        for (final JsonNode trace : traces) {
            final String input = trace.get("input").asText();
            if (!"call".equals(trace.get("call_type").asText())) {
                continue;
            }
            if (input.startsWith(TRANSFER)) {
                transfers.add(List.of(trace.get("to_address").asText(), trace.get("from_address").asText(),
                        argumentAddress(input, 0), argument(input, 1).toString()));
            } else if (input.startsWith(TRANSFER_FROM)) {
                transfers.add(List.of(trace.get("to_address").asText(), argumentAddress(input, 0),
                        argumentAddress(input, 1), argument(input, 2).toString()));
            }
        }
        return transfers;
    }

    /** (pair, recipient) of every pair swap call. */
    private static List<List<String>> swapsOfCalls(final List<JsonNode> traces) {
        return traces.stream().filter(t -> t.get("input").asText().startsWith(PAIR_SWAP))
                .map(t -> List.of(t.get("to_address").asText(), argumentAddress(t.get("input").asText(), 2))).toList();
    }

    private static BigInteger argument(final String input, final int index) {
        return new BigInteger(input.substring(10 + 64 * index, 10 + 64 * (index + 1)), 16);
    }

    private static String argumentAddress(final String input, final int index) {
        return Numeric.toHexStringWithPrefixZeroPadded(argument(input, index), 40);
    }





    private static String serialised(final SyntheticBlock block) throws Exception {
        return JSON.writeValueAsString(List.of(block.allItems(), block.ticks(),
                block.groundTruth().stream().map(GroundTruth::toJson).toList()));
    }
}
