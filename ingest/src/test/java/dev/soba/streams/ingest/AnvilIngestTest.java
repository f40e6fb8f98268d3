package dev.soba.streams.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.ingest.devchain.Anvil;
import dev.soba.streams.ingest.anvil.FlakyProxy;
import dev.soba.streams.ingest.anvil.NodeTools;
import dev.soba.streams.ingest.devchain.UniswapV2;
import dev.soba.streams.ingest.etl.EtlTraces;
import dev.soba.streams.ingest.etl.GethCallTraces;
import dev.soba.streams.ingest.etl.SameJson;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.topology.Topics;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ingester on a real node (anvil) into a real broker (in-process KRaft): Uniswap V2 deployed from
 * its npm artifacts, tokens and trades; every item must pass the pipeline's validator and agree with
 * what the node says; a re-organisation made with {@code evm_snapshot}/{@code evm_revert} re-emits the
 * new canonical blocks; a restart continues without gaps or duplicates; a block ordered by hand
 * ({@code evm_setAutomine false}, {@code evm_mine}) keeps its order. Skipped, saying why, when anvil
 * and the artifacts are not installed (see {@link NodeTools}).
 */
class AnvilIngestTest {

    private static Anvil node;
    private static TestKafka kafka;
    private static UniswapV2 uniswap;

    @BeforeAll
    static void start() throws Exception {
        NodeTools.assumeInstalled();
        node = Anvil.start(NodeTools.anvil().orElseThrow());
        kafka = TestKafka.start();
        uniswap = UniswapV2.deploy(node, NodeTools.folder().orElseThrow());
        // a few ordinary blocks of trading: A→B, B→A, ETH→A, a plain token transfer
        node.awaitReceipt(uniswap.swap(node.account(1), UniswapV2.E18.multiply(BigInteger.valueOf(1_000)), uniswap.tokenA(), uniswap.tokenB()));
        node.awaitReceipt(uniswap.swap(node.account(2), UniswapV2.E18.multiply(BigInteger.valueOf(500)), uniswap.tokenB(), uniswap.tokenA()));
        node.awaitReceipt(uniswap.swapEth(node.account(3), UniswapV2.E18, uniswap.weth(), uniswap.tokenA()));
        node.awaitReceipt(uniswap.swap(node.account(1), UniswapV2.E18.multiply(BigInteger.valueOf(10)), uniswap.tokenA(), uniswap.weth(),
                uniswap.tokenB()));
        node.awaitReceipt(uniswap.transfer(node.account(2), uniswap.tokenB(), node.account(3), UniswapV2.E18));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static IngestSettings settings(final String prefix) {
        return IngestSettings.defaults(node.url(), kafka.bootstrapServers(), new Topics(prefix))
                .withStartBlock(new StartBlock.At(0)).withBatch(10).withPollInterval(Duration.ofMillis(100));
    }

    /** Each topic's committed items, parsed and validated by the pipeline's own validator. */
    private static Map<ItemType, List<ObjectNode>> readItems(final Topics topics) {
        final Map<ItemType, List<ObjectNode>> items = new LinkedHashMap<>();
        final List<ItemType> types = List.of(ItemType.BLOCK, ItemType.TRANSACTION, ItemType.LOG, ItemType.TOKEN_TRANSFER,
                ItemType.TRACE, ItemType.CONTRACT, ItemType.TOKEN);
        final Map<String, List<ConsumerRecord<byte[], byte[]>>> records =
                kafka.readAll(types.stream().map(topics::input).toList());
        for (final ItemType type : types) {
            final List<ObjectNode> ofType = new ArrayList<>();
            for (final ConsumerRecord<byte[], byte[]> record : records.get(topics.input(type))) {
                final Validated<?> validated = ItemParser.parse(record.value(), Optional.of(type));
                assertThat(validated).as(new String(record.value())).isInstanceOf(Validated.Valid.class);
                assertThat(record.key()).as("ethereum-etl sends no key").isNull();
                ofType.add((ObjectNode) Json.tree(record.value()));
            }
            items.put(type, ofType);
        }
        return items;
    }

    private static long number(final JsonNode node, final String field) {
        final String hex = node.path(field).asText();
        return new BigInteger(hex.substring(2), 16).longValueExact();
    }

    private static BigInteger quantity(final JsonNode node, final String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null
                : new BigInteger(node.path(field).asText().substring(2), 16);
    }

    @Test
    void everyItemIsValidAndAgreesWithTheNode() {
        final Topics topics = new Topics("all_");
        final long head = node.blockNumber();
        try (ChainIngester ingester = ChainIngester.open(settings("all_"))) {
            ingester.catchUp();
            assertThat(ingester.metrics().getIngested()).isEqualTo(head);
            assertThat(ingester.metrics().getLag()).isZero();
        }
        final Map<ItemType, List<ObjectNode>> items = readItems(topics);

        // blocks: every height once, hashes and linkage as the node has them
        final List<ObjectNode> blocks = items.get(ItemType.BLOCK);
        assertThat(blocks).extracting(b -> b.get("number").asLong())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, head).boxed().toList());
        int transactionCount = 0;
        final Set<String> createdByTransactions = new HashSet<>();
        final Map<String, ObjectNode> transactions = items.get(ItemType.TRANSACTION).stream()
                .collect(Collectors.toMap(t -> t.get("hash").asText(), t -> t));
        for (final ObjectNode block : blocks) {
            final JsonNode fromNode = node.block(block.get("number").asLong());
            assertThat(block.get("hash").asText()).isEqualTo(fromNode.get("hash").asText());
            assertThat(block.get("parent_hash").asText()).isEqualTo(fromNode.get("parentHash").asText());
            assertThat(block.get("timestamp").asLong()).isEqualTo(number(fromNode, "timestamp"));
            assertThat(block.get("gas_used").asLong()).isEqualTo(number(fromNode, "gasUsed"));
            assertThat(block.get("transaction_count").asInt()).isEqualTo(fromNode.get("transactions").size());
            for (final JsonNode tx : fromNode.get("transactions")) {
                transactionCount++;
                final ObjectNode item = transactions.get(tx.get("hash").asText());
                assertThat(item).as("transaction " + tx.get("hash")).isNotNull();
                final JsonNode receipt = node.receipt(tx.get("hash").asText());
                assertThat(item.get("from_address").asText()).isEqualTo(tx.get("from").asText());
                assertThat(item.path("to_address").isNull() ? null : item.get("to_address").asText())
                        .isEqualTo(tx.path("to").isNull() ? null : tx.get("to").asText());
                assertThat(item.get("value").bigIntegerValue()).isEqualTo(quantity(tx, "value"));
                assertThat(item.get("nonce").bigIntegerValue()).isEqualTo(quantity(tx, "nonce"));
                assertThat(item.get("input").asText()).isEqualTo(tx.get("input").asText());
                assertThat(item.get("block_hash").asText()).isEqualTo(block.get("hash").asText());
                assertThat(item.get("receipt_status").asLong()).isEqualTo(number(receipt, "status"));
                assertThat(item.get("receipt_gas_used").asLong()).isEqualTo(number(receipt, "gasUsed"));
                assertThat(item.get("receipt_effective_gas_price").bigIntegerValue())
                        .isEqualTo(quantity(receipt, "effectiveGasPrice"));
                if (!receipt.path("contractAddress").isNull()) {
                    createdByTransactions.add(receipt.get("contractAddress").asText());
                }
            }
        }
        assertThat(items.get(ItemType.TRANSACTION)).hasSize(transactionCount);

        // logs: exactly eth_getLogs over the whole chain
        final JsonNode nodeLogs = node.call("eth_getLogs", List.of(Map.of("fromBlock", "0x0", "toBlock",
                "0x" + Long.toHexString(head))));
        assertThat(items.get(ItemType.LOG)).hasSize(nodeLogs.size());
        final Map<String, ObjectNode> logs = items.get(ItemType.LOG).stream()
                .collect(Collectors.toMap(l -> l.get("item_id").asText(), l -> l));
        int transferLogs = 0;
        for (final JsonNode log : nodeLogs) {
            final ObjectNode item = logs.get("log_" + log.get("transactionHash").asText() + "_" + number(log, "logIndex"));
            assertThat(item).isNotNull();
            assertThat(item.get("address").asText()).isEqualTo(log.get("address").asText());
            assertThat(item.get("data").asText()).isEqualTo(log.get("data").asText());
            assertThat(item.get("topics")).isEqualTo(log.get("topics"));
            if (log.get("topics").get(0).asText().equals(dev.soba.streams.ingest.etl.TokenTransfers.TRANSFER_TOPIC)) {
                transferLogs++;
            }
        }
        // every Transfer here is an ERC-20 one (3 topics, one data word): one token transfer each
        assertThat(items.get(ItemType.TOKEN_TRANSFER)).hasSize(transferLogs).isNotEmpty();

        // traces: as many as the node's trace_block, all call trees complete
        int nodeTraces = 0;
        for (long n = 0; n <= head; n++) {
            nodeTraces += node.call("trace_block", List.of("0x" + Long.toHexString(n))).size();
        }
        assertThat(items.get(ItemType.TRACE)).hasSize(nodeTraces);

        // contracts: the five deployed by transactions and the two pairs the factory created
        final Set<String> contracts = items.get(ItemType.CONTRACT).stream().map(c -> c.get("address").asText())
                .collect(Collectors.toSet());
        final Set<String> expected = new HashSet<>(createdByTransactions);
        expected.add(uniswap.pair(uniswap.tokenA(), uniswap.tokenB()));
        expected.add(uniswap.pair(uniswap.tokenA(), uniswap.weth()));
        assertThat(contracts).containsExactlyInAnyOrderElementsOf(expected).hasSize(7);
        for (final ObjectNode contract : items.get(ItemType.CONTRACT)) {
            final String code = node.call("eth_getCode", List.of(contract.get("address").asText(), "latest")).asText();
            assertThat(contract.get("bytecode").asText()).isEqualTo(code);
        }

        // tokens: exactly the contracts classified ERC-20/721, with what the token answers
        final Set<String> tokenContracts = items.get(ItemType.CONTRACT).stream()
                .filter(c -> c.get("is_erc20").asBoolean() || c.get("is_erc721").asBoolean())
                .map(c -> c.get("address").asText()).collect(Collectors.toSet());
        assertThat(items.get(ItemType.TOKEN)).extracting(t -> t.get("address").asText())
                .containsExactlyInAnyOrderElementsOf(tokenContracts);
        // (ethereum-etl's selector scan stops at the first JUMPDEST: these compilers' dispatchers put one
        // before most selectors, so none of these contracts counts as ERC-20 and there are no token items —
        // exactly what ethereum-etl gives.) The token calls themselves, on the real node, for WETH9:
        final JsonNode wethBlock = node.block(head);
        final dev.soba.streams.ingest.rpc.EthNode eth = new dev.soba.streams.ingest.rpc.EthNode(
                new dev.soba.streams.ingest.rpc.JsonRpcClient(node.url(), 0, dev.soba.streams.ingest.rpc.Backoff.DEFAULT, 3,
                        Duration.ofSeconds(10)));
        final dev.soba.streams.ingest.etl.EtlTokens.TokenMetadata weth = dev.soba.streams.ingest.etl.EtlTokens.read(
                selector -> eth.call(uniswap.weth(), selector, wethBlock.get("hash").asText(), head));
        assertThat(weth.symbol()).contains("WETH");
        assertThat(weth.name()).contains("Wrapped Ether");
        assertThat(weth.decimals()).contains(BigInteger.valueOf(18));
        assertThat(weth.totalSupply()).contains(UniswapV2.E18.multiply(BigInteger.valueOf(51)));
        // the pair answers name, symbol and decimals; a pair has no DECIMALS(): the lower-case call answers first
        final dev.soba.streams.ingest.etl.EtlTokens.TokenMetadata pair = dev.soba.streams.ingest.etl.EtlTokens.read(
                selector -> eth.call(uniswap.pair(uniswap.tokenA(), uniswap.tokenB()), selector,
                        wethBlock.get("hash").asText(), head));
        assertThat(pair.symbol()).contains("UNI-V2");
        assertThat(pair.decimals()).contains(BigInteger.valueOf(18));
        // a contract without those functions: every call fails, nothing is made up
        final dev.soba.streams.ingest.etl.EtlTokens.TokenMetadata factory = dev.soba.streams.ingest.etl.EtlTokens.read(
                selector -> eth.call(uniswap.factory(), selector, wethBlock.get("hash").asText(), head));
        assertThat(factory).isEqualTo(new dev.soba.streams.ingest.etl.EtlTokens.TokenMetadata(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        eth.rpc().close();
        System.out.printf("anvil chain of %d blocks: %s%n", head + 1, items.entrySet().stream()
                .map(e -> e.getKey().typeName() + " " + e.getValue().size()).collect(Collectors.joining(", ")));
    }

    @Test
    void gethCallTracesConvertToWhatParityTraceBlockGives() {
        final long head = node.blockNumber();
        int compared = 0;
        for (long n = 1; n <= head; n++) {
            final JsonNode block = node.block(n);
            final String hash = block.get("hash").asText();
            final List<JsonNode> parity = new ArrayList<>();
            node.call("trace_block", List.of("0x" + Long.toHexString(n))).forEach(parity::add);
            final List<JsonNode> geth = new ArrayList<>();
            node.call("debug_traceBlockByHash", List.of(hash, Map.of("tracer", "callTracer"))).forEach(geth::add);
            final List<String> txHashes = new ArrayList<>();
            block.get("transactions").forEach(t -> txHashes.add(t.get("hash").asText()));
            final BigInteger timestamp = quantity(block, "timestamp");
            final List<ObjectNode> fromParity = EtlTraces.items(parity, timestamp, hash);
            final List<ObjectNode> fromGeth = EtlTraces.items(
                    GethCallTraces.toParity(BigInteger.valueOf(n), hash, txHashes, geth), timestamp, hash);
            assertThat(fromGeth).hasSameSizeAs(fromParity);
            for (int i = 0; i < fromParity.size(); i++) {
                final ObjectNode p = fromParity.get(i).deepCopy();
                final ObjectNode g = fromGeth.get(i).deepCopy();
                if (p.get("trace_address").isEmpty()) {
                    // the one documented difference: gas of the top frame (intrinsic gas, see GethCallTraces)
                    p.remove(List.of("gas", "gas_used"));
                    g.remove(List.of("gas", "gas_used"));
                }
                assertThat(SameJson.same(g, p)).as("block %d trace %d:%n geth   %s%n parity %s", n, i, g, p).isTrue();
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20);
    }

    @Test
    void aReorganisationReEmitsTheNewCanonicalBlocks() {
        final Topics topics = new Topics("reorg_");
        final String snapshot = node.snapshot();
        final long forkPoint = node.blockNumber();
        node.awaitReceipt(uniswap.swap(node.account(1), UniswapV2.E18.multiply(BigInteger.valueOf(7)), uniswap.tokenA(), uniswap.tokenB()));
        node.awaitReceipt(uniswap.swap(node.account(2), UniswapV2.E18.multiply(BigInteger.valueOf(9)), uniswap.tokenA(), uniswap.tokenB()));
        final List<String> oldBranch = List.of(node.block(forkPoint + 1).get("hash").asText(),
                node.block(forkPoint + 2).get("hash").asText());
        try (ChainIngester ingester = ChainIngester.open(settings("reorg_"))) {
            ingester.catchUp();
            assertThat(ingester.metrics().getIngested()).isEqualTo(forkPoint + 2);
            node.revert(snapshot);
            // the new branch: other trades, and one block longer
            node.awaitReceipt(uniswap.swap(node.account(3), UniswapV2.E18.multiply(BigInteger.valueOf(3)), uniswap.tokenB(), uniswap.tokenA()));
            node.awaitReceipt(uniswap.transfer(node.account(3), uniswap.tokenA(), node.account(1), UniswapV2.E18));
            node.awaitReceipt(uniswap.swap(node.account(1), UniswapV2.E18.multiply(BigInteger.valueOf(2)), uniswap.tokenB(), uniswap.tokenA()));
            ingester.catchUp();
            assertThat(ingester.metrics().getIngested()).isEqualTo(forkPoint + 3);
            assertThat(ingester.metrics().getReorgs()).isEqualTo(1);
            assertThat(ingester.metrics().getOrphanedBlocks()).isEqualTo(2);
        }
        final List<ObjectNode> blocks = readItems(topics).get(ItemType.BLOCK);
        // heights up to the fork once; the two orphaned heights twice (old hash, then new); the new tip once
        final Map<Long, List<String>> hashesByHeight = new LinkedHashMap<>();
        blocks.forEach(b -> hashesByHeight.computeIfAbsent(b.get("number").asLong(), h -> new ArrayList<>())
                .add(b.get("hash").asText()));
        for (long n = 0; n <= forkPoint; n++) {
            assertThat(hashesByHeight.get(n)).as("height " + n).containsExactly(node.block(n).get("hash").asText());
        }
        assertThat(hashesByHeight.get(forkPoint + 1)).containsExactly(oldBranch.get(0), node.block(forkPoint + 1).get("hash").asText());
        assertThat(hashesByHeight.get(forkPoint + 2)).containsExactly(oldBranch.get(1), node.block(forkPoint + 2).get("hash").asText());
        assertThat(hashesByHeight.get(forkPoint + 3)).containsExactly(node.block(forkPoint + 3).get("hash").asText());
        assertThat(oldBranch.get(0)).isNotEqualTo(node.block(forkPoint + 1).get("hash").asText());
    }

    @Test
    void aRestartContinuesWithoutGapsOrDuplicatesEvenAfterAnAbandonedTransactionAndAReorgWhileDown() {
        final Topics topics = new Topics("restart_");
        final IngestSettings settings = settings("restart_").withBatch(2);
        final IngestSettings resume = IngestSettings.defaults(node.url(), kafka.bootstrapServers(), topics).withBatch(2);
        final String snapshot;
        final long firstRunHead;
        try (ChainIngester first = ChainIngester.open(settings)) {
            first.catchUp();
            firstRunHead = first.metrics().getIngested();
            assertThat(firstRunHead).isEqualTo(node.blockNumber());
        }
        // a zombie: the same transactional id opens a transaction, sends a bogus block and never commits
        final KafkaProducer<byte[], byte[]> zombie = new KafkaProducer<>(ItemWriter.settings(kafka.bootstrapServers(),
                "soba-ingest-restart_chain-" + 31337), new ByteArraySerializer(), new ByteArraySerializer());
        zombie.initTransactions();
        zombie.beginTransaction();
        zombie.send(new ProducerRecord<>(topics.input(ItemType.BLOCK), "{\"type\":\"block\",\"bogus\":true}".getBytes()));
        zombie.flush();
        // while the ingester is down: the chain grows, then loses its last block to another branch
        node.awaitReceipt(uniswap.swap(node.account(1), UniswapV2.E18, uniswap.tokenA(), uniswap.tokenB()));
        snapshot = node.snapshot();
        node.awaitReceipt(uniswap.swap(node.account(2), UniswapV2.E18, uniswap.tokenA(), uniswap.tokenB()));
        try (ChainIngester second = ChainIngester.open(resume)) {
            second.catchUp();
        }
        final String orphaned = node.block(node.blockNumber()).get("hash").asText();
        node.revert(snapshot);
        node.awaitReceipt(uniswap.swap(node.account(3), UniswapV2.E18, uniswap.tokenB(), uniswap.tokenA()));
        node.awaitReceipt(uniswap.swap(node.account(3), UniswapV2.E18, uniswap.tokenB(), uniswap.tokenA()));
        final long reorgs;
        try (ChainIngester third = ChainIngester.open(resume)) {
            third.catchUp();
            reorgs = third.metrics().getReorgs();
            assertThat(third.metrics().getIngested()).isEqualTo(node.blockNumber());
        }
        zombie.close(Duration.ZERO);
        assertThat(reorgs).as("the reorg while down is found from the stored state").isEqualTo(1);

        final Map<ItemType, List<ObjectNode>> items = readItems(topics);
        final List<ObjectNode> blocks = items.get(ItemType.BLOCK);
        assertThat(blocks).noneMatch(b -> b.has("bogus"));
        // each height once, except the one orphaned while down: its old hash, then the new
        final Map<Long, List<String>> hashesByHeight = new HashMap<>();
        blocks.forEach(b -> hashesByHeight.computeIfAbsent(b.get("number").asLong(), h -> new ArrayList<>())
                .add(b.get("hash").asText()));
        final long orphanedHeight = node.blockNumber() - 1;
        for (long n = 0; n <= node.blockNumber(); n++) {
            final String canonical = node.block(n).get("hash").asText();
            assertThat(hashesByHeight.get(n)).as("height " + n)
                    .containsExactlyElementsOf(n == orphanedHeight ? List.of(orphaned, canonical) : List.of(canonical));
        }
        // no item twice: identities are unique across the three runs
        for (final Map.Entry<ItemType, List<ObjectNode>> entry : items.entrySet()) {
            final List<String> ids = entry.getValue().stream().map(i -> i.get("item_id").asText()).toList();
            assertThat(new HashSet<>(ids)).as(entry.getKey() + " ids").hasSize(ids.size());
        }
    }

    @Test
    void aSandwichOrderedByHandIsIngestedInItsOrder() {
        final Topics topics = new Topics("sandwich_");
        final String attacker = node.account(1);
        final String victim = node.account(2);
        node.automine(false);
        final List<String> order;
        try {
            order = List.of(
                    uniswap.swap(attacker, UniswapV2.E18.multiply(BigInteger.valueOf(20_000)), uniswap.tokenA(), uniswap.tokenB()),
                    uniswap.swap(victim, UniswapV2.E18.multiply(BigInteger.valueOf(5_000)), uniswap.tokenA(), uniswap.tokenB()),
                    uniswap.swap(attacker, UniswapV2.E18.multiply(BigInteger.valueOf(30_000)), uniswap.tokenB(), uniswap.tokenA()));
            node.mine();
        } finally {
            node.automine(true);
        }
        order.forEach(node::awaitReceipt);
        final long sandwichBlock = node.blockNumber();
        try (ChainIngester ingester = ChainIngester.open(settings("sandwich_")
                .withStartBlock(new StartBlock.At(sandwichBlock)))) {
            ingester.catchUp();
        }
        final Map<ItemType, List<ObjectNode>> items = readItems(topics);
        assertThat(items.get(ItemType.BLOCK)).singleElement().satisfies(b -> {
            assertThat(b.get("number").asLong()).isEqualTo(sandwichBlock);
            assertThat(b.get("transaction_count").asInt()).isEqualTo(3);
        });
        assertThat(items.get(ItemType.TRANSACTION)).extracting(t -> t.get("hash").asText()).containsExactlyElementsOf(order);
        assertThat(items.get(ItemType.TRANSACTION)).extracting(t -> t.get("receipt_status").asInt()).containsOnly(1);
        final String pair = uniswap.pair(uniswap.tokenA(), uniswap.tokenB());
        final String swapTopic = "0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822";
        assertThat(items.get(ItemType.LOG).stream().filter(l -> l.get("topics").get(0).asText().equals(swapTopic)))
                .extracting(l -> l.get("address").asText() + " " + l.get("transaction_index").asInt())
                .containsExactly(pair + " 0", pair + " 1", pair + " 2");
        assertThat(items.get(ItemType.TRACE)).extracting(t -> t.get("transaction_index").asInt()).contains(0, 1, 2);
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedAndAMissingBlockReceiptsMethodFallsBack() {
        final long head = node.blockNumber();
        try (ChainIngester clean = ChainIngester.open(settings("clean_"))) {
            clean.catchUp();
        }
        final long retries;
        try (FlakyProxy proxy = new FlakyProxy(node.url(), 3, 7, Set.of("eth_getBlockReceipts"));
             ChainIngester flaky = ChainIngester.open(new IngestSettings(proxy.url(), Optional.of(new StartBlock.At(0)), 0,
                     TraceSource.GETH, 10, 0, 64, Duration.ofMillis(100), kafka.bootstrapServers(), new Topics("flaky_"),
                     Optional.empty(), new dev.soba.streams.ingest.rpc.Backoff(Duration.ofMillis(5), Duration.ofMillis(50)), 0,
                     Duration.ofSeconds(10), Optional.empty()))) {
            flaky.catchUp();
            retries = flaky.metrics().getRpcRetries();
            assertThat(flaky.metrics().getIngested()).isEqualTo(head);
            assertThat(proxy.refused()).isPositive();
            assertThat(retries).isGreaterThanOrEqualTo(proxy.refused());
        }
        final Map<ItemType, List<ObjectNode>> expected = readItems(new Topics("clean_"));
        final Map<ItemType, List<ObjectNode>> actual = readItems(new Topics("flaky_"));
        for (final ItemType type : expected.keySet()) {
            final List<ObjectNode> want = expected.get(type).stream().filter(i -> number(i) <= head).toList();
            final List<ObjectNode> got = actual.get(type);
            assertThat(got).as(type.typeName()).hasSameSizeAs(want);
            for (int i = 0; i < want.size(); i++) {
                final ObjectNode w = want.get(i).deepCopy();
                final ObjectNode g = got.get(i).deepCopy();
                if (type == ItemType.TRACE && w.get("trace_address").isEmpty()) {
                    w.remove(List.of("gas", "gas_used"));
                    g.remove(List.of("gas", "gas_used"));
                }
                assertThat(SameJson.same(g, w)).as("%s %d:%n got  %s%n want %s", type, i, g, w).isTrue();
            }
        }
    }

    private static long number(final ObjectNode item) {
        return item.has("number") ? item.get("number").asLong() : item.get("block_number").asLong();
    }

    @Test
    void withoutTracesContractsComeFromTheTransactionsThatCreateThem() {
        final long head = node.blockNumber();
        try (ChainIngester ingester = ChainIngester.open(settings("notraces_").withTraces(TraceSource.NONE))) {
            ingester.catchUp();
            assertThat(ingester.metrics().getIngested()).isEqualTo(head);
        }
        final Map<ItemType, List<ObjectNode>> items = readItems(new Topics("notraces_"));
        assertThat(items.get(ItemType.TRACE)).isEmpty();
        assertThat(items.get(ItemType.CONTRACT)).extracting(c -> c.get("address").asText()).containsExactlyInAnyOrder(
                uniswap.weth(), uniswap.tokenA(), uniswap.tokenB(), uniswap.factory(), uniswap.router());
        assertThat(items.get(ItemType.BLOCK)).hasSize((int) head + 1);
    }

    @Test
    void aNodeWithoutTraceBlockIsNamedAndNothingIsWritten() {
        try (FlakyProxy proxy = new FlakyProxy(node.url(), 0, 0, Set.of("trace_block"));
             ChainIngester ingester = ChainIngester.open(IngestSettings.defaults(proxy.url(), kafka.bootstrapServers(),
                     new Topics("notrace_")).withStartBlock(new StartBlock.At(0)))) {
            assertThatThrownBy(ingester::catchUp).isInstanceOf(dev.soba.streams.ingest.rpc.RpcException.class)
                    .hasMessageContaining("trace_block").hasMessageContaining("does not exist")
                    .satisfies(e -> assertThat(((dev.soba.streams.ingest.rpc.RpcException) e).kind())
                            .isEqualTo(dev.soba.streams.ingest.rpc.RpcException.Kind.UNSUPPORTED));
        }
        assertThat(readItems(new Topics("notrace_")).get(ItemType.BLOCK)).isEmpty();
    }
}
