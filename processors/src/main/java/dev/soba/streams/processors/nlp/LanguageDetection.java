package dev.soba.streams.processors.nlp;

import java.util.List;

/**
 * The language of one text. {@code language}/{@code iso6393} are {@code und} (undetermined) when
 * no language fits. {@code confidence} is how far ahead the best language is: 1 − the runner-up's
 * relative score (0 = a tie, 1 = no other language came close). {@code reliable} is false for
 * texts too short or too mixed to trust, and {@code reason} then says which.
 */
public record LanguageDetection(String language, String iso6393, String name, double confidence, boolean reliable,
                                String reason, List<LanguageScore> alternatives) {

    public static final String UNDETERMINED = "und";

    public LanguageDetection {
        alternatives = List.copyOf(alternatives);
    }
}
