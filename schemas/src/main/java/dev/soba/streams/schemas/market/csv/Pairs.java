package dev.soba.streams.schemas.market.csv;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Exchange symbols as {@code BASE-QUOTE}: exchanges write {@code ETHUSDT}, the project writes
 * {@code ETH-USDT}. The split is a guess from a list of common quote currencies.
 */
final class Pairs {

    /** Longest first, so {@code ETHBUSD} is ETH-BUSD and {@code ETHUSDT} is not ETHU-SDT or ETHUSD-T. */
    static final List<String> QUOTES = List.of("USDT", "USDC", "BUSD", "USD", "DAI", "BTC", "ETH");

    private Pairs() {
    }

    /** The first token of a file name (split at {@code _ . -} and spaces) that reads as a pair. */
    static Optional<String> fromFileName(final String fileName) {
        final int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        final String name = fileName.substring(slash + 1);
        for (final String token : name.split("[_. ]+")) {
            final Optional<String> dashed = dashedPair(token);
            if (dashed.isPresent()) {
                return dashed;
            }
            for (final String part : token.split("-")) {
                final Optional<String> pair = split(part);
                if (pair.isPresent()) {
                    return pair;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code ethusdt}, {@code ETH/USDT} and {@code ETH-USDT} all become {@code ETH-USDT}; a symbol
     * that cannot be split is returned upper-cased as it is (the tick contract then rejects it).
     */
    static String normalise(final String symbol) {
        final String upper = symbol.strip().toUpperCase(Locale.ROOT).replace('/', '-');
        return upper.indexOf('-') >= 0 ? upper : split(upper).orElse(upper);
    }

    /** {@code ETHUSDT} → {@code ETH-USDT}: upper-case letters and digits, a known quote, a base of two or more. */
    private static Optional<String> split(final String token) {
        if (!isSymbol(token)) {
            return Optional.empty();
        }
        for (final String quote : QUOTES) {
            if (token.length() >= quote.length() + 2 && token.endsWith(quote)) {
                return Optional.of(token.substring(0, token.length() - quote.length()) + "-" + quote);
            }
        }
        return Optional.empty();
    }

    /** {@code ETH-USDT} already spelled as a pair with a known quote. */
    private static Optional<String> dashedPair(final String token) {
        final int dash = token.indexOf('-');
        if (dash < 2 || token.indexOf('-', dash + 1) >= 0) {
            return Optional.empty();
        }
        final String base = token.substring(0, dash);
        final String quote = token.substring(dash + 1);
        return isSymbol(base) && QUOTES.contains(quote) ? Optional.of(token) : Optional.empty();
    }

    private static boolean isSymbol(final String token) {
        boolean letter = false;
        for (int i = 0; i < token.length(); i++) {
            final char c = token.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                letter = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return letter;
    }
}
