package dev.soba.streams.ingest.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mappers against ethereum-etl's own {@code stream} output for real mainnet blocks (the public data
 * folder from the system property {@code soba.data}, read at run time, never copied). The node answers
 * behind those files are not published, so each item is turned back into the JSON-RPC shape it came from
 * and mapped again; what ethereum-etl <em>derives</em> is then checked for real: token transfers from the
 * logs, trace statuses, ids and indexes, contracts with their selectors and ERC-20/721 flags from the
 * create traces' code, and every {@code item_id}/{@code item_timestamp} — all equal to ethereum-etl's,
 * with the same field names in the same order.
 */
class EthereumEtlDerivationAcceptanceTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static Path testStream;

    @BeforeAll
    static void locateData() {
        final String folder = System.getProperty("soba.data");
        if (folder == null || folder.isBlank()) {
            fail("system property soba.data is not set: run with -Pacceptance -Dsoba.data=<public data folder>");
        }
        testStream = Path.of(folder, "ethereum-etl", "test_stream");
        assertThat(testStream).isDirectory();
    }

    @Test
    void tokenTransfersAreDerivedFromTheLogsExactlyAsEthereumEtlDid() throws IOException {
        int checked = 0;
        for (final Path dir : dirsWith("expected_logs.json")) {
            final List<ObjectNode> logs = read(dir.resolve("expected_logs.json"));
            final List<ObjectNode> expected = read(dir.resolve("expected_token_transfers.json"));
            final List<EtlItem> derived = new ArrayList<>();
            for (final ObjectNode log : logs) {
                final ObjectNode remapped = EtlReceipts.log(rpcLog(log), log.get("block_timestamp").bigIntegerValue(),
                        log.get("block_hash").asText());
                assertSameItem(StreamItems.stamp(ItemType.LOG, remapped).body(), log);
                TokenTransfers.fromLog(remapped).map(t -> StreamItems.stamp(ItemType.TOKEN_TRANSFER, t)).ifPresent(derived::add);
            }
            assertThat(derived).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertSameItem(derived.get(i).body(), expected.get(i));
            }
            checked += expected.size();
        }
        assertThat(checked).as("token transfers checked").isEqualTo(292);
    }

    @Test
    void blocksAndTransactionsMapFieldForField() throws IOException {
        int checked = 0;
        for (final Path dir : dirsWith("expected_blocks.json")) {
            final List<ObjectNode> transactions = read(dir.resolve("expected_transactions.json"));
            for (final ObjectNode block : read(dir.resolve("expected_blocks.json"))) {
                final List<ObjectNode> ofBlock = transactions.stream()
                        .filter(t -> t.get("block_number").asLong() == block.get("number").asLong()).toList();
                final ObjectNode rpcBlock = rpcBlock(block, ofBlock);
                assertSameItem(StreamItems.stamp(ItemType.BLOCK, EtlBlocks.block(rpcBlock)).body(), block);
                for (final ObjectNode transaction : ofBlock) {
                    final ObjectNode mapped = EtlBlocks.transaction(rpcTransaction(transaction),
                            block.get("timestamp").bigIntegerValue(), EtlReceipts.receipt(rpcReceipt(transaction)));
                    assertSameItem(StreamItems.stamp(ItemType.TRANSACTION, mapped).body(), transaction);
                    checked++;
                }
                checked++;
            }
        }
        assertThat(checked).as("blocks and transactions checked").isEqualTo(4 + 298 + 2);
    }

    @Test
    void traceStatusesIdsAndIndexesAndContractsAreDerivedAsEthereumEtlDid() throws IOException {
        int traces = 0;
        int contracts = 0;
        for (final Path dir : dirsWith("expected_traces.json")) {
            final List<ObjectNode> expected = read(dir.resolve("expected_traces.json")).stream()
                    .sorted((a, b) -> Long.compare(a.get("trace_index").asLong(), b.get("trace_index").asLong())).toList();
            final List<JsonNode> parity = expected.stream().<JsonNode>map(EthereumEtlDerivationAcceptanceTest::parityTrace).toList();
            final List<ObjectNode> mapped = EtlTraces.items(parity, expected.get(0).get("block_timestamp").bigIntegerValue(),
                    expected.get(0).get("block_hash").asText());
            for (int i = 0; i < expected.size(); i++) {
                assertSameItem(StreamItems.stamp(ItemType.TRACE, mapped.get(i)).body(), expected.get(i));
            }
            traces += expected.size();
            final List<ObjectNode> expectedContracts = read(dir.resolve("expected_contracts.json"));
            final List<ObjectNode> derived = EtlContracts.fromTraces(mapped);
            assertThat(derived).hasSameSizeAs(expectedContracts);
            for (int i = 0; i < derived.size(); i++) {
                assertSameItem(StreamItems.stamp(ItemType.CONTRACT, derived.get(i)).body(), expectedContracts.get(i));
            }
            contracts += derived.size();
            final List<ObjectNode> expectedTokens = read(dir.resolve("expected_tokens.json"));
            final List<ObjectNode> tokenContracts = derived.stream().filter(EtlContracts::isToken).toList();
            assertThat(tokenContracts).hasSameSizeAs(expectedTokens);
            for (int i = 0; i < expectedTokens.size(); i++) {
                final ObjectNode token = expectedTokens.get(i);
                // what the contract answered in 2016, as ethereum-etl recorded it
                final EtlTokens.TokenMetadata answered = new EtlTokens.TokenMetadata(text(token, "symbol"),
                        text(token, "name"), number(token, "decimals"), number(token, "total_supply"));
                assertSameItem(StreamItems.stamp(ItemType.TOKEN, EtlTokens.item(tokenContracts.get(i), answered)).body(), token);
            }
        }
        assertThat(traces).as("traces checked").isGreaterThan(0);
        assertThat(contracts).as("contracts checked").isEqualTo(2);
    }

    private static Optional<String> text(final JsonNode node, final String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    private static Optional<BigInteger> number(final JsonNode node, final String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).bigIntegerValue()) : Optional.empty();
    }

    private static void assertSameItem(final ObjectNode actual, final ObjectNode expected) {
        final String where = expected.path("item_id").asText();
        // ethereum-etl's test files were extended by hand: fields added later (L1 fees, withdrawals) follow
        // item_id/item_timestamp there, which the exporter appends last. The order is compared for the
        // fields before item_id.
        final List<String> expectedNames = SameJson.fieldNames(expected);
        final int itemId = expectedNames.indexOf("item_id");
        final List<String> expectedOrder = expectedNames.subList(0, itemId < 0 ? expectedNames.size() : itemId);
        final List<String> actualOrder = SameJson.fieldNames(actual).stream().filter(expectedOrder::contains).toList();
        assertThat(SameJson.fieldNames(actual)).as(where + " fields").containsExactlyInAnyOrderElementsOf(
                SameJson.fieldNames(expected));
        assertThat(actualOrder).as(where + " field order").containsExactlyElementsOf(expectedOrder);
        assertThat(SameJson.same(actual, expected)).as(where + ":\n  ours  " + actual + "\n  etl's " + expected).isTrue();
    }

    private static List<Path> dirsWith(final String file) throws IOException {
        try (Stream<Path> dirs = Files.list(testStream)) {
            return dirs.filter(d -> Files.exists(d.resolve(file))).sorted().toList();
        }
    }

    private static List<ObjectNode> read(final Path file) throws IOException {
        final List<ObjectNode> items = new ArrayList<>();
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                items.add((ObjectNode) Json.tree(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return items;
    }

    // --- items back to the JSON-RPC shape they were mapped from ---

    private static String hex(final JsonNode value) {
        return value == null || value.isNull() ? null : "0x" + value.bigIntegerValue().toString(16);
    }

    private static void putHex(final ObjectNode target, final String field, final JsonNode value) {
        if (value != null && !value.isNull()) {
            target.put(field, hex(value));
        }
    }

    private static void putText(final ObjectNode target, final String field, final JsonNode value) {
        if (value != null && !value.isNull()) {
            target.set(field, value.deepCopy());
        }
    }

    private static ObjectNode rpcLog(final ObjectNode log) {
        final ObjectNode rpc = NODES.objectNode();
        putHex(rpc, "logIndex", log.get("log_index"));
        putText(rpc, "transactionHash", log.get("transaction_hash"));
        putHex(rpc, "transactionIndex", log.get("transaction_index"));
        putText(rpc, "address", log.get("address"));
        putText(rpc, "data", log.get("data"));
        putText(rpc, "topics", log.get("topics"));
        putHex(rpc, "blockNumber", log.get("block_number"));
        putText(rpc, "blockHash", log.get("block_hash"));
        return rpc;
    }

    private static ObjectNode rpcBlock(final ObjectNode block, final List<ObjectNode> transactions) {
        final ObjectNode rpc = NODES.objectNode();
        putHex(rpc, "number", block.get("number"));
        final Map<String, String> texts = Map.of("hash", "hash", "parent_hash", "parentHash", "nonce", "nonce",
                "sha3_uncles", "sha3Uncles", "logs_bloom", "logsBloom", "transactions_root", "transactionsRoot",
                "state_root", "stateRoot", "receipts_root", "receiptsRoot", "miner", "miner", "extra_data", "extraData");
        texts.forEach((etl, node) -> putText(rpc, node, block.get(etl)));
        putText(rpc, "withdrawalsRoot", block.get("withdrawals_root"));
        final Map<String, String> numbers = Map.of("difficulty", "difficulty", "total_difficulty", "totalDifficulty",
                "size", "size", "gas_limit", "gasLimit", "gas_used", "gasUsed", "timestamp", "timestamp",
                "base_fee_per_gas", "baseFeePerGas");
        numbers.forEach((etl, node) -> putHex(rpc, node, block.get(etl)));
        final ArrayNode list = rpc.putArray("transactions");
        transactions.forEach(t -> list.add(rpcTransaction(t)));
        if (block.hasNonNull("withdrawals")) {
            final ArrayNode withdrawals = rpc.putArray("withdrawals");
            for (final JsonNode w : block.get("withdrawals")) {
                final ObjectNode entry = withdrawals.addObject();
                putHex(entry, "index", w.get("index"));
                putHex(entry, "validatorIndex", w.get("validator_index"));
                putText(entry, "address", w.get("address"));
                putHex(entry, "amount", w.get("amount"));
            }
        }
        return rpc;
    }

    private static ObjectNode rpcTransaction(final ObjectNode t) {
        final ObjectNode rpc = NODES.objectNode();
        putText(rpc, "hash", t.get("hash"));
        putHex(rpc, "nonce", t.get("nonce"));
        putText(rpc, "blockHash", t.get("block_hash"));
        putHex(rpc, "blockNumber", t.get("block_number"));
        putHex(rpc, "transactionIndex", t.get("transaction_index"));
        putText(rpc, "from", t.get("from_address"));
        putText(rpc, "to", t.get("to_address"));
        putHex(rpc, "value", t.get("value"));
        putHex(rpc, "gas", t.get("gas"));
        putHex(rpc, "gasPrice", t.get("gas_price"));
        putText(rpc, "input", t.get("input"));
        putHex(rpc, "maxFeePerGas", t.get("max_fee_per_gas"));
        putHex(rpc, "maxPriorityFeePerGas", t.get("max_priority_fee_per_gas"));
        putHex(rpc, "type", t.get("transaction_type"));
        return rpc;
    }

    private static ObjectNode rpcReceipt(final ObjectNode t) {
        final ObjectNode rpc = NODES.objectNode();
        putText(rpc, "transactionHash", t.get("hash"));
        putText(rpc, "blockHash", t.get("block_hash"));
        putHex(rpc, "cumulativeGasUsed", t.get("receipt_cumulative_gas_used"));
        putHex(rpc, "gasUsed", t.get("receipt_gas_used"));
        putText(rpc, "contractAddress", t.get("receipt_contract_address"));
        putText(rpc, "root", t.get("receipt_root"));
        putHex(rpc, "status", t.get("receipt_status"));
        putHex(rpc, "effectiveGasPrice", t.get("receipt_effective_gas_price"));
        return rpc;
    }

    private static ObjectNode parityTrace(final ObjectNode t) {
        final ObjectNode rpc = NODES.objectNode();
        final ObjectNode action = rpc.putObject("action");
        final ObjectNode result = NODES.objectNode();
        final String type = t.get("trace_type").asText();
        switch (type) {
            case "call" -> {
                putText(action, "from", t.get("from_address"));
                putText(action, "callType", t.get("call_type"));
                putHex(action, "gas", t.get("gas"));
                putText(action, "input", t.get("input"));
                putText(action, "to", t.get("to_address"));
                putHex(action, "value", t.get("value"));
                putHex(result, "gasUsed", t.get("gas_used"));
                putText(result, "output", t.get("output"));
            }
            case "create" -> {
                putText(action, "from", t.get("from_address"));
                putHex(action, "gas", t.get("gas"));
                putText(action, "init", t.get("input"));
                putHex(action, "value", t.get("value"));
                putText(result, "address", t.get("to_address"));
                putText(result, "code", t.get("output"));
                putHex(result, "gasUsed", t.get("gas_used"));
            }
            case "suicide" -> {
                putText(action, "address", t.get("from_address"));
                putText(action, "refundAddress", t.get("to_address"));
                putHex(action, "balance", t.get("value"));
            }
            case "reward" -> {
                putText(action, "author", t.get("to_address"));
                putHex(action, "value", t.get("value"));
                putText(action, "rewardType", t.get("reward_type"));
            }
            default -> fail("unexpected trace type " + type);
        }
        putText(rpc, "blockHash", t.get("block_hash"));
        rpc.set("blockNumber", t.get("block_number").deepCopy());
        if (t.hasNonNull("error")) {
            rpc.set("error", t.get("error").deepCopy());
        }
        rpc.set("result", result.isEmpty() ? NODES.nullNode() : result);
        putText(rpc, "subtraces", t.get("subtraces"));
        putText(rpc, "traceAddress", t.get("trace_address"));
        putText(rpc, "transactionHash", t.get("transaction_hash"));
        putText(rpc, "transactionPosition", t.get("transaction_index"));
        rpc.put("type", type);
        return rpc;
    }
}
