package dev.soba.streams.processors.nlp;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Real multilingual text that no one here wrote: the translated messages of programs as Debian
 * installs them ({@code /usr/share/locale/LL[_CC][@variant]/LC_MESSAGES/PACKAGE.mo}), labelled by
 * the locale's language. Messages shorter than {@code minChars} are left out (UI labels say too
 * little), as are duplicates, locales of languages Lingua does not know, and messages without a
 * letter. At most {@code perLanguage} messages are kept per language, the first ones by package
 * and catalogue order, so a run is repeatable.
 */
public final class SystemMessages {

    public static final List<String> PACKAGES = List.of("coreutils", "apt", "libapt-pkg6.0", "dpkg", "git");

    private SystemMessages() {
    }

    public static List<LabelledText> load(final Path localeDir, final List<String> packages, final int minChars,
                                          final int perLanguage) {
        final Map<String, Set<String>> byLanguage = new TreeMap<>();
        final Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> locales = Files.list(localeDir)) {
            for (final Path locale : locales.sorted().toList()) {
                final String language = language(locale.getFileName().toString());
                if (language == null) {
                    continue;
                }
                for (final String pkg : packages) {
                    final Path catalogue = locale.resolve("LC_MESSAGES").resolve(pkg + ".mo");
                    if (!Files.isRegularFile(catalogue)) {
                        continue;
                    }
                    final Set<String> kept = byLanguage.computeIfAbsent(language, ignored -> new LinkedHashSet<>());
                    for (final String message : GettextCatalogue.translations(catalogue)) {
                        final String text = message.strip();
                        if (kept.size() < perLanguage && text.length() >= minChars && text.codePoints().anyMatch(Character::isLetter)
                                && kept.add(text)) {
                            sources.put(language + "\u0000" + text, locale.getFileName() + "/" + pkg);
                        }
                    }
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final List<LabelledText> texts = new ArrayList<>();
        byLanguage.forEach((language, kept) -> kept.forEach(text ->
                texts.add(new LabelledText(language, text, sources.get(language + "\u0000" + text)))));
        return texts;
    }

    /** The ISO 639-1 code of a locale directory name if Lingua knows the language ({@code pt_BR} → {@code pt}). */
    static String language(final String locale) {
        final String code = locale.split("[_@.]", 2)[0].toLowerCase(Locale.ROOT);
        return Arrays.stream(IsoCode639_1.values()).anyMatch(known -> known.toString().equals(code)) ? code : null;
    }
}
