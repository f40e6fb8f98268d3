package dev.soba.streams.processors.nlp;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.IsoCode639_3;
import com.github.pemistahl.lingua.api.Language;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Language codes as callers give them ({@code es}, {@code spa}, {@code cat_valencia}) in the form
 * pairs use: ISO 639-3, with a back-end's variant suffix kept as it is.
 */
public final class LanguageCodes {

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{2,3}(_[A-Za-z0-9]+)?");

    private LanguageCodes() {
    }

    /** The pair form of {@code code}, or empty when it is no language code. */
    public static Optional<String> normalise(final String code) {
        final String given = code == null ? "" : code.strip();
        if (!CODE.matcher(given).matches()) {
            return Optional.empty();
        }
        final int underscore = given.indexOf('_');
        final String base = (underscore < 0 ? given : given.substring(0, underscore)).toLowerCase(Locale.ROOT);
        final String variant = underscore < 0 ? "" : given.substring(underscore);
        return Optional.of(iso6393(base) + variant);
    }

    /** The ISO 639-3 code of a two-letter code Lingua knows; other codes as they are. */
    static String iso6393(final String base) {
        if (base.length() != 2) {
            return base;
        }
        return Arrays.stream(Language.values())
                .filter(language -> language.getIsoCode639_1() != IsoCode639_1.NONE
                        && language.getIsoCode639_1().toString().equals(base))
                .findFirst()
                .map(language -> language.getIsoCode639_3().toString())
                .orElse(base);
    }

    /** The two-letter code of an ISO 639-3 code Lingua knows (for back-ends that speak ISO 639-1), else itself. */
    public static String iso6391(final String iso6393) {
        return Arrays.stream(Language.values())
                .filter(language -> language.getIsoCode639_3() != IsoCode639_3.NONE
                        && language.getIsoCode639_3().toString().equals(iso6393))
                .findFirst()
                .map(language -> language.getIsoCode639_1().toString())
                .orElse(iso6393);
    }
}
