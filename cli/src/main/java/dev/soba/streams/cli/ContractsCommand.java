package dev.soba.streams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.processors.contracts.Bytecode;
import dev.soba.streams.processors.contracts.ContractAnalyzer;
import dev.soba.streams.processors.contracts.Disassembly;
import dev.soba.streams.processors.contracts.Evmole;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.contracts.ContractAnalysis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code ./soba contracts analyze FILE...}: ethereum-etl {@code contract} items (JSON lines) in,
 * one analysis per contract out (JSON lines, the {@code contract-analysis} format), offline.
 * {@code ./soba contracts bench FILE...}: contracts analysed per second on one thread and the worst
 * single contract, beside a disassembly-only pass and, with {@code --evmole}, evmole on the same code.
 */
public final class ContractsCommand {

    public static final String USAGE = """
            usage: soba contracts analyze FILE...
                   soba contracts bench FILE... [--rounds N] [--evmole NODE_MODULES_DIR]
            analyze  reads ethereum-etl contract items (JSON lines: address, bytecode) and prints one analysis per
                     contract (JSON): address, function_sighashes, functions (selector, arguments, state_mutability),
                     is_erc20, is_erc721, is_erc1155, is_erc4626, proxy, compiler, risks. A bad line is reported on
                     stderr with its file and line number (exit 1); the other lines are still analysed.
            bench    analyses the contracts --rounds times (default 5, after one warm-up round) on one thread and prints
                     contracts per second and the slowest contract, beside a disassembly-only pass of the same run, and
                     the worst case on adversarial input (1 MiB of random bytes). With --evmole DIR (a node_modules
                     folder holding evmole), evmole's own time on the same bytecode is printed too (node required).""";

    private ContractsCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        return run(argv, out, System.err);
    }

    static int run(final String[] argv, final PrintStream out, final PrintStream err) throws Exception {
        final Args args = Args.parse(argv, Set.of("rounds", "evmole"), Set.of());
        final List<String> positional = args.positional();
        if (positional.size() < 2 || !Set.of("analyze", "bench").contains(positional.get(0))) {
            throw new Args.UsageException("contracts takes: analyze FILE... | bench FILE...");
        }
        final List<Path> files = positional.subList(1, positional.size()).stream().map(Path::of).toList();
        for (final Path file : files) {
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new Args.UsageException("cannot read file " + file);
            }
        }
        final List<Item> items = new ArrayList<>();
        final boolean clean = read(files, items, err);
        if (positional.get(0).equals("analyze")) {
            for (final Item item : items) {
                out.println(new String(Json.write(ContractAnalyzer.analyze(item.address(), item.code())),
                        StandardCharsets.UTF_8));
            }
            return clean ? 0 : 1;
        }
        final int rounds = Integer.parseInt(args.option("rounds").orElse("5"));
        if (rounds < 1) {
            throw new Args.UsageException("--rounds is at least 1");
        }
        bench(items, rounds, out);
        if (args.option("evmole").isPresent()) {
            evmole(Path.of(args.option("evmole").get()), files, items.size(), out);
        }
        return clean ? 0 : 1;
    }

    record Item(String address, byte[] code) {
    }

    private static boolean read(final List<Path> files, final List<Item> items, final PrintStream err)
            throws IOException {
        boolean clean = true;
        for (final Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    final String problem = parse(line, items);
                    if (problem != null) {
                        err.printf("%s:%d: %s%n", file, number, problem);
                        clean = false;
                    }
                }
            }
        }
        return clean;
    }

    /** Adds the item of one line, or says what is wrong with it. */
    private static String parse(final String line, final List<Item> items) {
        final JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (final IOException e) {
            return "not JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
        final JsonNode address = node.get("address");
        final JsonNode bytecode = node.get("bytecode");
        if (address == null || !address.isTextual() || !address.asText().matches("0x[0-9a-fA-F]{40}")) {
            return "address is 0x followed by 40 hex digits";
        }
        if (bytecode == null || !bytecode.isTextual()) {
            return "bytecode is required (a hex string)";
        }
        final String hex = bytecode.asText();
        if (hex.equals("0x") || hex.isEmpty()) {
            items.add(new Item(address.asText().toLowerCase(Locale.ROOT), new byte[0]));
            return null;
        }
        final Bytecode.Parsed parsed = Bytecode.parse(hex, Integer.MAX_VALUE / 2);
        if (parsed instanceof Bytecode.Invalid invalid) {
            return "bytecode " + invalid.reason();
        }
        items.add(new Item(address.asText().toLowerCase(Locale.ROOT), ((Bytecode.Ok) parsed).code()));
        return null;
    }

    private static void bench(final List<Item> items, final int rounds, final PrintStream out) {
        analyseAll(items);
        long worst = 0;
        String worstAddress = "";
        final long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (final Item item : items) {
                final long t0 = System.nanoTime();
                ContractAnalyzer.analyze(item.address(), item.code());
                final long took = System.nanoTime() - t0;
                if (took > worst) {
                    worst = took;
                    worstAddress = item.address();
                }
            }
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        final long disStart = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (final Item item : items) {
                Disassembly.of(item.code());
            }
        }
        final double disSeconds = (System.nanoTime() - disStart) / 1e9;
        final byte[] random = new byte[1 << 20];
        new Random(15).nextBytes(random);
        final long advStart = System.nanoTime();
        ContractAnalyzer.analyze(null, random);
        final double adversarial = (System.nanoTime() - advStart) / 1e6;
        final byte[] crafted = budgetExhausting(150, 1000);
        final long craftedStart = System.nanoTime();
        final boolean craftedComplete = ContractAnalyzer.analyze(null, crafted).complete();
        final double craftedMs = (System.nanoTime() - craftedStart) / 1e6;
        final double analysed = (double) items.size() * rounds;
        out.printf(Locale.ROOT, "contracts: %d, rounds: %d, one thread%n", items.size(), rounds);
        out.printf(Locale.ROOT, "  full analysis      %10.1f contracts/s  (mean %.2f ms, slowest %.1f ms: %s)%n",
                analysed / seconds, 1000 * seconds / analysed, worst / 1e6, worstAddress);
        out.printf(Locale.ROOT, "  baseline: disassembly only %8.1f contracts/s  (mean %.3f ms)%n",
                analysed / disSeconds, 1000 * disSeconds / analysed);
        out.printf(Locale.ROOT, "  adversarial: 1 MiB of random bytes analysed in %.1f ms%n", adversarial);
        out.printf(Locale.ROOT, "  crafted worst case: %d bytes, 150 functions that each exhaust their budget, analysed in"
                + " %.1f ms (complete: %s)%n", crafted.length, craftedMs, craftedComplete);
    }

    /**
     * Code built to use the whole step budget: a dispatcher of {@code functions} selectors all entering
     * one body of {@code forks} undecidable jumps whose two sides leave different stacks (so no path
     * is a repeat of another).
     */
    static byte[] budgetExhausting(final int functions, final int forks) {
        final java.io.ByteArrayOutputStream code = new java.io.ByteArrayOutputStream();
        code.writeBytes(new byte[] {0x60, 0x00, 0x35, 0x60, (byte) 0xe0, 0x1c});
        final int dispatcherSize = 6 + functions * 11 + 4;
        final int body = dispatcherSize;
        for (int i = 0; i < functions; i++) {
            code.writeBytes(new byte[] {(byte) 0x80, 0x63, 0x10, 0x00, (byte) (i >> 8), (byte) i, 0x14, 0x61,
                (byte) (body >> 8), (byte) body, 0x57});
        }
        code.writeBytes(new byte[] {0x60, 0x00, (byte) 0x80, (byte) 0xfd});
        code.write(0x5b);
        for (int j = 0; j < forks; j++) {
            final int target = code.size() + 7;
            // CALLDATASIZE PUSH2 target JUMPI PUSH1 1 JUMPDEST
            code.writeBytes(new byte[] {0x36, 0x61, (byte) (target >> 8), (byte) target, 0x57, 0x60, 0x01, 0x5b});
        }
        code.write(0x00);
        return code.toByteArray();
    }

    private static void analyseAll(final List<Item> items) {
        items.forEach(item -> ContractAnalyzer.analyze(item.address(), item.code()));
    }

    private static void evmole(final Path nodeModules, final List<Path> files, final int count, final PrintStream out)
            throws IOException, InterruptedException {
        long micros = 0;
        long worst = 0;
        int contracts = 0;
        for (final Path file : files) {
            final Map<String, Evmole.Answer> answers = Evmole.run(nodeModules, file);
            for (final Evmole.Answer a : answers.values()) {
                micros += a.micros();
                worst = Math.max(worst, a.micros());
                contracts++;
            }
        }
        out.printf(Locale.ROOT, "  evmole 0.8.4 (node, warm, %d of %d contracts) %6.1f contracts/s  (mean %.2f ms,"
                        + " slowest %.1f ms)%n", contracts, count, contracts / (micros / 1e6), micros / 1e3 / contracts,
                worst / 1e3);
    }
}
