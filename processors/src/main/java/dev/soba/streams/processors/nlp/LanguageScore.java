package dev.soba.streams.processors.nlp;

/**
 * A language a text may be in: ISO 639-1 and 639-3 codes, English name, and Lingua's relative
 * score (1.0 for the most likely language, less for the others).
 */
public record LanguageScore(String iso6391, String iso6393, String name, double score) {
}
