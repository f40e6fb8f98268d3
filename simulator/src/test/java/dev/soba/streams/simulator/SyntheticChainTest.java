package dev.soba.streams.simulator;

import static dev.soba.streams.simulator.EtlLogs.SWAP_TOPIC;
import static dev.soba.streams.simulator.EtlLogs.SYNC_TOPIC;
import static dev.soba.streams.simulator.EtlLogs.TRANSFER_TOPIC;
import static dev.soba.streams.simulator.EtlLogs.fieldNames;
import static dev.soba.streams.simulator.EtlLogs.topic0;
import static dev.soba.streams.simulator.EtlLogs.topicAddress;
import static dev.soba.streams.simulator.EtlLogs.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticChainTest {

    private static final long SEED = 20240501L;
    private static final long START_BLOCK = 19_000_000L;
    private static final long START_TIMESTAMP = 1_714_521_600L;
    private static final int BLOCKS = 200;

    private static final String ROUTER = "0x7a250d5630b4cf539739df2c5dacb4c659f2488d";

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");
    private static final Pattern HEX = Pattern.compile("0x([0-9a-f]{2})*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields, in order, of the items in ethereum-etl's test_stream expectations (blocks 17173049-17173050). */
    private static final Map<String, List<String>> ETHEREUM_ETL_FIELDS = Map.of(
            "block", List.of("type", "number", "hash", "parent_hash", "nonce", "sha3_uncles", "logs_bloom",
                    "transactions_root", "state_root", "receipts_root", "miner", "difficulty", "total_difficulty",
                    "size", "extra_data", "gas_limit", "gas_used", "timestamp", "transaction_count",
                    "base_fee_per_gas", "withdrawals_root", "withdrawals", "item_id", "item_timestamp"),
            "transaction", List.of("type", "hash", "nonce", "transaction_index", "from_address", "to_address",
                    "value", "gas", "gas_price", "input", "block_timestamp", "block_number", "block_hash",
                    "max_fee_per_gas", "max_priority_fee_per_gas", "transaction_type", "receipt_cumulative_gas_used",
                    "receipt_gas_used", "receipt_contract_address", "receipt_root", "receipt_status",
                    "receipt_effective_gas_price", "item_id", "item_timestamp", "receipt_l1_fee",
                    "receipt_l1_gas_used", "receipt_l1_gas_price", "receipt_l1_fee_scalar"),
            "log", List.of("type", "log_index", "transaction_hash", "transaction_index", "address", "data", "topics",
                    "block_number", "block_timestamp", "block_hash", "item_id", "item_timestamp"),
            "token_transfer", List.of("type", "token_address", "from_address", "to_address", "value",
                    "transaction_hash", "log_index", "block_number", "block_timestamp", "block_hash", "item_id",
                    "item_timestamp"));

    private static List<ConstantProductPair> genesisPairs;
    private static List<SyntheticBlock> blocks;
    private static List<ConstantProductPair> finalPairs;

    @BeforeAll
    static void generate() {
        final SyntheticChain chain = new SyntheticChain(SEED, START_BLOCK, START_TIMESTAMP);
        genesisPairs = chain.pairs();
        blocks = new ArrayList<>();
        for (int i = 0; i < BLOCKS; i++) {
            blocks.add(chain.nextBlock());
        }
        finalPairs = chain.pairs();
    }

    @Test
    void theSameSeedGivesTheSameChainAndAnotherSeedAnother() throws Exception {
        final SyntheticChain again = new SyntheticChain(SEED, START_BLOCK, START_TIMESTAMP);
        final SyntheticChain other = new SyntheticChain(SEED + 1, START_BLOCK, START_TIMESTAMP);
        for (int i = 0; i < 50; i++) {
            final SyntheticBlock expected = blocks.get(i);
            assertThat(serialised(again.nextBlock())).isEqualTo(serialised(expected));
            assertThat(other.nextBlock().hash()).isNotEqualTo(expected.hash());
        }
    }

    @Test
    void hashesArePureFunctionsOfSeedAndHeightSoARestartAgrees() {
        final SyntheticChain restarted = new SyntheticChain(SEED, START_BLOCK + 10, START_TIMESTAMP + 120);
        final SyntheticBlock first = restarted.nextBlock();
        assertThat(first.hash()).isEqualTo(blocks.get(10).hash());
        assertThat(first.block().get("parent_hash").asText()).isEqualTo(blocks.get(9).hash());
        assertThat(first.transactions()).extracting(tx -> tx.get("hash").asText())
                .isEqualTo(blocks.get(10).transactions().stream().map(tx -> tx.get("hash").asText()).toList());
        assertThat(SyntheticChain.blockHash(SEED, START_BLOCK)).isEqualTo(blocks.get(0).hash());
    }

    @Test
    void blocksLinkUpAndTheirHeadersAddUp() {
        final Set<String> hashes = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            final SyntheticBlock block = blocks.get(i);
            final JsonNode header = block.block();
            final long number = START_BLOCK + i;
            assertThat(header.get("number").asLong()).isEqualTo(number);
            assertThat(header.get("timestamp").asLong()).isEqualTo(START_TIMESTAMP + 12L * i);
            assertThat(header.get("hash").asText()).matches(HASH).isEqualTo(SyntheticChain.blockHash(SEED, number));
            assertThat(hashes.add(block.hash())).isTrue();
            assertThat(header.get("parent_hash").asText()).isEqualTo(i == 0
                    ? SyntheticChain.blockHash(SEED, START_BLOCK - 1) : blocks.get(i - 1).hash());
            assertThat(header.get("transaction_count").asInt())
                    .isEqualTo(block.transactions().size()).isBetween(5, 30);
            final long gasUsed = block.transactions().stream().mapToLong(tx -> tx.get("receipt_gas_used").asLong()).sum();
            assertThat(header.get("gas_used").asLong()).isEqualTo(gasUsed).isLessThanOrEqualTo(header.get("gas_limit").asLong());
            assertThat(header.get("logs_bloom").asText()).matches("0x[0-9a-f]{512}");
            assertThat(header.get("miner").asText()).matches(ADDRESS);
            assertThat(header.get("base_fee_per_gas").asLong()).isPositive();
            assertThat(header.get("size").asLong()).isPositive();
            header.get("withdrawals").forEach(w -> assertThat(w.get("address").asText()).matches(ADDRESS));
        }
    }

    @Test
    void transactionsAreIndexedPricedAndNoncedConsistently() {
        final Map<String, Long> lastNonce = new HashMap<>();
        final Set<String> hashes = new HashSet<>();
        for (final SyntheticBlock block : blocks) {
            final long baseFee = block.block().get("base_fee_per_gas").asLong();
            long cumulative = 0;
            for (int i = 0; i < block.transactions().size(); i++) {
                final JsonNode tx = block.transactions().get(i);
                assertBelongsTo(tx, block);
                assertThat(hashes.add(tx.get("hash").asText())).isTrue();
                assertThat(tx.get("hash").asText()).matches(HASH);
                assertThat(tx.get("transaction_index").asInt()).isEqualTo(i);
                assertThat(tx.get("from_address").asText()).matches(ADDRESS);
                assertThat(tx.get("to_address").asText()).matches(ADDRESS);
                assertThat(tx.get("input").asText()).matches(HEX);
                final long used = tx.get("receipt_gas_used").asLong();
                cumulative += used;
                assertThat(tx.get("receipt_cumulative_gas_used").asLong()).isEqualTo(cumulative);
                assertThat(used).isLessThanOrEqualTo(tx.get("gas").asLong()).isGreaterThanOrEqualTo(21_000);
                assertThat(tx.get("receipt_status").asInt()).isEqualTo(1);
                final long price = tx.get("gas_price").asLong();
                assertThat(tx.get("receipt_effective_gas_price").asLong()).isEqualTo(price);
                assertThat(price).isGreaterThan(baseFee);
                if (tx.get("transaction_type").asInt() == 2) {
                    assertThat(price).isEqualTo(baseFee + tx.get("max_priority_fee_per_gas").asLong());
                    assertThat(tx.get("max_fee_per_gas").asLong()).isGreaterThanOrEqualTo(price);
                } else {
                    assertThat(tx.get("transaction_type").asInt()).isZero();
                    assertThat(tx.get("max_fee_per_gas").isNull()).isTrue();
                    assertThat(tx.get("max_priority_fee_per_gas").isNull()).isTrue();
                }
                final String sender = tx.get("from_address").asText();
                final long nonce = tx.get("nonce").asLong();
                final Long previous = lastNonce.put(sender, nonce);
                if (previous != null) {
                    assertThat(nonce).as("nonce of %s", sender).isEqualTo(previous + 1);
                }
            }
        }
    }

    @Test
    void logsAndTokenTransfersPointIntoTheirBlock() {
        for (final SyntheticBlock block : blocks) {
            final Map<String, Integer> txIndexByHash = block.transactions().stream()
                    .collect(Collectors.toMap(tx -> tx.get("hash").asText(), tx -> tx.get("transaction_index").asInt()));
            int previousTxIndex = 0;
            for (int i = 0; i < block.logs().size(); i++) {
                final JsonNode log = block.logs().get(i);
                assertBelongsTo(log, block);
                assertThat(log.get("log_index").asInt()).isEqualTo(i);
                final String txHash = log.get("transaction_hash").asText();
                assertThat(txIndexByHash).containsEntry(txHash, log.get("transaction_index").asInt());
                assertThat(log.get("transaction_index").asInt()).isGreaterThanOrEqualTo(previousTxIndex);
                previousTxIndex = log.get("transaction_index").asInt();
                assertThat(log.get("address").asText()).matches(ADDRESS);
                assertThat(log.get("data").asText()).matches(HEX);
                log.get("topics").forEach(topic -> assertThat(topic.asText()).matches(HASH));
                assertThat(log.get("item_id").asText()).isEqualTo("log_" + txHash + "_" + i);
            }
            final List<JsonNode> transferLogs = block.logs().stream()
                    .filter(log -> log.get("topics").get(0).asText().equals(TRANSFER_TOPIC)).map(JsonNode.class::cast).toList();
            assertThat(block.tokenTransfers()).hasSameSizeAs(transferLogs);
            for (int i = 0; i < transferLogs.size(); i++) {
                final JsonNode log = transferLogs.get(i);
                final JsonNode transfer = block.tokenTransfers().get(i);
                assertBelongsTo(transfer, block);
                assertThat(transfer.get("log_index").asInt()).isEqualTo(log.get("log_index").asInt());
                assertThat(transfer.get("transaction_hash").asText()).isEqualTo(log.get("transaction_hash").asText());
                assertThat(transfer.get("token_address").asText()).isEqualTo(log.get("address").asText());
                assertThat(transfer.get("from_address").asText()).isEqualTo(topicAddress(log.get("topics").get(1)));
                assertThat(transfer.get("to_address").asText()).isEqualTo(topicAddress(log.get("topics").get(2)));
                assertThat(transfer.get("value").bigIntegerValue()).isEqualTo(words(log).get(0)).isPositive();
                assertThat(transfer.get("item_id").asText()).isEqualTo("token_transfer_"
                        + log.get("transaction_hash").asText() + "_" + log.get("log_index").asInt());
            }
        }
    }

    /**
     * Replays every swap against reserves tracked from genesis: the transfers, Sync and Swap agree
     * with each other and with getAmountOut, and k never decreases.
     */
    @Test
    void swapsFollowTheConstantProductAndDecodeBackToTheirAmounts() {
        final Map<String, BigInteger[]> reserves = new HashMap<>();
        final Map<String, ConstantProductPair> pairs = new HashMap<>();
        genesisPairs.forEach(p -> {
            reserves.put(p.address(), new BigInteger[] {p.reserve0(), p.reserve1()});
            pairs.put(p.address(), p);
        });
        final Map<String, Integer> swapsPerPair = new HashMap<>();
        for (final SyntheticBlock block : blocks) {
            final Map<String, String> senderOf = block.transactions().stream()
                    .collect(Collectors.toMap(tx -> tx.get("hash").asText(), tx -> tx.get("from_address").asText()));
            final List<ObjectNode> logs = block.logs();
            for (int i = 0; i < logs.size(); i++) {
                if (!topic0(logs.get(i)).equals(SWAP_TOPIC)) {
                    continue;
                }
                final JsonNode swap = logs.get(i);
                final JsonNode sync = logs.get(i - 1);
                final JsonNode transferOut = logs.get(i - 2);
                final JsonNode transferIn = logs.get(i - 3);
                final String pair = swap.get("address").asText();
                final String trader = senderOf.get(swap.get("transaction_hash").asText());
                final ConstantProductPair tokens = pairs.get(pair);
                assertThat(tokens).as("Swap from a known pair").isNotNull();
                assertThat(List.of(topic0(transferIn), topic0(transferOut), topic0(sync)))
                        .containsExactly(TRANSFER_TOPIC, TRANSFER_TOPIC, SYNC_TOPIC);
                assertThat(sync.get("address").asText()).isEqualTo(pair);
                assertThat(swap.get("topics")).hasSize(3);
                assertThat(topicAddress(swap.get("topics").get(1))).isEqualTo(ROUTER);
                assertThat(topicAddress(swap.get("topics").get(2))).isEqualTo(trader);
                assertThat(topicAddress(transferIn.get("topics").get(1))).isEqualTo(trader);
                assertThat(topicAddress(transferIn.get("topics").get(2))).isEqualTo(pair);
                assertThat(topicAddress(transferOut.get("topics").get(1))).isEqualTo(pair);
                assertThat(topicAddress(transferOut.get("topics").get(2))).isEqualTo(trader);

                final List<BigInteger> amounts = words(swap);
                assertThat(amounts).hasSize(4);
                final boolean zeroForOne = amounts.get(0).signum() > 0;
                final BigInteger amountIn = zeroForOne ? amounts.get(0) : amounts.get(1);
                final BigInteger amountOut = zeroForOne ? amounts.get(3) : amounts.get(2);
                assertThat(zeroForOne ? List.of(amounts.get(1), amounts.get(2)) : List.of(amounts.get(0), amounts.get(3)))
                        .containsOnly(BigInteger.ZERO);
                assertThat(transferIn.get("address").asText())
                        .isEqualTo((zeroForOne ? tokens.token0() : tokens.token1()).address());
                assertThat(transferOut.get("address").asText())
                        .isEqualTo((zeroForOne ? tokens.token1() : tokens.token0()).address());
                assertThat(words(transferIn)).containsExactly(amountIn);
                assertThat(words(transferOut)).containsExactly(amountOut);

                final BigInteger[] before = reserves.get(pair);
                final BigInteger reserveIn = zeroForOne ? before[0] : before[1];
                final BigInteger reserveOut = zeroForOne ? before[1] : before[0];
                final BigInteger withFee = amountIn.multiply(BigInteger.valueOf(997));
                assertThat(amountOut).isEqualTo(withFee.multiply(reserveOut)
                        .divide(reserveIn.multiply(BigInteger.valueOf(1000)).add(withFee)));
                final BigInteger[] after = zeroForOne
                        ? new BigInteger[] {before[0].add(amountIn), before[1].subtract(amountOut)}
                        : new BigInteger[] {before[0].subtract(amountOut), before[1].add(amountIn)};
                assertThat(words(sync)).containsExactly(after[0], after[1]);
                assertThat(after[0].multiply(after[1])).isGreaterThanOrEqualTo(before[0].multiply(before[1]));
                assertThat(after[0].bitLength()).isLessThanOrEqualTo(112);
                assertThat(after[1].bitLength()).isLessThanOrEqualTo(112);
                reserves.put(pair, after);
                swapsPerPair.merge(pair, 1, Integer::sum);
            }
        }
        assertThat(swapsPerPair).containsOnlyKeys(pairs.keySet());
        finalPairs.forEach(p -> assertThat(reserves.get(p.address())).containsExactly(p.reserve0(), p.reserve1()));
        assertThat(finalPairs).isNotEqualTo(genesisPairs);
    }

    @Test
    void eventSignaturesAndPoolsAreTheMainnetOnes() {
        assertThat(UniswapV2Abi.SWAP_TOPIC).isEqualTo(SWAP_TOPIC);
        assertThat(UniswapV2Abi.SYNC_TOPIC).isEqualTo(SYNC_TOPIC);
        assertThat(Erc20Abi.TRANSFER_TOPIC).isEqualTo(TRANSFER_TOPIC);
        assertThat(genesisPairs).extracting(ConstantProductPair::address).containsExactly(
                "0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc", // USDC/WETH
                "0xa478c2975ab1ea89e8196811f51a7b7ade33eb11", // DAI/WETH
                "0xae461ca67b15dc8dc81ce7615e0320da1a9ab8d5", // DAI/USDC
                "0xbb2b8038a1640196fbe3e38816f3e67cba72d940"); // WBTC/WETH
        genesisPairs.forEach(p -> assertThat(p.token0().address()).isLessThan(p.token1().address()));
    }

    @Test
    void everyItemParsesAsJsonWithEthereumEtlFieldsInOrder() throws Exception {
        final DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        for (final SyntheticBlock block : blocks) {
            final String itemTimestamp = iso.format(Instant.ofEpochSecond(block.block().get("timestamp").asLong()));
            assertThat(itemTimestamp).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(block.allItems()).hasSize(1 + block.transactions().size() + block.logs().size()
                    + block.tokenTransfers().size());
            for (final ObjectNode item : block.allItems()) {
                final JsonNode parsed = JSON.readTree(JSON.writeValueAsString(item));
                final String type = parsed.get("type").asText();
                assertThat(fieldNames(parsed)).as(type).isEqualTo(ETHEREUM_ETL_FIELDS.get(type));
                assertThat(parsed.get("item_timestamp").asText()).isEqualTo(itemTimestamp);
                if (parsed.has("value")) {
                    assertThat(parsed.get("value").isIntegralNumber()).as("uint256 value is a bare JSON integer").isTrue();
                }
                parsed.properties().forEach(field -> {
                    final JsonNode value = field.getValue();
                    if (value.isTextual() && !field.getKey().equals("item_timestamp")) {
                        assertThat(value.asText()).as(field.getKey()).isEqualTo(value.asText().toLowerCase(Locale.ROOT));
                    }
                    if (value.isNumber()) {
                        assertThat(value.isIntegralNumber()).as(field.getKey()).isTrue();
                        assertThat(value.bigIntegerValue().signum()).as(field.getKey()).isNotNegative();
                    }
                    if (field.getKey().endsWith("address") && !value.isNull()) {
                        assertThat(value.asText()).as(field.getKey()).matches(ADDRESS);
                    }
                });
            }
            assertThat(block.allItems()).extracting(item -> item.get("type").asText()).isSortedAccordingTo(
                    (a, b) -> Integer.compare(List.of("block", "transaction", "log", "token_transfer").indexOf(a),
                            List.of("block", "transaction", "log", "token_transfer").indexOf(b)));
            assertThat(block.block().get("item_id").asText()).isEqualTo("block_" + block.hash());
        }
    }

    /** Without an arbitrage actor, only the traders' lean towards reference prices keeps pools consistent. */
    @Test
    void poolsStayNearTheirReferencePricesOverHours() {
        final SyntheticChain chain = new SyntheticChain(SEED, START_BLOCK, START_TIMESTAMP);
        for (int i = 0; i < 3_000; i++) {
            chain.nextBlock();
        }
        final Map<String, ConstantProductPair> now = chain.pairs().stream()
                .collect(Collectors.toMap(p -> p.token0().symbol() + "/" + p.token1().symbol(), p -> p));
        assertThat(humanPrice(now.get("DAI/USDC"))).isBetween(0.95, 1.05);
        final double wethInUsdc = 1 / humanPrice(now.get("USDC/WETH"));
        final double wethInDai = 1 / humanPrice(now.get("DAI/WETH"));
        assertThat(wethInUsdc / wethInDai).isBetween(0.95, 1.05);
        assertThat(wethInUsdc).isBetween(2_500.0, 3_500.0);
    }

    @Test
    void amountOutIsUniswapsGetAmountOut() {
        final BigInteger oneEther = BigInteger.TEN.pow(18);
        final BigInteger hundred = oneEther.multiply(BigInteger.valueOf(100));
        assertThat(ConstantProductPair.amountOut(oneEther, hundred, hundred)).isEqualTo(new BigInteger("987158034397061298"));
        assertThatThrownBy(() -> ConstantProductPair.amountOut(BigInteger.ZERO, hundred, hundred))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEconomyRefusesToSpendWhatATraderDoesNotHold() {
        final Economy economy = Economy.genesis(SEED);
        final String trader = economy.traders().get(0);
        final BigInteger balance = economy.balanceOf(trader, MarketGenesis.USDC);
        final Action overdraw = new Action.TokenTransfer(trader, economy.traders().get(1), MarketGenesis.USDC,
                balance.add(BigInteger.ONE));
        assertThatThrownBy(() -> economy.execute(overdraw, START_TIMESTAMP, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(economy.balanceOf(trader, MarketGenesis.USDC)).isEqualTo(balance);
    }

    private static void assertBelongsTo(final JsonNode item, final SyntheticBlock block) {
        assertThat(item.get("block_hash").asText()).isEqualTo(block.hash());
        assertThat(item.get("block_number").asLong()).isEqualTo(block.number());
        assertThat(item.get("block_timestamp").asLong()).isEqualTo(block.block().get("timestamp").asLong());
    }

    /** Price of token0 in token1, in whole tokens. */
    private static double humanPrice(final ConstantProductPair pair) {
        return new BigDecimal(pair.reserve1()).movePointLeft(pair.token1().decimals())
                .divide(new BigDecimal(pair.reserve0()).movePointLeft(pair.token0().decimals()), MathContext.DECIMAL64)
                .doubleValue();
    }





    private static String serialised(final SyntheticBlock block) throws Exception {
        return JSON.writeValueAsString(block.allItems());
    }
}
