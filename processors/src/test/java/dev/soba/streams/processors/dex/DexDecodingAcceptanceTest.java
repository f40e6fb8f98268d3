package dev.soba.streams.processors.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.dex.V2SwapPairing.Ready;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.market.Swap;
import dev.soba.streams.schemas.market.Trade;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decoder on real mainnet logs, read at run time from the public data folder given by the system
 * property {@code soba.data} (never copied into the repository): ethereum-etl's stream of blocks
 * 17173049–17173050 and its DEX subsets, and a whole day of the Uniswap V3 USDC/WETH pools with the
 * decoded values demeter-fetch published for every event.
 */
class DexDecodingAcceptanceTest {

    private static final Pattern WORD = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static Path data() {
        final String dir = System.getProperty("soba.data");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property soba.data is not set: run with -Dsoba.data=<folder of the public data>");
        }
        final Path path = Path.of(dir);
        if (!Files.isDirectory(path.resolve("ethereum-etl")) || !Files.isDirectory(path.resolve("uniswap-v3"))) {
            throw new IllegalStateException("soba.data=" + path.toAbsolutePath()
                    + " does not hold ethereum-etl/ and uniswap-v3/: point it at the public data folder");
        }
        return path;
    }

    private static List<LogItem> ethereumEtlLogs(final Path file) throws IOException {
        final List<LogItem> logs = new ArrayList<>();
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                logs.add(parse(line, file));
            }
        }
        return logs;
    }

    private static LogItem parse(final String json, final Object source) {
        final Validated<Item> parsed = ItemParser.parse(json.getBytes(StandardCharsets.UTF_8), Optional.empty());
        if (parsed instanceof Validated.Valid<Item> valid && valid.value() instanceof LogItem log) {
            return log;
        }
        throw new AssertionError("not a valid log item from " + source + ": " + parsed + "\n" + json);
    }

    private static Map<Class<?>, Long> countByType(final List<LogItem> logs) {
        return logs.stream().map(DexEventDecoder::decode).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
    }

    private static Path subset(final String name) {
        return data().resolve("ethereum-etl/dex-subsets").resolve(name + ".blocks_17173049_17173050.json");
    }

    @Test
    void everyV2StyleSwapAndSyncOfBlocks17173049To50Decodes() throws IOException {
        final List<LogItem> swaps = ethereumEtlLogs(subset("uniswap_v2_style_swap_logs"));
        final List<LogItem> syncs = ethereumEtlLogs(subset("uniswap_v2_style_sync_logs"));

        assertThat(swaps).hasSize(69);
        assertThat(syncs).hasSize(69);
        assertThat(swaps).allSatisfy(log -> assertThat(DexEventDecoder.decode(log)).get().isInstanceOf(V2Swap.class));
        assertThat(syncs).allSatisfy(log -> assertThat(DexEventDecoder.decode(log)).get().isInstanceOf(V2Sync.class));
        assertThat(countByType(swaps)).containsExactly(Map.entry(V2Swap.class, 69L));
        assertThat(countByType(syncs)).containsExactly(Map.entry(V2Sync.class, 69L));
        System.out.printf("dex-subsets: %d V2 Swap and %d Sync logs decoded%n", swaps.size(), syncs.size());
    }

    @Test
    void everyV3StyleSwapOfBlocks17173049To50Decodes() throws IOException {
        final List<LogItem> swaps = ethereumEtlLogs(subset("uniswap_v3_style_swap_logs"));

        assertThat(swaps).hasSize(10);
        assertThat(countByType(swaps)).containsExactly(Map.entry(V3Swap.class, 10L));
        System.out.printf("dex-subsets: %d V3 Swap logs decoded%n", swaps.size());
    }

    @Test
    void theWholeStreamOfBothBlocksHoldsExactlyTheseDexEventsAndNothingElse() throws IOException {
        final List<LogItem> all = ethereumEtlLogs(
                data().resolve("ethereum-etl/test_stream/blocks_17173049_17173050/expected_logs.json"));

        assertThat(all).hasSize(681);
        assertThat(countByType(all)).containsOnly(Map.entry(V2Swap.class, 69L), Map.entry(V2Sync.class, 69L),
                Map.entry(V3Swap.class, 10L));
        System.out.printf("test_stream: %d logs -> %s%n", all.size(), countByType(all).entrySet().stream()
                .map(e -> ((Class<?>) e.getKey()).getSimpleName() + "=" + e.getValue()).sorted().toList());
    }

    @Test
    void everyV2SwapFindsItsSyncInEitherArrivalOrder() throws IOException {
        final List<DexEvent> events = Stream.concat(
                        ethereumEtlLogs(subset("uniswap_v2_style_swap_logs")).stream(),
                        ethereumEtlLogs(subset("uniswap_v2_style_sync_logs")).stream())
                .map(DexEventDecoder::decode).flatMap(Optional::stream).toList();
        final List<DexEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        final List<DexEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(17173049L));

        for (final List<DexEvent> order : List.of(events, reversed, shuffled)) {
            final Map<String, PendingV2Logs> store = new TreeMap<>();
            final V2SwapPairing pairing = new V2SwapPairing(new PendingState() {
                @Override
                public Optional<PendingV2Logs> get(final String key) {
                    return Optional.ofNullable(store.get(key));
                }

                @Override
                public void put(final String key, final PendingV2Logs logs) {
                    store.put(key, logs);
                }

                @Override
                public void remove(final String key) {
                    store.remove(key);
                }
            });
            final List<Ready> ready = new ArrayList<>();
            for (final DexEvent event : order) {
                ready.addAll(event instanceof V2Sync sync ? pairing.onSync(sync) : pairing.onSwap((V2Swap) event));
            }
            assertThat(ready).hasSize(69).allSatisfy(r -> {
                assertThat(r.sync()).isPresent();
                assertThat(r.sync().get().meta().logIndex()).isEqualTo(r.swap().meta().logIndex() - 1);
                assertThat(r.sync().get().pool()).isEqualTo(r.swap().pool());
            });
            assertThat(store.values()).allSatisfy(p -> {
                assertThat(p.swaps()).isEmpty();
                assertThat(p.syncs()).isEmpty();
            });
        }
        System.out.println("dex-subsets: 69 of 69 V2 swaps paired with their Sync (file, reversed and shuffled order)");
    }

    /**
     * Every log of the pool on 2024-01-05, turned into the ethereum-etl item a stream would carry (the
     * file has no block hash: a stand-in is made up), decodes to exactly the values demeter-fetch
     * decoded, matched on transaction hash and log index; mints, burns and collects decode to nothing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640, 500, 6046, 6234",
            "0x8ad599c3a0ff1de082011efddc58f1908eb6e6d8, 3000, 267, 304"})
    void everySwapOfAUsdcWethPoolOnJanuaryFifthDecodesToTheReferenceValues(final String pool, final int fee,
                                                                           final int swaps, final int logs) throws IOException {
        final Path dir = data().resolve("uniswap-v3");
        final List<LogItem> items = rawLogs(dir.resolve("ethereum-" + pool + "-2024-01-05.raw.csv"), pool);
        final Map<String, Map<String, String>> expected = referenceRows(dir.resolve("ethereum-" + pool + "-2024-01-05.pool.tick.csv"));
        final PoolInfo usdcWeth = PoolRegistry.withKnownTokens(new PoolInfo(pool, "uniswap_v3",
                KnownTokens.USDC.address(), KnownTokens.WETH.address(), fee, null, null, null, null, "import"));
        assertThat(items).hasSize(logs);
        assertThat(usdcWeth.resolved()).isTrue();

        int matched = 0;
        int others = 0;
        BigDecimal low = null;
        BigDecimal high = null;
        for (final LogItem log : items) {
            final Map<String, String> row = expected.get(log.transactionHash() + ":" + log.logIndex());
            assertThat(row).as("reference row of %s:%d", log.transactionHash(), log.logIndex()).isNotNull();
            final Optional<DexEvent> decoded = DexEventDecoder.decode(log);
            if (!row.get("tx_type").equals("SWAP")) {
                assertThat(decoded).as(row.get("tx_type")).isEmpty();
                others++;
                continue;
            }
            final V3Swap swap = (V3Swap) decoded.orElseThrow(() -> new AssertionError("not decoded: " + log));
            assertThat(swap.pool()).isEqualTo(pool);
            assertThat(swap.sender()).isEqualTo(row.get("sender"));
            assertThat(swap.recipient()).isEqualTo(row.get("receipt"));
            assertThat(swap.amount0()).isEqualTo(new BigInteger(row.get("amount0")));
            assertThat(swap.amount1()).isEqualTo(new BigInteger(row.get("amount1")));
            assertThat(swap.sqrtPriceX96()).isEqualTo(new BigInteger(row.get("sqrtPriceX96")));
            assertThat(swap.liquidity()).isEqualTo(new BigInteger(row.get("total_liquidity")));
            assertThat(swap.tick()).isEqualTo(new BigDecimal(row.get("current_tick")).intValueExact());
            assertThat(swap.meta().timestampMillis()).isEqualTo(epochSeconds(row.get("block_timestamp")) * 1000);

            final Swap normalised = SwapBuilder.fromV3(swap, Optional.of(usdcWeth));
            assertThat(normalised.pair()).isEqualTo("WETH-USDC");
            final Optional<Trade> trade = SwapBuilder.toTrade(normalised, usdcWeth);
            if (trade.isPresent()) {
                final BigDecimal price = trade.get().price();
                low = low == null || price.compareTo(low) < 0 ? price : low;
                high = high == null || price.compareTo(high) > 0 ? price : high;
            }
            matched++;
        }
        assertThat(matched).isEqualTo(swaps);
        assertThat(others).isEqualTo(logs - swaps);
        assertThat(low).isGreaterThan(new BigDecimal("2000"));
        assertThat(high).isLessThan(new BigDecimal("2500"));
        System.out.printf("uniswap-v3 %s: %d of %d swaps match the reference exactly (%d mint/burn/collect logs decode to"
                + " nothing); WETH-USDC after-swap prices %s .. %s%n", pool, matched, swaps, others,
                low.setScale(2, RoundingMode.HALF_EVEN), high.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** {@code block_number,block_timestamp,transaction_hash,transaction_index,log_index,topics,data} rows as log items. */
    private static List<LogItem> rawLogs(final Path file, final String pool) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        final Map<String, Integer> columns = columns(csvFields(lines.get(0)));
        final List<LogItem> logs = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            final List<String> f = csvFields(line);
            final Function<String, String> field = name -> f.get(columns.get(name));
            final List<String> topics = new ArrayList<>();
            final Matcher matcher = WORD.matcher(field.apply("topics"));
            while (matcher.find()) {
                topics.add('"' + matcher.group() + '"');
            }
            final long block = Long.parseLong(field.apply("block_number"));
            final String json = """
                    {"type": "log", "log_index": %s, "transaction_hash": "%s", "transaction_index": %s, "address": "%s",
                     "data": "%s", "topics": [%s], "block_number": %d, "block_timestamp": %d, "block_hash": "%s"}
                    """.formatted(field.apply("log_index"), field.apply("transaction_hash"),
                    field.apply("transaction_index"), pool, field.apply("data"), String.join(", ", topics), block,
                    epochSeconds(field.apply("block_timestamp")), TestItems.hash("stand-in block " + block));
            logs.add(parse(json, file.getFileName() + " line " + (logs.size() + 2)));
        }
        return logs;
    }

    /** The reference rows by {@code <transaction hash>:<log index>}. */
    private static Map<String, Map<String, String>> referenceRows(final Path file) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        final List<String> header = csvFields(lines.get(0));
        final Map<String, Map<String, String>> rows = new HashMap<>();
        for (final String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            final List<String> fields = csvFields(line);
            final Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields.get(i));
            }
            assertThat(rows.put(row.get("transaction_hash") + ":" + row.get("log_index"), row)).isNull();
        }
        return rows;
    }

    private static Map<String, Integer> columns(final List<String> header) {
        final Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        return columns;
    }

    /** The block times in these files are UTC. */
    private static long epochSeconds(final String time) {
        return LocalDateTime.parse(time, CSV_TIME).toEpochSecond(ZoneOffset.UTC);
    }

    /** RFC 4180 fields of one line (quoted fields with doubled quotes, as pandas writes them). */
    private static List<String> csvFields(final String line) {
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
