package dev.soba.streams.schemas.market.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.MarketTick;
import dev.soba.streams.schemas.Validated;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickCsvTest {

    private static final long T0 = Instant.parse("2025-05-30T16:39:12.345Z").toEpochMilli();

    private static List<CsvResult<MarketTick>> read(final String csv) {
        return read(csv, "binance", "ETH-USDT");
    }

    private static List<CsvResult<MarketTick>> read(final String csv, final String exchange, final String symbol) {
        try (Stream<CsvResult<MarketTick>> results = TickCsv.read(new BufferedReader(new StringReader(csv)),
                "trades.csv", exchange, symbol)) {
            return results.toList();
        }
    }

    private static MarketTick parsed(final CsvResult<MarketTick> result) {
        assertThat(result).isInstanceOf(CsvResult.Parsed.class);
        return ((CsvResult.Parsed<MarketTick>) result).value();
    }

    private static String reason(final CsvResult<MarketTick> result) {
        assertThat(result).isInstanceOf(CsvResult.Rejected.class);
        return ((CsvResult.Rejected<MarketTick>) result).reason();
    }

    @Test
    void readsEveryColumnIntoATickTheContractAccepts() {
        final MarketTick tick = parsed(read("""
                exchange,symbol,price,quantity,side,trade_id,timestamp
                kraken,BTC-USD,27000.10,0.5,sell,T-1,%d
                """.formatted(T0)).get(0));
        assertThat(tick.exchange()).isEqualTo("kraken");
        assertThat(tick.symbol()).isEqualTo("BTC-USD");
        assertThat(tick.price()).isEqualByComparingTo("27000.1");
        assertThat(tick.quantity()).isEqualTo(new BigDecimal("0.5"));
        assertThat(tick.side()).isEqualTo(MarketTick.Side.SELL);
        assertThat(tick.tradeId()).isEqualTo("T-1");
        assertThat(tick.timestamp()).isEqualTo(T0);
        // What replay writes is what the pipeline's validator reads back, unchanged.
        final Validated<Item> again = ItemParser.parse(Json.write(tick), Optional.of(ItemType.MARKET_TICK));
        assertThat(again).isInstanceOf(Validated.Valid.class);
        assertThat(((Validated.Valid<Item>) again).value()).isEqualTo(tick);
    }

    @Test
    void takesExchangeSymbolAndTradeIdDefaults() {
        final List<CsvResult<MarketTick>> results = read("price,qty,side,time\n2500,1,buy,%d\n\n2501,2,buy,%d\n"
                .formatted(T0, T0 + 1));
        final MarketTick first = parsed(results.get(0));
        assertThat(first.exchange()).isEqualTo("binance");
        assertThat(first.symbol()).isEqualTo("ETH-USDT");
        assertThat(first.tradeId()).isEqualTo("trades.csv:2");
        assertThat(parsed(results.get(1)).tradeId()).isEqualTo("trades.csv:4");
        assertThat(first.identity()).isNotEqualTo(parsed(results.get(1)).identity());
    }

    @Test
    void readsQuantityAliasesAndIdAlias() {
        for (final String alias : List.of("quantity", "qty", "size", "amount", "Volume")) {
            final MarketTick tick = parsed(read("id,price," + alias + ",side,timestamp\n77,2500,1.25,buy," + T0 + "\n")
                    .get(0));
            assertThat(tick.quantity()).as(alias).isEqualTo(new BigDecimal("1.25"));
            assertThat(tick.tradeId()).isEqualTo("77");
        }
    }

    @Test
    void detectsSecondsMillisMicrosAndIsoTimes() {
        for (final String time : List.of(String.valueOf(T0), T0 / 1000 + ".345", T0 + "000", T0 + ".9",
                "2025-05-30T16:39:12.345Z", "2025-05-30 16:39:12.345+00:00", "2025-05-30T16:39:12.345678Z")) {
            assertThat(parsed(read("price,qty,side,timestamp\n2500,1,buy," + time + "\n").get(0)).timestamp())
                    .as(time).isEqualTo(T0);
        }
        final long wholeSeconds = T0 / 1000;
        assertThat(parsed(read("price,qty,side,timestamp\n2500,1,buy," + wholeSeconds + "\n").get(0)).timestamp())
                .isEqualTo(wholeSeconds * 1000);
    }

    @Test
    void readsBybitTradeHistory() {
        // Bybit's public trading history: seconds with a fraction, Buy/Sell, ETHUSDT, trdMatchID.
        final MarketTick tick = parsed(read("""
                timestamp,symbol,side,size,price,tickDirection,trdMatchID,grossValue,homeNotional,foreignNotional
                1748623152.3451,ETHUSDT,Buy,0.02,2550.01,PlusTick,9f3c-aa,5.1e+09,0.02,51.0002
                """, "bybit", null).get(0));
        assertThat(tick.symbol()).isEqualTo("ETH-USDT");
        assertThat(tick.side()).isEqualTo(MarketTick.Side.BUY);
        assertThat(tick.tradeId()).isEqualTo("9f3c-aa");
        assertThat(tick.timestamp()).isEqualTo(T0);
        assertThat(tick.exchange()).isEqualTo("bybit");
    }

    @Test
    void readsBinanceTradesWithHeader() {
        final List<CsvResult<MarketTick>> results = read("""
                id,price,qty,quote_qty,time,is_buyer_maker,is_best_match
                1,2500.00,0.1,250,%d,True,True
                2,2500.01,0.2,500.002,%d,false,True
                3,2500.01,0.2,500.002,%d,maybe,True
                """.formatted(T0, T0, T0), "binance", "ethusdt");
        assertThat(parsed(results.get(0)).side()).isEqualTo(MarketTick.Side.SELL);
        assertThat(parsed(results.get(0)).symbol()).isEqualTo("ETH-USDT");
        assertThat(parsed(results.get(0)).price()).isEqualTo(new BigDecimal("2500"));
        assertThat(parsed(results.get(1)).side()).isEqualTo(MarketTick.Side.BUY);
        assertThat(reason(results.get(2))).isEqualTo("is_buyer_maker: expected true or false, got 'maybe'");
    }

    @Test
    void normalisesSymbolsAndSides() {
        final List<CsvResult<MarketTick>> results = read("""
                symbol,price,qty,side,timestamp
                eth/usdt,1,1,BUY,%d
                BTCUSDC,1,1,s,%d
                WEIRD,1,1,b,%d
                """.formatted(T0, T0, T0));
        assertThat(parsed(results.get(0)).symbol()).isEqualTo("ETH-USDT");
        assertThat(parsed(results.get(1)).symbol()).isEqualTo("BTC-USDC");
        assertThat(parsed(results.get(1)).side()).isEqualTo(MarketTick.Side.SELL);
        assertThat(reason(results.get(2))).startsWith("symbol: must be BASE-QUOTE");
    }

    @Test
    void rejectsBadLinesWithTheContractsReasons() {
        final List<CsvResult<MarketTick>> results = read("""
                price,qty,side,timestamp,trade_id
                abc,1,buy,%1$d,1
                2500,-1,buy,%1$d,2
                2500,1,hold,%1$d,3
                2500,1,buy,978307200000,4
                2500,1,buy,yesterday,5
                2500,1,,%1$d,6
                2500,0,buy,%1$d,
                2500,1,buy,%1$d,8
                """.formatted(T0));
        assertThat(results).extracting(CsvResult::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(reason(results.get(0))).isEqualTo("price: not a number: 'abc'");
        assertThat(reason(results.get(1))).isEqualTo("quantity: must be positive, got -1");
        assertThat(reason(results.get(2))).isEqualTo("side: must be 'buy' or 'sell', got 'hold'");
        assertThat(reason(results.get(3))).startsWith("timestamp: must be epoch milliseconds between 2009-01-01");
        assertThat(reason(results.get(4))).startsWith("timestamp: not epoch seconds or milliseconds");
        assertThat(reason(results.get(5))).startsWith("side: ");
        assertThat(reason(results.get(6))).isEqualTo("quantity: must be positive, got 0");
        assertThat(parsed(results.get(7)).tradeId()).isEqualTo("8");
    }

    @Test
    void headerProblemsAreReportedOnce() {
        assertThat(read("qty,side,timestamp\n1,buy,1\n")).singleElement()
                .satisfies(r -> assertThat(reason(r)).startsWith("header: no price column"));
        assertThat(read("price,timestamp,qty\n1,1,1\n")).singleElement()
                .satisfies(r -> assertThat(reason(r)).startsWith("header: no side column"));
        assertThat(read("price,qty,side\n1,1,buy\n")).singleElement()
                .satisfies(r -> assertThat(reason(r)).startsWith("header: no timestamp column"));
        assertThat(read("price,qty,side,timestamp\n1,1,buy,1\n", null, "ETH-USDT")).singleElement()
                .satisfies(r -> assertThat(reason(r)).isEqualTo("header: no exchange column and no default exchange given"));
        assertThat(read("price,qty,side,timestamp\n1,1,buy,1\n", "binance", " ")).singleElement()
                .satisfies(r -> assertThat(reason(r)).isEqualTo("header: no symbol column and no default symbol given"));
    }

    @Test
    void readsAFileWithItsNameInDefaultTradeIds(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("ETHUSDT-trades-2025-05-30.csv");
        Files.writeString(file, "price,qty,side,timestamp\r\n2500,1,buy," + T0 + "\r\n");
        try (Stream<CsvResult<MarketTick>> results = TickCsv.read(file, "binance",
                CandleCsv.pairFromFileName(file.toString()).orElseThrow())) {
            assertThat(results.toList()).singleElement()
                    .satisfies(r -> assertThat(parsed(r).tradeId()).isEqualTo("ETHUSDT-trades-2025-05-30.csv:2"));
        }
    }
}
