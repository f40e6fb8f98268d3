package dev.soba.streams.api.nlp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code soba.nlp.*}: language detection and translation ({@link NlpService}). */
@ConfigMapping(prefix = "soba.nlp")
public interface NlpConfig {

    /** Lingua's mode: low, low-refined or high (heap: about 100 MB, 800 MB, 1.5 GB). */
    @WithDefault("low")
    String detectionAccuracy();

    /** apertium (started here as apertium-apy), libretranslate (a server at libretranslate-url) or none. */
    @WithDefault("apertium")
    String translationBackend();

    @WithDefault("apertium-apy")
    String apertiumCommand();

    /** Where the installed pairs' .mode files are (Debian: /usr/share/apertium/modes). */
    @WithDefault("/usr/share/apertium/modes")
    String apertiumModes();

    Optional<String> libretranslateUrl();

    Optional<String> libretranslateApiKey();

    /** How long one translation may take before it answers 503. */
    @WithDefault("PT10S")
    Duration timeout();

    /** The largest text (bytes of UTF-8) translated or detected; larger: 413. */
    @WithDefault("65536")
    int maxTextBytes();

    /** The largest request body of the nlp routes (bytes); larger: 413. */
    @WithDefault("1048576")
    int maxBodyBytes();

    @WithDefault("100")
    int batchMaxItems();

    /** Translations of one batch in flight at once (and of all batches of the instance together). */
    @WithDefault("4")
    int batchConcurrency();
}
