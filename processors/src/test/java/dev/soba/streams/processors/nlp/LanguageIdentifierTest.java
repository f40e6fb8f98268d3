package dev.soba.streams.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lingua's low mode (one detector for the class: loading models takes seconds). */
class LanguageIdentifierTest {

    private static LanguageIdentifier identifier;

    @BeforeAll
    static void build() {
        identifier = LanguageIdentifier.build(DetectionAccuracy.LOW);
    }

    @Test
    void aSentenceIsDetectedWithBothCodesAConfidenceAndAlternatives() {
        final LanguageDetection german = identifier.detect("Die Datei konnte nicht geöffnet werden, weil sie von einem anderen Prozess verwendet wird.");
        assertThat(german.language()).isEqualTo("de");
        assertThat(german.iso6393()).isEqualTo("deu");
        assertThat(german.name()).isEqualTo("German");
        assertThat(german.reliable()).isTrue();
        assertThat(german.reason()).isNull();
        assertThat(german.confidence()).isBetween(LanguageIdentifier.MIN_RELIABLE_CONFIDENCE, 1.0);
        assertThat(german.alternatives()).hasSizeBetween(1, 4)
                .allSatisfy(alternative -> assertThat(alternative.score()).isLessThanOrEqualTo(1.0))
                .noneMatch(alternative -> alternative.iso6391().equals("de"));
        final LanguageDetection spanish = identifier.detect("No se puede abrir el archivo porque otro programa lo está usando en este momento.");
        assertThat(spanish.language()).isEqualTo("es");
        assertThat(spanish.iso6393()).isEqualTo("spa");
    }

    @Test
    void shortTextIsNotReliableAndSaysWhy() {
        final LanguageDetection shortText = identifier.detect("Hallo Welt");
        assertThat(shortText.reliable()).isFalse();
        assertThat(shortText.reason()).startsWith("too short");
    }

    @Test
    void textWithoutLettersIsUndetermined() {
        final LanguageDetection digits = identifier.detect("12345 !!! 67890");
        assertThat(digits.language()).isEqualTo(LanguageDetection.UNDETERMINED);
        assertThat(digits.iso6393()).isEqualTo(LanguageDetection.UNDETERMINED);
        assertThat(digits.reliable()).isFalse();
        assertThat(digits.alternatives()).isEmpty();
    }

    @Test
    void mixedTextIsNotReliable() {
        // two languages in equal measure: neither is far ahead of the other
        final LanguageDetection mixed = identifier.detect("Guten Morgen meine Freunde buenos días mis amigos");
        assertThat(mixed.reliable()).isFalse();
        assertThat(mixed.reason()).startsWith("mixed");
    }

    @Test
    void everyLanguageLinguaKnowsIsListed() {
        assertThat(LanguageIdentifier.languages()).hasSize(75)
                .extracting(LanguageScore::iso6391).contains("nb", "nn", "bs", "hr", "id", "ms", "hi", "mr");
    }

    @Test
    void optionsPlaceholdersPathsAndNumbersAreNotReadAsWords() {
        assertThat(LanguageIdentifier.withoutCode("-u, --users       daftar %s pengguna yang sedang memakai sistem --output=FILE /usr/bin 42"))
                .isEqualTo("daftar pengguna yang sedang memakai sistem");
        // too little prose left: the text as it was
        assertThat(LanguageIdentifier.withoutCode("--to=si 1000 %s ok")).isEqualTo("--to=si 1000 %s ok");
    }
}
