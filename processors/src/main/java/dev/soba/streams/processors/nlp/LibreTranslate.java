package dev.soba.streams.processors.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A client of a LibreTranslate-compatible server that the user runs ({@code GET /languages},
 * {@code POST /translate} with {@code q, source, target, format, api_key}). Its pairs are what
 * {@code /languages} says at connection, in ISO 639-3 like every pair here; the server speaks ISO
 * 639-1, so codes are mapped both ways.
 */
public final class LibreTranslate implements TranslationBackend {

    private final URI base;
    private final String apiKey;
    private final HttpClient http;
    private final Duration timeout;
    private final List<LanguagePair> pairs;

    private LibreTranslate(final URI base, final String apiKey, final HttpClient http, final Duration timeout,
                           final List<LanguagePair> pairs) {
        this.base = base;
        this.apiKey = apiKey;
        this.http = http;
        this.timeout = timeout;
        this.pairs = List.copyOf(pairs);
    }

    /** Connects to the server at {@code url} and reads its languages; fails when it does not answer in {@code timeout}. */
    public static LibreTranslate connect(final String url, final String apiKey, final Duration timeout) throws IOException {
        final URI base = URI.create(url.endsWith("/") ? url : url + "/");
        final HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            final HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("languages"))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                throw new IOException("LibreTranslate at " + base + " answered " + answer.statusCode() + " to /languages");
            }
            return new LibreTranslate(base, apiKey, http, timeout, parsePairs(answer.body()));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to LibreTranslate", e);
        }
    }

    /** {@code [{"code": "en", "name": "English", "targets": ["es", …]}, …]} as pairs. */
    static List<LanguagePair> parsePairs(final String languages) {
        final List<LanguagePair> pairs = new ArrayList<>();
        for (final JsonNode language : Json.tree(languages.getBytes(StandardCharsets.UTF_8))) {
            final String source = LanguageCodes.iso6393(language.path("code").asText());
            for (final JsonNode target : language.path("targets")) {
                final String to = LanguageCodes.iso6393(target.asText());
                if (!to.equals(source)) {
                    pairs.add(new LanguagePair(source, to));
                }
            }
        }
        pairs.sort(Comparator.comparing(LanguagePair::label));
        return pairs;
    }

    @Override
    public String name() {
        return "libretranslate";
    }

    @Override
    public List<LanguagePair> pairs() {
        return pairs;
    }

    @Override
    public String translate(final LanguagePair pair, final String text) throws TranslationException {
        final ObjectNode body = Json.mapper().createObjectNode()
                .put("q", text)
                .put("source", LanguageCodes.iso6391(pair.source()))
                .put("target", LanguageCodes.iso6391(pair.target()))
                .put("format", "text");
        if (!apiKey.isBlank()) {
            body.put("api_key", apiKey);
        }
        final HttpRequest request = HttpRequest.newBuilder(base.resolve("translate"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)))
                .build();
        try {
            final HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            final JsonNode json = Json.tree(answer.body().getBytes(StandardCharsets.UTF_8));
            final JsonNode translated = json.path("translatedText");
            if (answer.statusCode() != 200 || !translated.isTextual()) {
                throw new TranslationException(TranslationException.Kind.FAILED, "LibreTranslate answered "
                        + answer.statusCode() + ": " + json.path("error").asText(json.toString()), null);
            }
            return translated.asText();
        } catch (final HttpTimeoutException e) {
            throw new TranslationException(TranslationException.Kind.TIMEOUT,
                    "LibreTranslate did not translate within " + timeout, e);
        } catch (final IOException | RuntimeException e) {
            throw new TranslationException(TranslationException.Kind.FAILED, "LibreTranslate failed: " + e.getMessage(), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationException(TranslationException.Kind.FAILED, "interrupted", e);
        }
    }

    @Override
    public void close() {
        // the JDK client holds no process; its connections end with it
    }
}
