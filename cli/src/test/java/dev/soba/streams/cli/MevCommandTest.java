package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

/** {@code ./soba mev}: offline inspection of both block file formats, the benchmark, and clear errors. */
class MevCommandTest {

    private static final String BLOCK_HASH = "0x" + "b".repeat(64);
    private static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    private static final String TOKEN = "0x" + "7".repeat(40);
    private static final String PAIR = "0x" + "5".repeat(40);
    private static final String BOT = "0x" + "b0".repeat(20);
    private static final String USER = "0x" + "a1".repeat(20);
    private static final String ROUTER = "0x" + "ce".repeat(20);
    private static final String TRANSFER_TOPIC = Hash.sha3String("Transfer(address,address,uint256)");
    private static final String SWAP_TOPIC = Hash.sha3String("Swap(address,uint256,uint256,uint256,uint256,address)");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        List<JsonNode> lines() {
            final List<JsonNode> lines = new ArrayList<>();
            out.lines().filter(l -> !l.isBlank()).forEach(l -> lines.add(Json.tree(l.getBytes(StandardCharsets.UTF_8))));
            return lines;
        }
    }

    private static Run mev(final String... args) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code = MevCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String word(final long value) {
        return String.format(Locale.ROOT, "%064x", value);
    }

    private static String addressWord(final String address) {
        return "0".repeat(24) + address.substring(2);
    }

    private static String tx(final String name) {
        return Hash.sha3String("tx-" + name);
    }

    /** ethereum-etl log items of a sandwich on one V2 pair: the bot buys, a user buys, the bot sells. */
    private static String sandwichLogs() {
        final List<String> lines = new ArrayList<>();
        final Object[][] trades = {
                {"front", 0, BOT, BOT, WETH, 100L, TOKEN, 1000L, true},
                {"victim", 1, USER, USER, WETH, 50L, TOKEN, 450L, true},
                {"back", 2, BOT, BOT, TOKEN, 1000L, WETH, 108L, false}};
        int index = 0;
        for (final Object[] t : trades) {
            final String hash = tx((String) t[0]);
            final boolean token0In = (boolean) t[8];
            lines.add(log(index++, hash, (int) t[1], (String) t[4], word((long) t[5]), TRANSFER_TOPIC, (String) t[2], PAIR));
            lines.add(log(index++, hash, (int) t[1], (String) t[6], word((long) t[7]), TRANSFER_TOPIC, PAIR, (String) t[3]));
            final String data = token0In ? word((long) t[5]) + word(0) + word(0) + word((long) t[7])
                    : word(0) + word((long) t[5]) + word((long) t[7]) + word(0);
            lines.add(log(index++, hash, (int) t[1], PAIR, data, SWAP_TOPIC, ROUTER, (String) t[3]));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String log(final int index, final String hash, final int position, final String emitter,
            final String data, final String topic, final String from, final String to) {
        return ("{\"type\": \"log\", \"log_index\": %d, \"transaction_hash\": \"%s\", \"transaction_index\": %d,"
                + " \"address\": \"%s\", \"data\": \"0x%s\", \"topics\": [\"%s\", \"0x%s\", \"0x%s\"],"
                + " \"block_number\": 15000000, \"block_hash\": \"%s\"}").formatted(index, hash, position, emitter, data,
                topic, addressWord(from), addressWord(to), BLOCK_HASH);
    }

    /** An mev-inspect-py block file with one Uniswap V2 swap: the router pays the pair, the pair pays the user. */
    private static String parityBlock() {
        final String transferFrom = "0x23b872dd" + addressWord(USER) + addressWord(PAIR) + word(10);
        final String swap = "0x022c0d9f" + word(0) + word(20) + addressWord(USER) + word(128) + word(0);
        final String transfer = "0xa9059cbb" + addressWord(USER) + word(20);
        return """
                {"block_number": 12000000, "miner": "%s", "base_fee_per_gas": 0, "traces": [%s, %s, %s, %s],
                 "receipts": []}""".formatted(BOT, trace(List.of(), USER, ROUTER, "0x38ed1739", 2),
                trace(List.of(0), ROUTER, WETH, transferFrom, 0), trace(List.of(1), ROUTER, PAIR, swap, 1),
                trace(List.of(1, 0), PAIR, TOKEN, transfer, 0));
    }

    private static String trace(final List<Integer> address, final String from, final String to, final String input,
            final int subtraces) {
        return """
                {"action": {"from": "%s", "callType": "call", "gas": "0x10000", "input": "%s", "to": "%s", "value": "0x0"},
                 "block_hash": "%s", "block_number": 12000000, "result": {"gasUsed": "0x100", "output": "0x"},
                 "subtraces": %d, "trace_address": %s, "transaction_hash": "%s", "transaction_position": 0,
                 "type": "call", "error": null}""".formatted(from, input, to, BLOCK_HASH, subtraces, address, tx("swap"));
    }

    @Test
    void inspectPrintsOneFindingPerLineFromEthereumEtlLogs() throws IOException {
        final Path logs = Files.writeString(dir.resolve("logs.json"), sandwichLogs());
        final Run run = mev("inspect", logs.toString());
        assertThat(run.code()).isZero();
        assertThat(run.lines()).singleElement().satisfies(finding -> {
            assertThat(finding.get("kind").textValue()).isEqualTo("sandwich");
            assertThat(finding.get("block_number").longValue()).isEqualTo(15000000);
            assertThat(finding.get("searcher_address").textValue()).isEqualTo(BOT);
            assertThat(finding.get("frontrun_transaction_hash").textValue()).isEqualTo(tx("front"));
            assertThat(finding.get("backrun_transaction_hash").textValue()).isEqualTo(tx("back"));
            assertThat(finding.get("profit_amount").textValue()).isEqualTo("8");
            assertThat(finding.get("profit_token_address").textValue()).isEqualTo(WETH);
        });
        assertThat(run.err()).contains("block 15000000", "logs", "3 swaps, 1 findings");
    }

    @Test
    void swapsArePrintedToo() throws IOException {
        final Path block = Files.writeString(dir.resolve("12000000.json"), parityBlock());
        final Path logs = Files.writeString(dir.resolve("logs.json"), sandwichLogs());
        final Run run = mev("inspect", block.toString(), logs.toString(), "--swaps");
        assertThat(run.code()).isZero();
        assertThat(run.lines()).extracting(n -> n.get("kind").textValue())
                .containsExactly("swap", "swap", "swap", "swap", "sandwich");
        final JsonNode swap = run.lines().get(0);
        assertThat(swap.get("block_number").longValue()).isEqualTo(12000000);
        assertThat(swap.get("pool_address").textValue()).isEqualTo(PAIR);
        assertThat(swap.get("token_in_address").textValue()).isEqualTo(WETH);
        assertThat(swap.get("token_in_amount").textValue()).isEqualTo("10");
        assertThat(swap.get("token_out_amount").textValue()).isEqualTo("20");
        assertThat(run.err()).contains("block 12000000", "traces", "1 swaps, 0 findings");
    }

    @Test
    void unreadableAndMalformedFilesAreNamedWithTheReasonAndExitOne() throws IOException {
        final Path good = Files.writeString(dir.resolve("logs.json"), sandwichLogs());
        final Path broken = Files.writeString(dir.resolve("broken.json"), parityBlock().replace("\"0x10000\"", "\"lots\""));
        final Path missing = dir.resolve("missing.json");
        final Run run = mev("inspect", missing.toString(), broken.toString(), good.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(missing + ": cannot read: no such file")
                .contains(broken + ": traces[0].action.gas: not a hex quantity: 'lots'");
        assertThat(run.lines()).as("the readable file is still inspected").hasSize(1);
    }

    @Test
    void benchReportsThroughputBesideTheChain() throws IOException {
        final Path block = Files.writeString(dir.resolve("12000000.json"), parityBlock());
        final Run run = mev("bench", block.toString(), "--warmup", "0", "--rounds", "2");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("1 blocks from 1 files, 2 measured rounds after 0 warm-up rounds")
                .contains("blocks analysed per second").contains("median time per block")
                .contains("1 block per 12 s");
    }

    @Test
    void benchFindsTheBlockFilesOfADataFolder() throws IOException {
        final Path folder = Files.createDirectories(dir.resolve("mev-inspect/unmerged"));
        Files.writeString(dir.resolve("mev-inspect/12000000.json"), parityBlock());
        Files.writeString(folder.resolve("12000001.json"), parityBlock().replace("12000000", "12000001"));
        Files.writeString(dir.resolve("mev-inspect/12000000.expected_sandwiches.json"), "[]");
        final Run run = mev("bench", "--data", dir.toString(), "--warmup", "1", "--rounds", "1");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("2 blocks from 2 files");
        final Run empty = mev("bench", "--data", Files.createDirectories(dir.resolve("nothing")).toString());
        assertThat(empty.code()).isEqualTo(1);
        assertThat(empty.err()).contains("no block files");
    }

    /** Without --data (nor -Dsoba.data, SOBA_DATA): the shared data beside the repository, or a clear error. */
    @Test
    void benchWithoutDataUsesTheDefaultFolderOrSaysItIsMissing() throws IOException {
        Files.createDirectories(dir.resolve("shared/data/mev-inspect"));
        Files.writeString(dir.resolve("shared/data/mev-inspect/12000000.json"), parityBlock());
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(MevCommand.run(new String[] {"bench", "--warmup", "0", "--rounds", "1"}, print(out), print(err),
                Optional.empty(), dir.resolve("shared/data"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 blocks from 1 files");

        final Path missing = dir.resolve("elsewhere/shared/data");
        assertThat(MevCommand.run(new String[] {"bench"}, print(out), print(err), Optional.empty(), missing)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no data folder " + missing, "the default",
                "--data DIR");
    }

    private static PrintStream print(final ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    @Test
    void misuseIsAUsageError() {
        assertThatThrownBy(() -> mev()).isInstanceOf(Args.UsageException.class).hasMessageContaining("inspect or bench");
        assertThatThrownBy(() -> mev("watch")).hasMessageContaining("unknown mev command 'watch'");
        assertThatThrownBy(() -> mev("inspect")).hasMessageContaining("at least one FILE");
        assertThatThrownBy(() -> mev("inspect", "x.json", "--colour")).hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> mev("bench", "x.json", "--rounds", "0")).hasMessageContaining("--rounds");
        assertThatThrownBy(() -> mev("bench", "x.json", "--rounds", "many")).hasMessageContaining("must be an integer");
    }
}
