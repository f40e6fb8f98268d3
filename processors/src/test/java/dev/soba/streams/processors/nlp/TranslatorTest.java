package dev.soba.streams.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Translation through the real Apertium: apertium-apy started over Debian's installed pairs
 * ({@code apertium-eng-spa}, {@code apertium-eng-cat}; .ci/run installs them).
 */
class TranslatorTest {

    private static final Path MODES = Path.of("/usr/share/apertium/modes");
    private static LanguageIdentifier identifier;
    private static ApertiumApy apertium;
    private static Translator translator;

    @BeforeAll
    static void start() throws IOException {
        identifier = LanguageIdentifier.build(DetectionAccuracy.LOW);
        apertium = ApertiumApy.start("apertium-apy", MODES, Duration.ofSeconds(30));
        translator = Translator.with(apertium, identifier, 1000);
    }

    @AfterAll
    static void stop() {
        if (translator != null) {
            translator.close();
        }
    }

    @Test
    void pairsAreTheInstalledOnesAsApertiumListsThem() {
        assertThat(translator.pairs()).contains(new LanguagePair("eng", "spa"), new LanguagePair("spa", "eng"),
                new LanguagePair("eng", "cat"), new LanguagePair("cat", "eng"));
        assertThat(translator.pairs()).noneMatch(pair -> pair.target().equals("fra") || pair.target().equals("deu"));
        assertThat(translator.backendName()).isEqualTo("apertium");
        assertThat(translator.unavailableReason()).isEmpty();
    }

    @Test
    void textIsTranslatedWithTwoAndThreeLetterCodes() {
        final Translation spanish = translator.translate("Good morning, my friends.", "en", "es");
        assertThat(spanish.translatedText().toLowerCase()).contains("buenos días").contains("amigos");
        assertThat(spanish.source()).isEqualTo("eng");
        assertThat(spanish.target()).isEqualTo("spa");
        assertThat(spanish.backend()).isEqualTo("apertium");
        assertThat(spanish.detected()).isNull();
        final Translation english = translator.translate("La casa es muy grande.", "spa", "eng");
        assertThat(english.translatedText().toLowerCase()).contains("house").contains("big");
    }

    @Test
    void anAutoSourceIsDetected() {
        final Translation translation = translator.translate("The house is very big and the garden is beautiful.", "auto", "cat");
        assertThat(translation.source()).isEqualTo("eng");
        assertThat(translation.detected().language()).isEqualTo("en");
        assertThat(translation.translatedText().toLowerCase()).contains("casa");
    }

    @Test
    void anUnsupportedPairIsRefusedWithTheInstalledPairs() {
        assertThatThrownBy(() -> translator.translate("Good morning", "en", "fr"))
                .isInstanceOfSatisfying(TranslationRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(TranslationRefused.Reason.UNSUPPORTED_PAIR);
                    assertThat(refused.field()).isEqualTo("target");
                    assertThat(refused.getMessage()).contains("eng to fra").contains("eng-spa");
                    assertThat(refused.supported()).contains(new LanguagePair("eng", "spa"));
                });
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> translator.translate("  ", "en", "es")).isInstanceOfSatisfying(TranslationRefused.class,
                refused -> assertThat(refused.field()).isEqualTo("text"));
        assertThatThrownBy(() -> translator.translate("x".repeat(1001), "en", "es"))
                .isInstanceOfSatisfying(TranslationRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(TranslationRefused.Reason.TOO_LARGE);
                    assertThat(refused.getMessage()).contains("1001 bytes").contains("limit is 1000");
                });
        assertThatThrownBy(() -> translator.translate("Good morning", "en", "español!"))
                .isInstanceOfSatisfying(TranslationRefused.class, refused -> assertThat(refused.field()).isEqualTo("target"));
        assertThatThrownBy(() -> translator.translate("Good morning", "e1", "es"))
                .isInstanceOfSatisfying(TranslationRefused.class, refused -> assertThat(refused.field()).isEqualTo("source"));
    }

    @Test
    void withoutABackEndTranslationIsUnavailableAndSaysWhatToInstall() {
        final String missing = ApertiumApy.missing("/nonexistent/apertium-apy", MODES).orElseThrow();
        assertThat(missing).contains("not installed").contains(ApertiumApy.INSTALL);
        assertThat(ApertiumApy.missing("apertium-apy", Path.of("/nonexistent/modes")).orElseThrow())
                .contains("no Apertium language pair");
        final Translator none = Translator.unavailable(missing, identifier, 1000);
        assertThat(none.pairs()).isEmpty();
        assertThatThrownBy(() -> none.translate("Good morning", "en", "es"))
                .isInstanceOfSatisfying(TranslationRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(TranslationRefused.Reason.UNAVAILABLE);
                    assertThat(refused.getMessage()).contains("apt-get install");
                });
    }

    @Test
    void aBackEndSlowerThanTheTimeoutIsATimeout() throws IOException {
        // the same real server, asked with a deadline no translation can meet
        try (ApertiumApy hurried = ApertiumApy.start("apertium-apy", MODES, Duration.ofMillis(1))) {
            final Translator impatient = Translator.with(hurried, identifier, 1000);
            assertThatThrownBy(() -> impatient.translate("Good morning, my friends.", "en", "es"))
                    .isInstanceOfSatisfying(TranslationRefused.class,
                            refused -> assertThat(refused.reason()).isEqualTo(TranslationRefused.Reason.TIMEOUT));
        }
    }
}
