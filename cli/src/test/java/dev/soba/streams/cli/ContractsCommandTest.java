package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractsCommandTest {

    /** kill(): CALLER SELFDESTRUCT behind a one-selector dispatcher. */
    private static final String KILLABLE = "0x60003560e01c8063" + "41c0e1b5" + "14601457600080fd5b33ff";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args) throws Exception {
        return ContractsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void analysesEachContractItemIntoOneJsonLine() throws Exception {
        final Path file = dir.resolve("contracts.json");
        Files.write(file, List.of(
                "{\"type\":\"contract\",\"address\":\"0x00000000000000000000000000000000000000AA\",\"bytecode\":\"" + KILLABLE + "\"}",
                "{\"type\":\"contract\",\"address\":\"0x00000000000000000000000000000000000000bb\",\"bytecode\":\"0x\"}"));
        assertThat(run("analyze", file.toString())).isZero();
        final String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        final JsonNode first = Json.mapper().readTree(lines[0]);
        assertThat(first.get("address").asText()).isEqualTo("0x00000000000000000000000000000000000000aa");
        assertThat(first.get("function_sighashes").get(0).asText()).isEqualTo("0x41c0e1b5");
        assertThat(first.get("functions").get(0).get("selector").asText()).isEqualTo("41c0e1b5");
        assertThat(first.get("functions").get(0).get("arguments").asText()).isEmpty();
        assertThat(first.get("functions").get(0).get("state_mutability").asText()).isEqualTo("payable");
        for (final String field : List.of("is_erc20", "is_erc721", "is_erc1155", "is_erc4626", "proxy", "compiler", "risks")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("risks").get(0).get("code").asText()).isEqualTo("selfdestruct");
        assertThat(Json.mapper().readTree(lines[1]).get("functions")).isEmpty();
    }

    @Test
    void aBadLineIsReportedWithItsPlaceAndTheOthersStillAnalysed() throws Exception {
        final Path file = dir.resolve("bad.json");
        Files.write(file, List.of(
                "{\"address\":\"0x00000000000000000000000000000000000000aa\",\"bytecode\":\"0x123\"}",
                "not json",
                "{\"address\":\"0x00000000000000000000000000000000000000cc\",\"bytecode\":\"" + KILLABLE + "\"}"));
        assertThat(run("analyze", file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ":1: bytecode has an odd number of hex digits")
                .contains(file + ":2: not JSON");
        assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).hasSize(1);
    }

    @Test
    void codeBuiltToExhaustTheBudgetStopsAtItAndSaysSo() {
        final var analysis = dev.soba.streams.processors.contracts.ContractAnalyzer.analyze(null,
                ContractsCommand.budgetExhausting(150, 1000));
        assertThat(analysis.functions()).hasSize(150);
        assertThat(analysis.complete()).isFalse();
    }

    @Test
    void benchPrintsTheRateBesideTheBaseline() throws Exception {
        final Path file = dir.resolve("contracts.json");
        Files.write(file, List.of("{\"address\":\"0x00000000000000000000000000000000000000aa\",\"bytecode\":\"" + KILLABLE + "\"}"));
        assertThat(run("bench", file.toString(), "--rounds", "2")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("contracts/s").contains("disassembly only")
                .contains("1 MiB of random bytes").contains("crafted worst case");
        assertThatThrownBy(() -> run("analyze")).isInstanceOf(Args.UsageException.class);
    }
}
