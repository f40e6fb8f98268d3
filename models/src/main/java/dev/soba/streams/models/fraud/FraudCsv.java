package dev.soba.streams.models.fraud;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a table in the layout of the labelled source ({@code transaction_dataset.csv}): a header with
 * every {@linkplain WalletFeature#MODEL_INPUTS model input} and {@code Address}, optionally {@code FLAG}
 * (1 = illicit); other columns are ignored. Blank ERC-20 cells mean "no ERC-20 activity" and are read as
 * zeros, the way the source writes it for normal addresses and the way the stream sees it.
 */
public final class FraudCsv {

    /** A row or header the table cannot be read with; says where. */
    public static final class FormatException extends IllegalArgumentException {
        public FormatException(final String message) {
            super(message);
        }
    }

    /** What was read, and how many repeated addresses were dropped (the first row of an address is kept). */
    public record Table(List<LabelledWallet> rows, int duplicatesDropped) {
    }

    private FraudCsv() {
    }

    /** Reads the file; {@code labelRequired} makes a missing {@code FLAG} column an error, otherwise FLAG is not read. */
    public static Table read(final Path file, final boolean labelRequired) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            final String headerLine = reader.readLine();
            if (headerLine == null) {
                throw new FormatException(file + ": empty file, expected a header line");
            }
            final List<String> header = split(headerLine);
            final Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            final int address = required(columns, "Address", file);
            // scoring ignores FLAG even when present (and whatever it holds)
            final Integer flag = labelRequired ? columns.get("flag") : null;
            if (labelRequired && flag == null) {
                throw new FormatException(file + ": column FLAG is required (1 = illicit, 0 = normal)");
            }
            final int[] inputs = new int[WalletFeature.MODEL_INPUTS.size()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = required(columns, WalletFeature.MODEL_INPUTS.get(i).featureName(), file);
            }
            final List<LabelledWallet> rows = new ArrayList<>();
            final Set<String> seen = new HashSet<>();
            int duplicates = 0;
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                final List<String> cells = split(line);
                final String addr = cell(cells, address).strip().toLowerCase(Locale.ROOT);
                if (addr.isEmpty()) {
                    throw new FormatException(file + " line " + lineNumber + ": Address is empty");
                }
                final double[] features = new double[inputs.length];
                boolean erc20Blank = false;
                for (int i = 0; i < inputs.length; i++) {
                    final String text = cell(cells, inputs[i]).strip();
                    final WalletFeature feature = WalletFeature.MODEL_INPUTS.get(i);
                    if (text.isEmpty()) {
                        if (!feature.isErc20()) {
                            throw new FormatException(file + " line " + lineNumber + ": '" + feature.featureName() + "' is empty");
                        }
                        erc20Blank = true;
                        features[i] = 0;
                    } else {
                        features[i] = number(text, file, lineNumber, feature.featureName());
                    }
                }
                Optional<Boolean> illicit = Optional.empty();
                if (flag != null) {
                    final String text = cell(cells, flag).strip();
                    if (!text.equals("0") && !text.equals("1")) {
                        throw new FormatException(file + " line " + lineNumber + ": FLAG must be 0 or 1, was '" + text + "'");
                    }
                    illicit = Optional.of(text.equals("1"));
                }
                if (!seen.add(addr)) {
                    duplicates++;
                    continue;
                }
                rows.add(new LabelledWallet(addr, features, illicit, erc20Blank));
            }
            return new Table(List.copyOf(rows), duplicates);
        }
    }

    private static int required(final Map<String, Integer> columns, final String name, final Path file) {
        final Integer index = columns.get(name.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw new FormatException(file + ": column '" + name + "' is missing");
        }
        return index;
    }

    private static String cell(final List<String> cells, final int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    private static double number(final String text, final Path file, final int line, final String column) {
        try {
            final double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (final NumberFormatException e) {
            throw new FormatException(file + " line " + line + ": '" + column + "' is not a number: '" + text + "'");
        }
    }

    /** Comma-separated cells; double quotes protect commas and quote themselves by doubling. */
    static List<String> split(final String line) {
        final List<String> cells = new ArrayList<>();
        final StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
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
