package dev.soba.streams.processors.nlp;

/**
 * A direction a back-end translates, in ISO 639-3 codes with Apertium's variant suffix where the
 * back-end has one ({@code eng → cat_valencia}).
 */
public record LanguagePair(String source, String target) {

    public String label() {
        return source + "-" + target;
    }

    public boolean matches(final String from, final String to) {
        return source.equalsIgnoreCase(from) && target.equalsIgnoreCase(to);
    }
}
