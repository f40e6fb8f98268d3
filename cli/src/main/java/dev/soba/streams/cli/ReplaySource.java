package dev.soba.streams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.processors.market.CandleInterval;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.MarketTick;
import dev.soba.streams.schemas.Trace;
import dev.soba.streams.schemas.market.Candle;
import dev.soba.streams.schemas.market.csv.CandleCsv;
import dev.soba.streams.schemas.market.csv.CsvResult;
import dev.soba.streams.schemas.market.csv.TickCsv;
import dev.soba.streams.schemas.mev.BlockFile;
import dev.soba.streams.schemas.mev.BlockFileException;
import dev.soba.streams.schemas.mev.BlockFiles;
import dev.soba.streams.schemas.mev.ParityBlock;
import dev.soba.streams.topology.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One file to replay, in one of the formats {@code ./soba replay} reads: ethereum-etl JSON lines
 * (each line to the topic of its {@code type}), Parity block files of mev-inspect-py (their traces,
 * as ethereum-etl trace items, to {@code traces}), exchange trade CSVs (to {@code market_ticks}) or
 * one-minute candle CSVs (to {@code market_candles}), told apart by extension and content.
 */
sealed interface ReplaySource {

    /**
     * One line of the file: the topic, key, event time and bytes to send, or why it cannot be sent.
     * ethereum-etl items go without key or timestamp, as ethereum-etl sends them; market files are
     * keyed by venue and pair, with their event time, so one venue's history keeps its order
     * through the topic (candles of replayed history are then exact).
     */
    record Line(long number, Optional<String> topic, String key, Long timestamp, byte[] value, String problem) {
        static Line send(final long number, final String topic, final byte[] value) {
            return new Line(number, Optional.of(topic), null, null, value, null);
        }

        static Line sendKeyed(final long number, final String topic, final String key, final long timestamp,
                              final byte[] value) {
            return new Line(number, Optional.of(topic), key, timestamp, value, null);
        }

        static Line skip(final long number, final String problem) {
            return new Line(number, Optional.empty(), null, null, null, problem);
        }
    }

    Path file();

    /** Lines worth counting for progress (an estimate is fine). */
    long size() throws IOException;

    void forEach(Consumer<Line> line) throws IOException;

    /** Options that apply to CSV files: the exchange/symbol of trades, the venue/pair of candles. */
    record CsvDefaults(Optional<String> exchange, Optional<String> symbol, Optional<String> venue, Optional<String> pair) {
    }

    static ReplaySource of(final Path file, final Topics topics, final CsvDefaults defaults) throws IOException {
        Utf8Check.requireUtf8(file);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return isEthereumEtlLines(file) ? new JsonLines(file, topics) : ParityTraces.of(file, topics);
        }
        final String header;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = Optional.ofNullable(reader.readLine()).orElse("").toLowerCase(Locale.ROOT);
        }
        if (header.contains("open") && header.contains("high") && header.contains("low") && header.contains("close")) {
            final String pair = defaults.pair().or(() -> CandleCsv.pairFromFileName(file.getFileName().toString()))
                    .orElseThrow(() -> new Args.UsageException(file + " is a candle CSV: say which pair with --pair BASE-QUOTE"));
            final String venue = defaults.venue().orElseThrow(() ->
                    new Args.UsageException(file + " is a candle CSV: say which venue with --venue NAME (e.g. bybit)"));
            return new CandleFile(file, topics, venue, pair);
        }
        if (header.contains("price")) {
            return new Ticks(file, topics, defaults.exchange().orElse(null), defaults.symbol().orElse(null));
        }
        throw new Args.UsageException(file + ": a CSV file needs a header with open,high,low,close (candles) or price (trades)");
    }

    /** ethereum-etl files hold one item (with its "type") per line; anything else is tried as a Parity block file. */
    private static boolean isEthereumEtlLines(final Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first;
            do {
                first = reader.readLine();
            } while (first != null && first.isBlank());
            if (first == null) {
                return true;
            }
            try {
                return Json.mapper().readTree(first).has("type");
            } catch (final IOException notOneItemPerLine) {
                return false;
            }
        }
    }

    private static long lineCount(final Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }

    record JsonLines(Path file, Topics topics) implements ReplaySource {
        @Override
        public long size() throws IOException {
            return lineCount(file);
        }

        @Override
        public void forEach(final Consumer<Line> sink) throws IOException {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String text;
                long number = 0;
                while ((text = reader.readLine()) != null) {
                    number++;
                    if (text.isBlank()) {
                        continue;
                    }
                    final Optional<String> topic = route(text);
                    sink.accept(topic.isPresent()
                            ? Line.send(number, topic.get(), text.getBytes(StandardCharsets.UTF_8))
                            : Line.skip(number, "not JSON or no known \"type\""));
                }
            }
        }

        private Optional<String> route(final String text) {
            try {
                final JsonNode type = Json.mapper().readTree(text).get("type");
                return type == null || !type.isTextual() ? Optional.empty() : topics.forTypeName(type.asText());
            } catch (final IOException notJson) {
                return Optional.empty();
            }
        }
    }

    record Ticks(Path file, Topics topics, String exchange, String symbol) implements ReplaySource {
        @Override
        public long size() throws IOException {
            return lineCount(file) - 1;
        }

        @Override
        public void forEach(final Consumer<Line> sink) throws IOException {
            try (Stream<CsvResult<MarketTick>> rows = TickCsv.read(file, exchange, symbol)) {
                rows.forEach(row -> sink.accept(row instanceof CsvResult.Parsed<MarketTick> parsed
                        ? Line.sendKeyed(row.line(), topics.input(ItemType.MARKET_TICK),
                                parsed.value().exchange() + "|" + parsed.value().symbol(), parsed.value().timestamp(),
                                Json.write(parsed.value()))
                        : Line.skip(row.line(), ((CsvResult.Rejected<?>) row).reason())));
            }
        }
    }

    record CandleFile(Path file, Topics topics, String venue, String pair) implements ReplaySource {
        @Override
        public long size() throws IOException {
            return lineCount(file) - 1;
        }

        @Override
        public void forEach(final Consumer<Line> sink) throws IOException {
            final CandleInterval minute = CandleInterval.ONE_MINUTE;
            try (Stream<CsvResult<Candle>> rows =
                         CandleCsv.read(file, venue, pair, minute.name(), minute.millis())) {
                rows.forEach(row -> sink.accept(row instanceof CsvResult.Parsed<Candle> parsed
                        ? Line.sendKeyed(row.line(), topics.marketCandles(),
                                parsed.value().venue() + "|" + parsed.value().pair(), parsed.value().openTime(),
                                Json.write(parsed.value()))
                        : Line.skip(row.line(), ((CsvResult.Rejected<?>) row).reason())));
            }
        }
    }

    /**
     * A block in mev-inspect-py's format (Parity {@code trace_block} traces plus receipts): its
     * traces, converted to ethereum-etl trace items, go to the traces topic as ethereum-etl would
     * send them, so the same blocks can be analysed in the stream.
     */
    record ParityTraces(Path file, Topics topics, List<Trace> traces) implements ReplaySource {

        static ParityTraces of(final Path file, final Topics topics) {
            final List<Trace> traces = new ArrayList<>();
            try {
                for (final BlockFile block : BlockFiles.read(file)) {
                    if (!(block instanceof ParityBlock parity)) {
                        throw new Args.UsageException(file + ": neither ethereum-etl JSON lines nor a Parity block file");
                    }
                    traces.addAll(parity.traces());
                }
            } catch (final BlockFileException e) {
                throw new Args.UsageException(e.getMessage());
            }
            return new ParityTraces(file, topics, traces);
        }

        @Override
        public long size() {
            return traces.size();
        }

        @Override
        public void forEach(final Consumer<Line> sink) {
            long number = 0;
            for (final Trace trace : traces) {
                sink.accept(Line.send(++number, topics.input(ItemType.TRACE), Json.write((Item) trace)));
            }
        }
    }
}
