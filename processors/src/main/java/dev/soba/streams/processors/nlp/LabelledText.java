package dev.soba.streams.processors.nlp;

/** A text and the language (ISO 639-1) it is known to be in, with where it came from. */
public record LabelledText(String language, String text, String source) {
}
