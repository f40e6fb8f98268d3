package dev.soba.streams.processors.fraud;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads labelled addresses from a CSV: the user's own ({@code address,label,source}) or the Forta/Etherscan
 * lists as published ({@code banned_address,wallet_tag,data_source}; {@code address,etherscan_tag,etherscan_labels};
 * {@code contract_address,contract_tag,...,source}). The first matching column of each role is used; a row
 * without a label gets the file's source name as its label.
 */
public final class LabelCsv {

    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
    private static final List<String> ADDRESS_COLUMNS = List.of("address", "banned_address", "contract_address");
    private static final List<String> LABEL_COLUMNS = List.of("label", "wallet_tag", "etherscan_tag", "contract_tag");
    private static final List<String> SOURCE_COLUMNS = List.of("source", "data_source", "etherscan_labels");

    /** A line: a label, or the reason it was refused. */
    public sealed interface Line {
        int lineNumber();
    }

    public record Labelled(int lineNumber, WalletLabel label) implements Line {
    }

    public record Rejected(int lineNumber, String reason) implements Line {
    }

    private LabelCsv() {
    }

    public static List<Line> parse(final BufferedReader reader, final String defaultSource) throws IOException {
        final String headerLine = reader.readLine();
        if (headerLine == null) {
            return List.of(new Rejected(1, "empty file: expected a header with address, label, source"));
        }
        final List<String> header = split(headerLine).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        final int address = first(header, ADDRESS_COLUMNS);
        if (address < 0) {
            return List.of(new Rejected(1, "no address column (one of " + ADDRESS_COLUMNS + ")"));
        }
        final int label = first(header, LABEL_COLUMNS);
        final int source = first(header, SOURCE_COLUMNS);
        final List<Line> lines = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            final List<String> cells = split(line);
            final String addr = cell(cells, address).strip();
            if (!ADDRESS.matcher(addr).matches()) {
                lines.add(new Rejected(number, "address: 0x followed by 40 hex digits expected, got '" + addr + "'"));
                continue;
            }
            final String src = source < 0 || cell(cells, source).isBlank() ? defaultSource : cell(cells, source).strip();
            final String text = label < 0 || cell(cells, label).isBlank() ? src : cell(cells, label).strip();
            lines.add(new Labelled(number, new WalletLabel(addr.toLowerCase(Locale.ROOT), text, src)));
        }
        return lines;
    }

    private static int first(final List<String> header, final List<String> names) {
        for (final String name : names) {
            final int index = header.indexOf(name);
            if (index >= 0) {
                return index;
            }
        }
        return -1;
    }

    private static String cell(final List<String> cells, final int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    private static List<String> split(final String line) {
        final List<String> cells = new ArrayList<>();
        final StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
