package dev.soba.streams.schemas.market.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.ItemType;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.MarketTick;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.schemas.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads exchange trade files, one trade per line, into {@link MarketTick}s checked by
 * {@link ItemParser} (so every tick read is one the {@code market_ticks} topic accepts).
 *
 * <p>The header names the columns, in any order, any case, with or without underscores; other
 * columns are ignored. Required: {@code price}; the base quantity ({@code quantity}, {@code qty},
 * {@code size}, {@code amount}, {@code volume}); the time ({@code timestamp}, {@code time},
 * {@code ts}, {@code datetime}, {@code date}, {@code trade_time}, {@code transact_time}) as
 * epoch seconds (a fraction is kept to the millisecond), millis, micros (told apart by
 * magnitude) or ISO-8601; and the taker's side, as {@code side} ({@code buy}/{@code sell},
 * any case, or {@code b}/{@code s}) or as {@code is_buyer_maker} (Binance: true means the taker
 * sold). Optional, with defaults: {@code exchange} ({@code venue}), {@code symbol}
 * ({@code pair}, {@code market}; {@code ETHUSDT} and {@code ETH/USDT} become {@code ETH-USDT})
 * and {@code trade_id} ({@code id}, {@code tid}, {@code trd_match_id}; default
 * {@code <source>:<line>}, unique across files so de-duplication keeps every trade).
 * Bybit's and Binance's trade exports (with a header) read as they are.
 */
public final class TickCsv {

    static final List<String> PRICE = List.of("price", "px");
    static final List<String> QUANTITY = List.of("quantity", "qty", "size", "amount", "volume");
    static final List<String> TIME =
            List.of("timestamp", "time", "ts", "datetime", "date", "trade_time", "transact_time");
    static final List<String> SIDE = List.of("side", "taker_side");
    static final List<String> BUYER_MAKER = List.of("is_buyer_maker", "buyer_maker");
    static final List<String> EXCHANGE = List.of("exchange", "venue");
    static final List<String> SYMBOL = List.of("symbol", "pair", "market");
    static final List<String> TRADE_ID = List.of("trade_id", "id", "tid", "trd_match_id");

    private TickCsv() {
    }

    /**
     * The ticks of a file, lazily; close the stream (try-with-resources) to close the file.
     *
     * @param exchange the exchange when the file has no exchange column (or an empty cell); may be null if it has
     * @param symbol   the pair when the file has no symbol column (or an empty cell); may be null if it has
     */
    public static Stream<CsvResult<MarketTick>> read(final Path file, final String exchange, final String symbol)
            throws IOException {
        return read(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.getFileName().toString(), exchange,
                symbol);
    }

    /**
     * As {@link #read(Path, String, String)}, from any reader (closed with the stream).
     *
     * @param source names the input in default trade ids ({@code <source>:<line>}), e.g. the file name
     */
    public static Stream<CsvResult<MarketTick>> read(final BufferedReader reader, final String source,
            final String exchange, final String symbol) {
        return CsvLines.stream(reader, header -> new Columns(header, source, exchange, symbol)::read);
    }

    private static final class Columns {
        private final CsvHeader header;
        private final String source;
        private final String defaultExchange;
        private final String defaultSymbol;
        private final int price;
        private final int quantity;
        private final int time;
        private final OptionalInt side;
        private final OptionalInt buyerMaker;
        private final OptionalInt exchange;
        private final OptionalInt symbol;
        private final OptionalInt tradeId;

        Columns(final CsvHeader header, final String source, final String exchange, final String symbol)
                throws CsvRowException {
            this.header = header;
            this.source = source;
            this.defaultExchange = exchange == null || exchange.isBlank() ? null : exchange.strip();
            this.defaultSymbol = symbol == null || symbol.isBlank() ? null : Pairs.normalise(symbol);
            this.price = header.require("price", PRICE);
            this.quantity = header.require("quantity", QUANTITY);
            this.time = header.require("timestamp", TIME);
            this.side = header.find(SIDE);
            this.buyerMaker = header.find(BUYER_MAKER);
            this.exchange = header.find(EXCHANGE);
            this.symbol = header.find(SYMBOL);
            this.tradeId = header.find(TRADE_ID);
            if (side.isEmpty() && buyerMaker.isEmpty()) {
                throw new CsvRowException("no side column (side, or is_buyer_maker): a market tick needs the"
                        + " taker's side");
            }
            if (this.exchange.isEmpty() && defaultExchange == null) {
                throw new CsvRowException("no exchange column and no default exchange given");
            }
            if (this.symbol.isEmpty() && defaultSymbol == null) {
                throw new CsvRowException("no symbol column and no default symbol given");
            }
        }

        MarketTick read(final String[] fields, final long line) throws CsvRowException {
            final ObjectNode tick = Json.mapper().createObjectNode();
            tick.put("exchange", cell(exchange, fields).orElse(defaultExchange));
            tick.put("symbol", cell(symbol, fields).map(Pairs::normalise).orElse(defaultSymbol));
            tick.put("price", CsvValues.decimal(header.name(price), fields[price]).toPlainString());
            tick.put("quantity", CsvValues.decimal(header.name(quantity), fields[quantity]).toPlainString());
            tick.put("side", side(fields));
            tick.put("trade_id", cell(tradeId, fields).orElse(source + ":" + line));
            tick.put("timestamp", CsvValues.epochMillis(header.name(time), fields[time]));
            final Validated<Item> checked = ItemParser.parse(tick, Optional.of(ItemType.MARKET_TICK));
            if (checked instanceof Validated.Invalid<Item> invalid) {
                throw new CsvRowException(invalid.violations().stream().map(TickCsv::describe)
                        .collect(Collectors.joining("; ")));
            }
            return (MarketTick) ((Validated.Valid<Item>) checked).value();
        }

        /** buy or sell; anything else is passed on for the contract to reject with its own message. */
        private String side(final String[] fields) throws CsvRowException {
            final Optional<String> text = cell(side, fields);
            if (text.isPresent()) {
                final String lower = text.get().toLowerCase(Locale.ROOT);
                return "b".equals(lower) ? "buy" : "s".equals(lower) ? "sell" : lower;
            }
            final Optional<String> maker = cell(buyerMaker, fields);
            if (maker.isEmpty()) {
                return null;
            }
            return switch (maker.get().toLowerCase(Locale.ROOT)) {
                // The buyer made the resting order, so the taker (the aggressor) sold.
                case "true", "1", "t", "yes" -> "sell";
                case "false", "0", "f", "no" -> "buy";
                default -> throw new CsvRowException(header.name(buyerMaker.getAsInt()) + ": expected true or false, got '"
                        + CsvValues.shorten(maker.get()) + "'");
            };
        }

        private static Optional<String> cell(final OptionalInt column, final String[] fields) {
            return column.isPresent() && !fields[column.getAsInt()].isEmpty()
                    ? Optional.of(fields[column.getAsInt()]) : Optional.empty();
        }
    }

    private static String describe(final Violation violation) {
        return violation.field() + ": " + violation.reason();
    }
}
