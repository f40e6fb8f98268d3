package dev.soba.streams.processors.nlp;

import java.util.List;

/**
 * An installed translation engine: its name, the pairs it really translates (discovered when it
 * was started or connected, never a list written here) and the translation itself.
 * Implementations are thread-safe and long-lived: one per process.
 */
public interface TranslationBackend extends AutoCloseable {

    String name();

    List<LanguagePair> pairs();

    /** {@code text} translated along {@code pair}, one of {@link #pairs()}; waits at most the back-end's timeout. */
    String translate(LanguagePair pair, String text) throws TranslationException;

    @Override
    void close();
}
