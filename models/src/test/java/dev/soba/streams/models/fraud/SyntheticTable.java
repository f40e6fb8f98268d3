package dev.soba.streams.models.fraud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** Writes a small labelled table in the source's layout, generated (never copied from the real data). */
final class SyntheticTable {

    private SyntheticTable() {
    }

    /**
     * {@code rows} addresses, a third illicit; illicit ones send fast and to many addresses (a signal a model
     * can learn), and some illicit rows have blank ERC-20 cells, as in the source.
     */
    static Path write(final Path file, final int rows, final long seed, final boolean withFlag) throws IOException {
        final Random random = new Random(seed);
        final StringBuilder csv = new StringBuilder(",Index,Address" + (withFlag ? ",FLAG" : ""));
        for (final WalletFeature feature : WalletFeature.values()) {
            csv.append(',').append(feature.column());
        }
        csv.append(",Unrelated column\n");
        for (int i = 0; i < rows; i++) {
            final boolean illicit = i % 3 == 0;
            final boolean blank = illicit && random.nextInt(3) == 0;
            csv.append(i).append(',').append(i + 1).append(',').append(String.format(Locale.ROOT, "0x%040x", 0xabc000L + i));
            if (withFlag) {
                csv.append(',').append(illicit ? 1 : 0);
            }
            for (final WalletFeature feature : WalletFeature.values()) {
                csv.append(',');
                if (!feature.isModelInput()) {
                    csv.append(blank ? "" : illicit ? "0" : "Tether");
                } else if (feature.isErc20() && blank) {
                    csv.append("");
                } else {
                    final double base = random.nextDouble() * 10;
                    final double value = switch (feature) {
                        case AVG_MIN_BETWEEN_SENT -> illicit ? base : 200 + base * 50;
                        case UNIQUE_SENT_TO -> illicit ? 40 + base : base;
                        default -> base;
                    };
                    csv.append(String.format(Locale.ROOT, "%.4f", value));
                }
            }
            csv.append(",ignored\n");
        }
        Files.writeString(file, csv);
        return file;
    }
}
