package dev.soba.streams.processors.nlp;

/**
 * A translated text: the pair it went through (ISO 639-3), the back-end that translated it, and,
 * when the source was {@code auto}, the detection that chose it ({@code null} otherwise).
 */
public record Translation(String translatedText, String source, String target, String backend,
                          LanguageDetection detected) {
}
