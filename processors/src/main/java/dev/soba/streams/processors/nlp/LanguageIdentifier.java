package dev.soba.streams.processors.nlp;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Language detection with Lingua, whose n-gram models are inside its jar (nothing is downloaded).
 * Building a detector loads its models (seconds, and the heap of {@link DetectionAccuracy}): build
 * one per process and share it; {@link #detect} is thread-safe.
 */
public final class LanguageIdentifier {

    /** Fewer letters than this and a detection is not reliable (Lingua's own advice: short texts are guesses). */
    public static final int MIN_RELIABLE_LETTERS = 20;
    /** A best language less than this far ahead of the runner-up is a tie: mixed text, or too close to call. */
    public static final double MIN_RELIABLE_CONFIDENCE = 0.02;
    private static final int ALTERNATIVES = 4;

    /**
     * Languages Lingua's low mode mixes up with each other on short texts; {@link DetectionAccuracy#LOW_REFINED}
     * decides among each group with the high mode.
     */
    static final List<Set<Language>> CONFUSABLE = List.of(
            Set.of(Language.BOSNIAN, Language.CROATIAN, Language.SERBIAN, Language.SLOVENE),
            Set.of(Language.BOKMAL, Language.NYNORSK, Language.DANISH, Language.SWEDISH),
            Set.of(Language.INDONESIAN, Language.MALAY, Language.TAGALOG),
            Set.of(Language.HINDI, Language.MARATHI),
            Set.of(Language.SPANISH, Language.CATALAN, Language.PORTUGUESE, Language.LATIN, Language.ITALIAN),
            Set.of(Language.CZECH, Language.SLOVAK),
            Set.of(Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN, Language.BULGARIAN, Language.MACEDONIAN),
            Set.of(Language.ENGLISH, Language.LATIN, Language.ESPERANTO, Language.TAGALOG),
            Set.of(Language.AFRIKAANS, Language.DUTCH));

    private final DetectionAccuracy accuracy;
    private final LanguageDetector detector;
    private final Map<Language, LanguageDetector> refiners = new EnumMap<>(Language.class);

    private LanguageIdentifier(final DetectionAccuracy accuracy, final LanguageDetector detector) {
        this.accuracy = accuracy;
        this.detector = detector;
    }

    /** A detector of every language Lingua knows, its models loaded now. */
    public static LanguageIdentifier build(final DetectionAccuracy accuracy) {
        final LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromAllLanguages().withPreloadedLanguageModels();
        final LanguageDetector main = accuracy == DetectionAccuracy.HIGH ? builder.build() : builder.withLowAccuracyMode().build();
        final LanguageIdentifier identifier = new LanguageIdentifier(accuracy, main);
        if (accuracy == DetectionAccuracy.LOW_REFINED) {
            for (final Set<Language> group : CONFUSABLE) {
                final LanguageDetector refiner = LanguageDetectorBuilder.fromLanguages(group.toArray(Language[]::new))
                        .withPreloadedLanguageModels().build();
                // a language in two groups is refined by the first (the closer confusion)
                group.forEach(language -> identifier.refiners.putIfAbsent(language, refiner));
            }
        }
        return identifier;
    }

    public DetectionAccuracy accuracy() {
        return accuracy;
    }

    /** Every language detection knows, by ISO 639-1 code. */
    public static List<LanguageScore> languages() {
        return Language.Companion.all().stream()
                .sorted(Comparator.comparing(language -> language.getIsoCode639_1().toString()))
                .map(language -> score(language, 0.0))
                .toList();
    }

    /**
     * Tokens that are in no language: command-line options ({@code --output=FILE}, {@code -T}),
     * printf conversions ({@code %s}, {@code %-10b}), paths, URLs, identifiers, numbers, brackets.
     * Software messages are full of them, and n-gram models read them as words of some language.
     */
    private static final java.util.regex.Pattern NO_LANGUAGE = java.util.regex.Pattern.compile(
            "(?U)(?<!\\w)(?:--?[\\w\\[\\]=,./-]*|%[-+ #0-9.*]*[a-zA-Z%]+|\\S*[/=_@\\\\]\\S*|\\S*\\d\\S*|\\$"
                    + "|\\S*[\\[\\]{}<>|]\\S*)");
    /** Below this many letters left, the text is read as it was given. */
    private static final int MIN_CLEAN_LETTERS = 10;

    /** {@code text} without the tokens of {@link #NO_LANGUAGE}, or as it is when too little would be left. */
    static String withoutCode(final String text) {
        final String cleaned = NO_LANGUAGE.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return cleaned.codePoints().filter(Character::isLetter).count() >= MIN_CLEAN_LETTERS ? cleaned : text;
    }

    /** The language of {@code given} (read without options, placeholders, paths and numbers). */
    public LanguageDetection detect(final String given) {
        final String text = withoutCode(given);
        final SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(text);
        if (values.isEmpty()) {
            return new LanguageDetection(LanguageDetection.UNDETERMINED, LanguageDetection.UNDETERMINED, "Unknown", 0.0,
                    false, "no language fits: the text has no letters of a known language", List.of());
        }
        List<Map.Entry<Language, Double>> ranked = new ArrayList<>(values.entrySet());
        final LanguageDetector refiner = refiners.get(ranked.get(0).getKey());
        if (refiner != null) {
            final SortedMap<Language, Double> refined = refiner.computeLanguageConfidenceValues(text);
            if (!refined.isEmpty()) {
                ranked = merge(new ArrayList<>(refined.entrySet()), ranked);
            }
        }
        final Language best = ranked.get(0).getKey();
        final double runnerUp = ranked.size() > 1 ? ranked.get(1).getValue() : 0.0;
        final double confidence = Math.max(0.0, Math.min(1.0, 1.0 - runnerUp));
        final List<LanguageScore> alternatives = ranked.stream().skip(1).limit(ALTERNATIVES)
                .map(entry -> score(entry.getKey(), entry.getValue())).toList();
        final long letters = text.codePoints().filter(Character::isLetter).count();
        final String reason = letters < MIN_RELIABLE_LETTERS
                ? "too short: " + letters + " letters, at least " + MIN_RELIABLE_LETTERS + " are needed to be reliable"
                : confidence < MIN_RELIABLE_CONFIDENCE
                ? "mixed or ambiguous: " + name(ranked.get(1).getKey()) + " scores almost as high" : mixed(text, letters);
        return new LanguageDetection(best.getIsoCode639_1().toString(), best.getIsoCode639_3().toString(), name(best),
                round(confidence), reason == null, reason, alternatives);
    }

    /**
     * Whether the two halves of a longer text (split between words) are in two different languages,
     * each of them clearly: a text in two languages is no text in either.
     */
    private String mixed(final String text, final long letters) {
        if (letters < 2L * MIN_RELIABLE_LETTERS) {
            return null;
        }
        final String[] words = text.strip().split("\\s+");
        if (words.length < 4) {
            return null;
        }
        final int half = words.length / 2;
        final Language first = detector.detectLanguageOf(String.join(" ", java.util.Arrays.copyOfRange(words, 0, half)));
        final Language second = detector.detectLanguageOf(String.join(" ", java.util.Arrays.copyOfRange(words, half, words.length)));
        if (first == Language.UNKNOWN || second == Language.UNKNOWN || first == second
                || sameGroup(first, second)) {
            return null;
        }
        return "mixed: the first half reads as " + name(first) + ", the second as " + name(second);
    }

    /** Halves of one text told apart only among confusable languages are one language, not a mix. */
    private static boolean sameGroup(final Language one, final Language other) {
        return CONFUSABLE.stream().anyMatch(group -> group.contains(one) && group.contains(other));
    }

    /** The refined ranking first, then the rest of the full ranking (without repeats). */
    private static List<Map.Entry<Language, Double>> merge(final List<Map.Entry<Language, Double>> refined,
                                                           final List<Map.Entry<Language, Double>> all) {
        final List<Map.Entry<Language, Double>> merged = new ArrayList<>(refined);
        final double floor = refined.get(refined.size() - 1).getValue();
        for (final Map.Entry<Language, Double> entry : all) {
            if (refined.stream().noneMatch(seen -> seen.getKey() == entry.getKey())) {
                merged.add(Map.entry(entry.getKey(), Math.min(floor, entry.getValue())));
            }
        }
        return merged;
    }

    private static LanguageScore score(final Language language, final double value) {
        return new LanguageScore(language.getIsoCode639_1().toString(), language.getIsoCode639_3().toString(),
                name(language), round(value));
    }

    static String name(final Language language) {
        final String upper = language.name();
        return upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT);
    }

    private static double round(final double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
