package dev.soba.streams.processors.dex;

import dev.soba.streams.schemas.market.PoolInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.Keys;

/**
 * Reads a pool list for {@code ./soba pools import}: CSV with the header
 * {@code pool,protocol,token0,token1,fee,token0_symbol,token1_symbol,token0_decimals,token1_decimals}.
 * Columns may come in any order; {@code pool}, {@code token0} and {@code token1} are required, the rest
 * may be left out or empty ({@code protocol} defaults to {@code uniswap_v2}, whose fee defaults to
 * 3000). Every line gets an answer, so the operator sees every problem of the file in one run; an
 * unknown column rejects the header (a typo would otherwise silently drop a column's values).
 * Tokens given in the wrong order are swapped, with their symbols and decimals, as Uniswap sorts them.
 */
public final class PoolCsv {

    static final List<String> COLUMNS = List.of("pool", "protocol", "token0", "token1", "fee", "token0_symbol",
            "token1_symbol", "token0_decimals", "token1_decimals");
    private static final List<String> REQUIRED = List.of("pool", "token0", "token1");
    /** Fees are hundredths of a basis point: 1,000,000 is the whole amount. */
    private static final int MAX_FEE = 1_000_000;

    private PoolCsv() {
    }

    /** The answer for one line of the file (1-based, counting the header). */
    public sealed interface Line permits Imported, Rejected {
        int lineNumber();
    }

    public record Imported(int lineNumber, PoolInfo pool) implements Line {
    }

    public record Rejected(int lineNumber, String reason) implements Line {
    }

    public static List<Line> parse(final BufferedReader reader) throws IOException {
        final List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return parse(lines);
    }

    public static List<Line> parse(final String csv) {
        return parse(csv.lines().toList());
    }

    /** Blank lines are skipped; the first other line is the header. */
    public static List<Line> parse(final List<String> lines) {
        int index = 0;
        while (index < lines.size() && lines.get(index).isBlank()) {
            index++;
        }
        if (index == lines.size()) {
            return List.of(new Rejected(1, "no header: expected " + String.join(",", COLUMNS)));
        }
        final int headerLine = index + 1;
        final Header header;
        try {
            header = Header.parse(stripBom(lines.get(index)));
        } catch (final CsvException e) {
            return List.of(new Rejected(headerLine, e.getMessage()));
        }
        final List<Line> result = new ArrayList<>();
        final Map<String, Integer> firstLineOfPool = new HashMap<>();
        for (int i = index + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            final int lineNumber = i + 1;
            final Line line = row(lineNumber, lines.get(i), header);
            if (line instanceof Imported imported) {
                final Integer first = firstLineOfPool.putIfAbsent(imported.pool().address(), lineNumber);
                result.add(first == null ? line
                        : new Rejected(lineNumber, "pool " + imported.pool().address() + " already listed on line " + first));
            } else {
                result.add(line);
            }
        }
        return result;
    }

    private static Line row(final int lineNumber, final String text, final Header header) {
        final List<String> fields;
        try {
            fields = split(text);
        } catch (final CsvException e) {
            return new Rejected(lineNumber, e.getMessage());
        }
        if (fields.size() != header.size()) {
            return new Rejected(lineNumber, "expected " + header.size() + " fields like the header, got " + fields.size());
        }
        final Problems problems = new Problems();
        final String pool = problems.address("pool", header.value(fields, "pool"));
        final String protocol = protocol(header.value(fields, "protocol"), problems);
        final String token0 = problems.address("token0", header.value(fields, "token0"));
        final String token1 = problems.address("token1", header.value(fields, "token1"));
        final Integer fee = fee(header.value(fields, "fee"), protocol, problems);
        final String symbol0 = header.value(fields, "token0_symbol").orElse(null);
        final String symbol1 = header.value(fields, "token1_symbol").orElse(null);
        final Integer decimals0 = problems.decimals("token0_decimals", header.value(fields, "token0_decimals"));
        final Integer decimals1 = problems.decimals("token1_decimals", header.value(fields, "token1_decimals"));
        if (token0 != null && token0.equals(token1)) {
            problems.add("token0 and token1 are the same token " + token0);
        }
        if (!problems.isEmpty()) {
            return new Rejected(lineNumber, problems.joined());
        }
        final boolean sorted = token0.compareTo(token1) < 0;
        return new Imported(lineNumber, new PoolInfo(pool, protocol,
                sorted ? token0 : token1, sorted ? token1 : token0, fee,
                sorted ? symbol0 : symbol1, sorted ? symbol1 : symbol0,
                sorted ? decimals0 : decimals1, sorted ? decimals1 : decimals0,
                PoolRegistry.SOURCE_IMPORT));
    }

    private static String protocol(final Optional<String> value, final Problems problems) {
        if (value.isEmpty()) {
            return SwapBuilder.UNISWAP_V2;
        }
        final String protocol = value.get().toLowerCase(Locale.ROOT);
        if (!protocol.equals(SwapBuilder.UNISWAP_V2) && !protocol.equals(SwapBuilder.UNISWAP_V3)) {
            problems.add("protocol must be uniswap_v2 or uniswap_v3, got '" + value.get() + "'");
            return null;
        }
        return protocol;
    }

    private static Integer fee(final Optional<String> value, final String protocol, final Problems problems) {
        if (value.isEmpty()) {
            return SwapBuilder.UNISWAP_V2.equals(protocol) ? PoolRegistry.V2_FEE : null;
        }
        return problems.integer("fee", value.get(), 0, MAX_FEE);
    }

    private static String stripBom(final String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /**
     * RFC 4180 fields of one line: comma-separated, optionally in double quotes with {@code ""} for a
     * quote; unquoted fields are trimmed. A field cannot span lines.
     */
    private static List<String> split(final String line) throws CsvException {
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new CsvException("unterminated quoted field " + (fields.size() + 1));
                    }
                    final char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new CsvException("text after the closing quote of field " + (fields.size() + 1));
                }
                fields.add(field.toString());
            } else {
                final int comma = line.indexOf(',', i);
                final int end = comma < 0 ? line.length() : comma;
                fields.add(line.substring(i, end).strip());
                i = end;
            }
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** Column positions by name. */
    private record Header(Map<String, Integer> positions, int size) {

        static Header parse(final String line) throws CsvException {
            final List<String> names = split(line);
            final Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                final String name = names.get(i).toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(name)) {
                    throw new CsvException("unknown column '" + names.get(i) + "' in the header; columns are "
                            + String.join(",", COLUMNS));
                }
                if (positions.putIfAbsent(name, i) != null) {
                    throw new CsvException("column '" + name + "' appears twice in the header");
                }
            }
            for (final String required : REQUIRED) {
                if (!positions.containsKey(required)) {
                    throw new CsvException("the header lacks the required column '" + required + "'");
                }
            }
            return new Header(Map.copyOf(positions), names.size());
        }

        /** The column's value on this row; empty when the column is absent or the field blank. */
        Optional<String> value(final List<String> fields, final String column) {
            final Integer position = positions.get(column);
            if (position == null || fields.get(position).isBlank()) {
                return Optional.empty();
            }
            return Optional.of(fields.get(position));
        }
    }

    /** The problems of one row, so all of them are reported together. */
    private static final class Problems {

        private final List<String> messages = new ArrayList<>();

        void add(final String message) {
            messages.add(message);
        }

        boolean isEmpty() {
            return messages.isEmpty();
        }

        String joined() {
            return String.join("; ", messages);
        }

        /** A 20-byte address in lower case; mixed case must carry its EIP-55 checksum, as everywhere in the project. */
        String address(final String column, final Optional<String> value) {
            if (value.isEmpty()) {
                add(column + " is missing");
                return null;
            }
            final String text = value.get();
            if (text.length() != 42 || !text.startsWith("0x") || !AbiWords.isHex(text)) {
                add(column + " must be 0x followed by 40 hex digits, got '" + text + "'");
                return null;
            }
            final String lower = text.toLowerCase(Locale.ROOT);
            final boolean mixedCase = !text.equals(lower) && !text.substring(2).equals(text.substring(2).toUpperCase(Locale.ROOT));
            if (mixedCase && !Keys.toChecksumAddress(lower).equals(text)) {
                add(column + " " + text + " fails its EIP-55 checksum (expected " + Keys.toChecksumAddress(lower)
                        + "; all lower case is accepted)");
                return null;
            }
            return lower;
        }

        Integer decimals(final String column, final Optional<String> value) {
            return value.isEmpty() ? null : integer(column, value.get(), 0, PoolRegistry.MAX_DECIMALS);
        }

        Integer integer(final String column, final String text, final int min, final int max) {
            if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                add(column + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
                return null;
            }
            final int value = Integer.parseInt(text);
            if (value < min || value > max) {
                add(column + " must be from " + min + " to " + max + ", got " + value);
                return null;
            }
            return value;
        }
    }

    /** A line that is not CSV at all; caught within this class and turned into a {@link Rejected}. */
    private static final class CsvException extends Exception {

        CsvException(final String message) {
            super(message, null, false, false);
        }
    }
}
