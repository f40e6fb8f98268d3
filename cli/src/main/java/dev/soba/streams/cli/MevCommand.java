package dev.soba.streams.cli;

import dev.soba.streams.processors.mev.BlockAnalysis;
import dev.soba.streams.processors.mev.BlockInputs;
import dev.soba.streams.processors.mev.MevBenchmark;
import dev.soba.streams.processors.mev.MevInspector;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.mev.BlockFile;
import dev.soba.streams.schemas.mev.BlockFileException;
import dev.soba.streams.schemas.mev.BlockFiles;
import dev.soba.streams.schemas.mev.EthereumEtlBlock;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevSwap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code ./soba mev inspect FILE... [--swaps]}: MEV in block files, offline (no broker): mev-inspect-py
 * block files (Parity traces and receipts) or ethereum-etl JSON lines, one finding per line on stdout
 * in the finding format. {@code ./soba mev bench [FILE...]}: how fast that is, beside the chain's rate.
 * A file that cannot be read is reported with its name and why (exit 1); the others are still inspected.
 * Mev-inspect block files are inspected in the order given, then the ethereum-etl blocks in ascending order,
 * each assembled from every file that holds its items.
 */
public final class MevCommand {

    public static final String USAGE = """
            usage: soba mev inspect FILE... [--swaps]
                   soba mev bench [FILE...] [--data DIR] [--warmup N] [--rounds N]
            inspect  finds sandwiches, arbitrage, liquidations and JIT liquidity in block files, offline: mev-inspect-py
                     block files (Parity trace_block traces plus receipts) or ethereum-etl JSON lines (a block without
                     traces is read from its Swap logs). Prints one finding per line (JSON); --swaps also prints every
                     classified swap ("kind": "swap"). A summary per block goes to stderr.
            bench    inspects the blocks repeatedly (--warmup rounds, default 3, then --rounds, default 10), reading and
                     parsing included, and prints blocks analysed per second and the median time per block beside the
                     chain's rate of one block per 12 s. Without FILEs: the NNN.json block files of DIR/mev-inspect and
                     DIR/mev-inspect/unmerged (or of DIR itself), DIR from --data, -Dsoba.data or SOBA_DATA, by default
                     ../shared/data (beside the repository, where ./soba runs).""";
    /** Where the shared real data sits beside a checkout; ./soba runs from the repository root. */
    static final Path DEFAULT_DATA = Path.of("..", "shared", "data");

    private static final int DEFAULT_WARMUP = 3;
    private static final int DEFAULT_ROUNDS = 10;

    private MevCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        return run(argv, out, System.err);
    }

    public static int run(final String[] argv, final PrintStream out, final PrintStream err) throws IOException {
        return run(argv, out, err, Optional.ofNullable(System.getProperty("soba.data"))
                .or(() -> Optional.ofNullable(System.getenv("SOBA_DATA"))).filter(name -> !name.isBlank()), DEFAULT_DATA);
    }

    /** With the data folder configured by {@code -Dsoba.data}/{@code SOBA_DATA}, and the one used without any. */
    static int run(final String[] argv, final PrintStream out, final PrintStream err, final Optional<String> configuredData,
                   final Path defaultData) throws IOException {
        if (argv.length == 0) {
            throw new Args.UsageException("mev needs a command: inspect or bench");
        }
        final String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        return switch (argv[0]) {
            case "inspect" -> inspect(Args.parse(rest, Set.of(), Set.of("swaps")), out, err);
            case "bench" -> bench(Args.parse(rest, Set.of("data", "warmup", "rounds"), Set.of()), out, err,
                    configuredData, defaultData);
            default -> throw new Args.UsageException("unknown mev command '" + argv[0] + "' (inspect or bench)");
        };
    }

    private static int inspect(final Args args, final PrintStream out, final PrintStream err) {
        if (args.positional().isEmpty()) {
            throw new Args.UsageException("mev inspect needs at least one FILE");
        }
        final boolean swaps = args.flag("swaps");
        int failed = 0;
        final List<Named> blocks = new ArrayList<>();
        final Map<Long, Named> itemBlocks = new TreeMap<>();
        for (final String name : args.positional()) {
            try {
                for (final BlockFile block : BlockFiles.read(Path.of(name))) {
                    if (block instanceof EthereumEtlBlock items) {
                        // ethereum-etl exports a file per item type: a block's items may come from several files
                        itemBlocks.merge(items.blockNumber(), new Named(name, items), (a, b) -> new Named(
                                a.name() + ", " + b.name(), ((EthereumEtlBlock) a.block()).merge(items)));
                    } else {
                        blocks.add(new Named(name, block));
                    }
                }
            } catch (final BlockFileException e) {
                err.println("soba mev: " + e.getMessage());
                failed++;
            }
        }
        blocks.addAll(itemBlocks.values());
        for (final Named named : blocks) {
            final BlockAnalysis analysis = MevInspector.standard().inspect(BlockInputs.of(named.block()));
            if (swaps) {
                for (final MevSwap swap : analysis.swaps()) {
                    out.println(line(swap));
                }
            }
            for (final MevFinding finding : analysis.findings()) {
                out.println(line(finding));
            }
            err.printf(Locale.ROOT, "block %d (%s, %s): %d swaps, %d findings%n", analysis.blockNumber(), named.name(),
                    analysis.evidence().name().toLowerCase(Locale.ROOT), analysis.swaps().size(),
                    analysis.findings().size());
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** A block and the file(s) it was read from. */
    private record Named(String name, BlockFile block) {
    }

    private static String line(final Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    private static int bench(final Args args, final PrintStream out, final PrintStream err,
                             final Optional<String> configuredData, final Path defaultData) throws IOException {
        final int warmUp = (int) args.longOption("warmup", DEFAULT_WARMUP);
        final int rounds = (int) args.longOption("rounds", DEFAULT_ROUNDS);
        if (warmUp < 0 || rounds < 1) {
            throw new Args.UsageException("--warmup must be 0 or more and --rounds 1 or more");
        }
        final List<Path> files = new ArrayList<>();
        if (args.positional().isEmpty()) {
            final Optional<String> given = args.option("data").filter(name -> !name.isBlank()).or(() -> configuredData);
            final Path root = given.map(Path::of).orElse(defaultData);
            final Path folder = Files.isDirectory(root.resolve("mev-inspect")) ? root.resolve("mev-inspect") : root;
            if (!Files.isDirectory(folder)) {
                err.println("soba mev: no data folder " + folder.toAbsolutePath().normalize() + " (" + (given.isPresent()
                        ? "as given" : "the default, " + defaultData + " from " + Path.of("").toAbsolutePath())
                        + "): give block FILEs, or the folder with --data DIR, -Dsoba.data or SOBA_DATA");
                return 1;
            }
            files.addAll(blockFiles(folder));
            if (files.isEmpty()) {
                err.println("soba mev: no block files (NNN.json) in " + folder);
                return 1;
            }
        } else {
            args.positional().forEach(name -> files.add(Path.of(name)));
        }
        final MevBenchmark.Result result;
        try {
            result = new MevBenchmark(MevInspector.standard()).run(files, warmUp, rounds);
        } catch (final BlockFileException e) {
            err.println("soba mev: " + e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "mev bench: %d blocks from %d files, %d measured rounds after %d warm-up rounds"
                + " (reading, parsing and the whole ladder; one thread)%n", result.blocks(), files.size(),
                result.measuredRounds(), result.warmUpRounds());
        out.printf(Locale.ROOT, "  blocks analysed per second  %,.1f%n", result.blocksPerSecond());
        out.printf(Locale.ROOT, "  median time per block       %.2f ms  (p90 %.2f ms, max %.2f ms)%n",
                result.medianMillis(), result.percentileMillis(90), result.percentileMillis(100));
        out.printf(Locale.ROOT, "  the chain                   1 block per %.0f s (%.3f blocks/s): %,.0fx its rate%n",
                MevBenchmark.CHAIN_SECONDS_PER_BLOCK, 1 / MevBenchmark.CHAIN_SECONDS_PER_BLOCK, result.timesChainRate());
        return 0;
    }

    /** mev-inspect-py's naming: a block file is {@code <number>.json}, here or under {@code unmerged/}. */
    private static List<Path> blockFiles(final Path folder) throws IOException {
        final List<Path> files = new ArrayList<>();
        for (final Path dir : List.of(folder, folder.resolve("unmerged"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().matches("\\d+\\.json") && Files.isRegularFile(p))
                        .sorted().forEach(files::add);
            }
        }
        return files;
    }
}
