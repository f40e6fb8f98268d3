package dev.soba.streams.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.processors.nlp.DetectionAccuracy;
import dev.soba.streams.processors.nlp.DetectionEvaluation;
import dev.soba.streams.processors.nlp.LabelledText;
import dev.soba.streams.processors.nlp.LanguageIdentifier;
import dev.soba.streams.processors.nlp.SystemMessages;
import dev.soba.streams.schemas.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./soba nlp detect [FILE]}: the language of each line (standard input without FILE), one
 * JSON object per line in the same order. {@code ./soba nlp evaluate}: detection accuracy per
 * language on the translated messages Debian installs ({@link SystemMessages}).
 */
public final class NlpCommand {

    public static final String USAGE = """
            usage: soba nlp detect [FILE] [--accuracy low|low-refined|high]
                   soba nlp evaluate [--locale-dir DIR] [--packages P,...] [--min-chars N] [--per-language N] [--accuracy A]
            detect    reads one text per line (standard input without FILE) and prints one JSON object per line, in the
                      same order: line, language (ISO 639-1), iso6393, name, confidence, reliable (false for text too
                      short or mixed, with the reason), alternatives. A line that is not UTF-8 prints {"line", "error"}.
            evaluate  detection accuracy, per language and overall, on real translated text no one here wrote: the
                      gettext catalogues of PACKAGES (default coreutils,apt,libapt-pkg6.0,dpkg,git) in DIR (default
                      /usr/share/locale), messages of at least N characters (default 40), at most --per-language (default
                      300) per language; beside the baseline that answers the most frequent language. --accuracy: Lingua's
                      mode (default low; low-refined needs about 800 MB of heap, high about 1.5 GB: -Xmx2g).""";

    private NlpCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) throws IOException {
        if (argv.length == 0) {
            throw new Args.UsageException("nlp needs a command: detect or evaluate");
        }
        final String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        return switch (argv[0]) {
            case "detect" -> detect(Args.parse(rest, Set.of("accuracy"), Set.of()), System.in, out);
            case "evaluate" -> evaluate(Args.parse(rest, Set.of("locale-dir", "packages", "min-chars", "per-language",
                    "accuracy"), Set.of()), out);
            default -> throw new Args.UsageException("unknown nlp command '" + argv[0] + "' (detect or evaluate)");
        };
    }

    static int detect(final Args args, final InputStream stdin, final PrintStream out) throws IOException {
        if (args.positional().size() > 1) {
            throw new Args.UsageException("nlp detect takes at most one FILE");
        }
        final byte[] input;
        if (args.positional().isEmpty()) {
            input = stdin.readAllBytes();
        } else {
            final Path file = Path.of(args.positional().get(0));
            if (!Files.isReadable(file)) {
                throw new IOException("cannot read " + file);
            }
            input = Files.readAllBytes(file);
        }
        final LanguageIdentifier identifier = LanguageIdentifier.build(accuracy(args));
        int failed = 0;
        int line = 0;
        int start = 0;
        while (start < input.length) {
            int end = start;
            while (end < input.length && input[end] != '\n') {
                end++;
            }
            line++;
            final ObjectNode answer = Json.mapper().createObjectNode().put("line", line);
            try {
                final String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(input, start, end - start)).toString().replace("\r", "");
                answer.setAll((ObjectNode) Json.mapper().valueToTree(identifier.detect(text)));
            } catch (final CharacterCodingException e) {
                answer.put("error", "line " + line + " is not valid UTF-8");
                failed++;
            }
            out.println(new String(Json.write(answer), StandardCharsets.UTF_8));
            start = end + 1;
        }
        return failed == 0 ? 0 : 1;
    }

    private static int evaluate(final Args args, final PrintStream out) {
        final Path localeDir = Path.of(args.option("locale-dir").orElse("/usr/share/locale"));
        final List<String> packages = args.option("packages").map(value -> List.of(value.split(",")))
                .orElse(SystemMessages.PACKAGES);
        final int minChars = (int) args.longOption("min-chars", 40);
        final int perLanguage = (int) args.longOption("per-language", 300);
        final List<LabelledText> texts = SystemMessages.load(localeDir, packages, minChars, perLanguage);
        if (texts.isEmpty()) {
            throw new Args.UsageException("no message of " + minChars + "+ characters in " + packages + " under " + localeDir);
        }
        final DetectionAccuracy accuracy = accuracy(args);
        final long buildStart = System.nanoTime();
        final LanguageIdentifier identifier = LanguageIdentifier.build(accuracy);
        final double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        final Runtime runtime = Runtime.getRuntime();
        System.gc();
        final long heap = runtime.totalMemory() - runtime.freeMemory();
        final long start = System.nanoTime();
        final DetectionEvaluation evaluation = DetectionEvaluation.of(identifier, texts);
        final double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("Lingua %s accuracy on %,d messages (%d+ characters, at most %d per language) of %s in %s%n",
                accuracy.label(), evaluation.texts(), minChars, perLanguage, String.join(",", packages), localeDir);
        out.printf("%-9s %7s %9s  %s%n", "language", "texts", "accuracy", "mistaken for");
        for (final Map.Entry<String, DetectionEvaluation.PerLanguage> entry : evaluation.perLanguage().entrySet()) {
            final DetectionEvaluation.PerLanguage one = entry.getValue();
            out.printf("%-9s %,7d %9.4f  %s%n", entry.getKey(), one.texts(), one.accuracy(), one.mistakenFor());
        }
        out.printf("overall: accuracy %.4f (micro), %.4f (macro over %d languages); baseline (always '%s') %.4f%n",
                evaluation.accuracy(), evaluation.macroAccuracy(), evaluation.perLanguage().size(),
                evaluation.baselineLanguage(), evaluation.baselineAccuracy());
        out.printf("most frequent confusions: %s%n", evaluation.confusions());
        out.printf("models loaded in %.1f s; heap in use after loading %,d MB; %,.0f detections/s on one thread%n",
                buildSeconds, heap / (1024 * 1024), evaluation.texts() / seconds);
        return 0;
    }

    private static DetectionAccuracy accuracy(final Args args) {
        try {
            return DetectionAccuracy.parse(args.option("accuracy").orElse("low"));
        } catch (final IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }
}
