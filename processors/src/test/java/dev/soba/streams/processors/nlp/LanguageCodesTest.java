package dev.soba.streams.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageCodesTest {

    @Test
    void codesAreNormalisedToIso6393KeepingVariants() {
        assertThat(LanguageCodes.normalise("es")).contains("spa");
        assertThat(LanguageCodes.normalise(" EN ")).contains("eng");
        assertThat(LanguageCodes.normalise("spa")).contains("spa");
        assertThat(LanguageCodes.normalise("cat_valencia")).contains("cat_valencia");
        assertThat(LanguageCodes.normalise("en_US")).contains("eng_US");
        assertThat(LanguageCodes.normalise("")).isEmpty();
        assertThat(LanguageCodes.normalise(null)).isEmpty();
        assertThat(LanguageCodes.normalise("english!")).isEmpty();
        assertThat(LanguageCodes.iso6391("nob")).isEqualTo("nb");
        assertThat(LanguageCodes.iso6391("xyz")).isEqualTo("xyz");
    }
}
