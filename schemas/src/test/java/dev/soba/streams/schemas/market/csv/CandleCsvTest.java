package dev.soba.streams.schemas.market.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.market.Candle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleCsvTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = Instant.parse("2025-05-30T16:39:00Z").toEpochMilli();

    private static List<CsvResult<Candle>> read(final String csv) {
        return read(csv, "1m", MINUTE);
    }

    private static List<CsvResult<Candle>> read(final String csv, final String interval, final long millis) {
        try (Stream<CsvResult<Candle>> results = CandleCsv.read(new BufferedReader(new StringReader(csv)), "bybit",
                "ETH-USDT", interval, millis)) {
            return results.toList();
        }
    }

    private static Candle parsed(final CsvResult<Candle> result) {
        assertThat(result).isInstanceOf(CsvResult.Parsed.class);
        return ((CsvResult.Parsed<Candle>) result).value();
    }

    private static CsvResult.Rejected<Candle> rejected(final CsvResult<Candle> result) {
        assertThat(result).isInstanceOf(CsvResult.Rejected.class);
        return (CsvResult.Rejected<Candle>) result;
    }

    @Test
    void readsThePandasLayoutOfTheExchangeExports() {
        final List<CsvResult<Candle>> results = read("""
                timestamp,open,high,low,close,volume
                2025-05-30 16:39:00+00:00,2548.08,2555.99,2545.91,2550.01,14274.21
                2025-05-30 16:40:00+00:00,2550.01,2553.85,2545.0,2545.39,6002.11
                """);
        assertThat(results).hasSize(2);
        final Candle first = parsed(results.get(0));
        assertThat(results.get(0).line()).isEqualTo(2);
        assertThat(first).isEqualTo(new Candle("bybit", "ETH-USDT", "1m", T0, T0 + MINUTE,
                new BigDecimal("2548.08"), new BigDecimal("2555.99"), new BigDecimal("2545.91"),
                new BigDecimal("2550.01"), new BigDecimal("14274.21"), null, null, 0, T0, T0 + MINUTE - 1, true));
        final Candle second = parsed(results.get(1));
        assertThat(second.openTime()).isEqualTo(T0 + MINUTE);
        assertThat(second.low()).isEqualTo(new BigDecimal("2545")); // 2545.0, canonical
    }

    @Test
    void readsEveryTimeUnitAndIsoSpellingToTheSameInstant() {
        final long seconds = T0 / 1000;
        for (final String time : List.of(String.valueOf(seconds), String.valueOf(T0), T0 + "000",
                seconds + ".000", "2025-05-30T16:39:00Z", "2025-05-30T16:39:00.000Z", "2025-05-30 16:39:00",
                "2025-05-30T18:39:00+02:00", "2025-05-30T18:39:00+0200", "2025-05-30T11:39-05", "\"" + T0 + "\"",
                "2025-05-30t16:39:00z")) {
            final List<CsvResult<Candle>> results = read("open_time,open,high,low,close,volume\n"
                    + time + ",1,1,1,1,0\n");
            assertThat(parsed(results.get(0)).openTime()).as(time).isEqualTo(T0);
        }
    }

    @Test
    void readsDateOnlyTimesAsUtcMidnight() {
        final Candle day = parsed(read("date,open,high,low,close,volume\n2023-03-11,1,2,1,2,5\n",
                "1d", 86_400_000L).get(0));
        assertThat(day.openTime()).isEqualTo(Instant.parse("2023-03-11T00:00:00Z").toEpochMilli());
        assertThat(day.closeTime() - day.openTime()).isEqualTo(86_400_000L);
        assertThat(day.interval()).isEqualTo("1d");
    }

    @Test
    void readsBinanceKlinesWithQuoteVolumeAndTradeCount() {
        final Candle candle = parsed(read("""
                open_time,open,high,low,close,volume,close_time,quote_asset_volume,number_of_trades,taker_buy_base_asset_volume,taker_buy_quote_asset_volume,ignore
                1748623140000,2.0,3.0,1.0,2.5,4.0,1748623199999,10.00,7,1.0,2.5,0
                """).get(0));
        assertThat(candle.quoteVolume()).isEqualTo(new BigDecimal("10"));
        assertThat(candle.vwap()).isEqualTo(new BigDecimal("2.5"));
        assertThat(candle.tradeCount()).isEqualTo(7);
        assertThat(candle.baseVolume()).isEqualTo(new BigDecimal("4"));
    }

    @Test
    void readsBybitApiColumnNamesInAnyOrderAndCase() {
        final Candle candle = parsed(read("""
                \uFEFFturnover,Volume,ClosePrice,LowPrice,HighPrice,OpenPrice,startTime,extra
                "3000" ,3,1000.5,999,1001,1000,1748623140000,"x, ""y""\"
                """).get(0));
        assertThat(candle.open()).isEqualTo(new BigDecimal("1000"));
        assertThat(candle.high()).isEqualTo(new BigDecimal("1001"));
        assertThat(candle.low()).isEqualTo(new BigDecimal("999"));
        assertThat(candle.close()).isEqualTo(new BigDecimal("1000.5"));
        assertThat(candle.quoteVolume()).isEqualTo(new BigDecimal("3000"));
        assertThat(candle.vwap()).isEqualTo(new BigDecimal("1000"));
    }

    @Test
    void vwapIsNullWithoutVolume() {
        final Candle candle = parsed(read("time,open,high,low,close,volume,turnover\n1748623140,5,5,5,5,0,0\n").get(0));
        assertThat(candle.quoteVolume()).isEqualTo(BigDecimal.ZERO);
        assertThat(candle.vwap()).isNull();
    }

    @Test
    void vwapKeepsTwentySignificantDigitsForTinyPrices() {
        final Candle candle = parsed(read(
                "time,open,high,low,close,volume,quote_volume\n1748623140,1,1,1,1,3000000000000,0.01\n").get(0));
        assertThat(candle.vwap().toPlainString()).isEqualTo("0.0000000000000033333333333333333333");
    }

    @Test
    void numbersAreCanonicalAndWrittenPlain() {
        final Candle candle = parsed(read("time,open,high,low,close,volume\n1748623140,1.50,2.5E+3,1.500,2.0,1e-05\n").get(0));
        assertThat(candle.open()).isEqualTo(new BigDecimal("1.5"));
        assertThat(candle.high()).isEqualTo(new BigDecimal("2500"));
        assertThat(candle.baseVolume()).isEqualTo(new BigDecimal("0.00001"));
        final String json = new String(Json.write(candle), StandardCharsets.UTF_8);
        assertThat(json).contains("\"high\":\"2500\"", "\"base_volume\":\"0.00001\"", "\"close\":\"2\"")
                .doesNotContain("E+", "E-");
        assertThat(Json.read(Json.write(candle), Candle.class)).isEqualTo(candle);
    }

    @Test
    void skipsBlankLinesAndKeepsTheFilesLineNumbers() {
        final List<CsvResult<Candle>> results = read("\n  \ntime,open,high,low,close,volume\n\n1748623140,1,1,1,1,1\n"
                + "   \n1748623200,1,1,1,1,1\n\n");
        assertThat(results).extracting(CsvResult::line).containsExactly(5L, 7L);
        assertThat(results).allMatch(r -> r instanceof CsvResult.Parsed);
    }

    @Test
    void aMissingColumnRejectsTheHeaderOnce() {
        final List<CsvResult<Candle>> results = read("time,open,high,low,volume\n1748623140,1,1,1,1\n1748623200,1,1,1,1\n");
        assertThat(results).hasSize(1);
        final CsvResult.Rejected<Candle> header = rejected(results.get(0));
        assertThat(header.line()).isEqualTo(1);
        assertThat(header.reason()).startsWith("header: no close column").contains("close_price");
    }

    @Test
    void anEmptyFileIsReported() {
        assertThat(read("")).singleElement().satisfies(r -> assertThat(rejected(r).reason()).contains("empty"));
        assertThat(read("\n\n")).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(2));
    }

    @Test
    void badLinesAreRejectedWithLineAndReasonAndTheRestIsRead() {
        final List<CsvResult<Candle>> results = read("""
                time,open,high,low,close,volume
                1748623140,1,2,1,abc,1
                1748623200,1,2,1,2
                1748623230,1,2,1,2,1
                1748623320,1,2,1,3,1
                1748623380,1,2,0,1,1
                1748623440,0,2,0,1,1
                1748623500,1,2,1,1,-1
                1748623560,1,2,1,1,1,7
                not-a-time,1,2,1,1,1
                1748623620,"1,2,1,1,1
                ,1,2,1,1,1
                1748623680,1,2,1,2,1
                """);
        assertThat(results).hasSize(12);
        assertThat(results.subList(0, 11)).allMatch(r -> r instanceof CsvResult.Rejected);
        assertThat(results).extracting(CsvResult::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
        assertThat(rejected(results.get(0)).reason()).isEqualTo("close: not a number: 'abc'");
        assertThat(rejected(results.get(1)).reason()).isEqualTo("has 5 fields, the header has 6");
        assertThat(rejected(results.get(2)).reason()).contains("not the start of a 1m window");
        assertThat(rejected(results.get(3)).reason()).startsWith("high and low do not enclose");
        assertThat(rejected(results.get(4)).reason()).isEqualTo("low: must be positive, got 0");
        assertThat(rejected(results.get(5)).reason()).isEqualTo("open: must be positive, got 0");
        assertThat(rejected(results.get(6)).reason()).isEqualTo("volume: must not be negative, got -1");
        assertThat(rejected(results.get(7)).reason()).isEqualTo("has 7 fields, the header has 6");
        assertThat(rejected(results.get(8)).reason()).startsWith("time: not epoch seconds or milliseconds");
        assertThat(rejected(results.get(9)).reason()).contains("quoted field is not closed");
        assertThat(rejected(results.get(10)).reason()).isEqualTo("time: is empty");
        assertThat(parsed(results.get(11)).close()).isEqualTo(new BigDecimal("2"));
    }

    @Test
    void readsLazilyWithoutHoldingTheFile() throws IOException {
        // An endless file: only a streaming reader can take the first lines of it.
        final Reader endless = new Reader() {
            private final String header = "time,open,high,low,close,volume\n";
            private long position;

            @Override
            public int read(final char[] buffer, final int offset, final int length) {
                for (int i = 0; i < length; i++) {
                    buffer[offset + i] = charAt(position++);
                }
                return length;
            }

            private char charAt(final long index) {
                if (index < header.length()) {
                    return header.charAt((int) index);
                }
                final String row = "1748623140,1,1,1,1,1\n";
                return row.charAt((int) ((index - header.length()) % row.length()));
            }

            @Override
            public void close() {
            }
        };
        try (Stream<CsvResult<Candle>> results = CandleCsv.read(new BufferedReader(endless), "v", "ETH-USDT", "1m",
                MINUTE)) {
            assertThat(results.limit(100_000).filter(r -> r instanceof CsvResult.Parsed).count()).isEqualTo(100_000);
        }
    }

    @Test
    void readsAFileAndClosesItWithTheStream(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("bybit_linear_ETHUSDT_1m_test.csv");
        Files.writeString(file, "timestamp,open,high,low,close,volume\r\n2025-05-30 16:39:00+00:00,1,1,1,1,1\r\n");
        try (Stream<CsvResult<Candle>> results = CandleCsv.read(file, "bybit",
                CandleCsv.pairFromFileName(file.getFileName().toString()).orElseThrow(), "1m", MINUTE)) {
            assertThat(results.toList()).singleElement().satisfies(r -> assertThat(parsed(r).pair()).isEqualTo("ETH-USDT"));
        }
        assertThatThrownBy(() -> CandleCsv.read(file, "bybit", "ETH-USDT", "1m", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void guessesThePairFromTheFileName() {
        assertThat(CandleCsv.pairFromFileName("bybit_linear_ETHUSDT_1m_20250530_20250629.csv")).contains("ETH-USDT");
        assertThat(CandleCsv.pairFromFileName("/data/market/binanceus_BTCUSD_1m_20230301_20230321.csv"))
                .contains("BTC-USD");
        assertThat(CandleCsv.pairFromFileName("ETHBUSD-1m-2022-01.csv")).contains("ETH-BUSD");
        assertThat(CandleCsv.pairFromFileName("ETHUSDC_1m.csv")).contains("ETH-USDC");
        assertThat(CandleCsv.pairFromFileName("ETHBTC-trades-2024-01-01.csv")).contains("ETH-BTC");
        assertThat(CandleCsv.pairFromFileName("kraken WBTC-ETH 1h.csv")).contains("WBTC-ETH");
        assertThat(CandleCsv.pairFromFileName("1INCHDAI.csv")).contains("1INCH-DAI");
        assertThat(CandleCsv.pairFromFileName("klines_ethusdt.csv")).isEmpty();
        assertThat(CandleCsv.pairFromFileName("USDT_1m.csv")).isEmpty();
        assertThat(CandleCsv.pairFromFileName("candles.csv")).isEmpty();
    }
}
