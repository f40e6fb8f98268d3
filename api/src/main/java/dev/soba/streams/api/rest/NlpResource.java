package dev.soba.streams.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soba.streams.api.cache.ResultCache;
import dev.soba.streams.api.http.ApiException;
import dev.soba.streams.api.http.EndpointGroup;
import dev.soba.streams.api.http.Problem;
import dev.soba.streams.api.keys.Group;
import dev.soba.streams.api.nlp.NlpService;
import dev.soba.streams.processors.nlp.LanguageCodes;
import dev.soba.streams.processors.nlp.LanguageDetection;
import dev.soba.streams.processors.nlp.LanguageIdentifier;
import dev.soba.streams.processors.nlp.LanguagePair;
import dev.soba.streams.processors.nlp.LanguageScore;
import dev.soba.streams.processors.nlp.Translation;
import dev.soba.streams.processors.nlp.TranslationRefused;
import dev.soba.streams.processors.nlp.Translator;
import dev.soba.streams.schemas.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Language detection and translation (the replaced system's NLP service, whose paths are aliases:
 * {@code /api/python/nlp/...}). Bodies are read as bytes so that a body over the limit is a 413 and
 * invalid UTF-8 a 400 naming the field it is in, before any JSON parsing. Translations are cached
 * in Redis by text, pair and back-end ({@code X-Cache}).
 */
@Path("/api/v1/nlp")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@EndpointGroup(Group.READ)
public class NlpResource {

    static final String CACHE_NAMESPACE = "nlp-translate";
    private static final Pattern LAST_FIELD = Pattern.compile("\"([A-Za-z_]+)\"\\s*:\\s*(?:\\[\\s*)?(?:\"[^\"]*\"\\s*,\\s*)*\"[^\"]*$");

    private final NlpService nlp;
    private final ResultCache cache;

    public NlpResource(final NlpService nlp, final ResultCache cache) {
        this.nlp = nlp;
        this.cache = cache;
    }

    @POST
    @Path("/detect-language")
    @APIResponse(responseCode = "200", description = "The language (ISO 639-1 and 639-3), confidence, alternatives, reliable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LanguageDetection.class)))
    public LanguageDetection detectLanguage(@RequestBody(required = true, description = "the text whose language is wanted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DetectLanguageRequest.class)))
                                            final byte[] body) {
        final JsonNode request = parse(body);
        final String text = text(request.get("text"), "text");
        return nlp.identifier().detect(text);
    }

    @POST
    @Path("/translate")
    @APIResponse(responseCode = "200", description = "The translation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Translation.class)),
            headers = @Header(name = ResultCache.HEADER, description = "hit when the same text was translated along the same"
                    + " pair before and the answer comes from the cache, miss otherwise",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "413", description = "the text or the body is over the documented limit")
    @APIResponse(responseCode = "422", description = "no installed pair translates source to target (detail lists the pairs)")
    @APIResponse(responseCode = "503", description = "no translation back-end is installed (detail says what to install),"
            + " or it did not answer in time")
    public Response translate(@RequestBody(required = true, description = "the text and the pair (source detected when"
            + " absent)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    implementation = TranslateRequest.class)))
                              final byte[] body) {
        final JsonNode request = parse(body);
        final String text = text(request.get("text"), "text");
        final Translator translator = nlp.translator();
        final ResultCache.Answer answer = translateCached(translator, text, optional(request, "source"),
                optional(request, "target"));
        return Response.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE)
                .header(ResultCache.HEADER, answer.outcome().header())
                .build();
    }

    @POST
    @Path("/translate-batch")
    @APIResponse(responseCode = "200", description = "One result per text, in order: a translation, or the problem of that"
            + " text alone (one failing text does not fail the others)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class)))
    public BatchResult translateBatch(@RequestBody(required = true, description = "the texts, and the pair for all of them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TranslateBatchRequest.class)))
                                      final byte[] body) {
        final JsonNode request = parse(body);
        final JsonNode texts = request.get("texts");
        if (texts == null || !texts.isArray() || texts.isEmpty()) {
            throw ApiException.badRequest("texts", "texts is a non-empty array of strings");
        }
        final int max = nlp.config().batchMaxItems();
        if (texts.size() > max) {
            throw ApiException.badRequest("texts", "at most " + max + " texts per batch; this one has " + texts.size());
        }
        final String source = optional(request, "source");
        final String target = optional(request, "target");
        final Translator translator = nlp.translator();
        final List<CompletableFuture<BatchItem>> pending = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            final int index = i;
            final JsonNode item = texts.get(i);
            pending.add(CompletableFuture.supplyAsync(() -> batchItem(translator, index, item, source, target),
                    nlp.batchWorkers()));
        }
        final List<BatchItem> items = pending.stream().map(CompletableFuture::join).toList();
        final int failed = (int) items.stream().filter(item -> item.problem() != null).count();
        return new BatchResult(items.size() - failed, failed, items);
    }

    @GET
    @Path("/supported-languages")
    @APIResponse(responseCode = "200", description = "What the installed back-end translates (discovered at start) and"
            + " the languages detection knows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SupportedLanguages.class)))
    public SupportedLanguages supportedLanguages() {
        final Translator translator = nlp.translator();
        final List<PairView> pairs = translator.pairs().stream().map(PairView::of).toList();
        return new SupportedLanguages(
                new TranslationSupport(translator.backendName(), translator.unavailableReason().isEmpty(),
                        translator.unavailableReason().orElse(null), pairs, nlp.config().maxTextBytes(),
                        nlp.config().batchMaxItems()),
                new DetectionSupport("lingua", nlp.identifier().accuracy().label(), LanguageIdentifier.languages()));
    }

    private BatchItem batchItem(final Translator translator, final int index, final JsonNode item, final String source,
                                final String target) {
        try {
            final String text = text(item, "texts[" + index + "]");
            final ResultCache.Answer answer = translateCached(translator, text, source, target);
            return new BatchItem(index, 200, Json.tree(answer.json()), null);
        } catch (final ApiException e) {
            return new BatchItem(index, e.problem().status(), null, e.problem());
        }
    }

    private ResultCache.Answer translateCached(final Translator translator, final String text, final String source,
                                               final String target) {
        try {
            final Translator.Resolved resolved = translator.resolve(text, source, target);
            final ObjectNode key = Json.mapper().createObjectNode()
                    .put("backend", translator.backendName())
                    .put("source", resolved.pair().source())
                    .put("target", resolved.pair().target())
                    .put("auto", resolved.detected() != null)
                    .put("text", text);
            return cache.answer(CACHE_NAMESPACE, key, () -> translator.translate(text, resolved));
        } catch (final TranslationRefused refused) {
            throw problem(refused);
        }
    }

    static ApiException problem(final TranslationRefused refused) {
        final Problem problem = switch (refused.reason()) {
            case INVALID -> Problem.of(400, "Bad Request", refused.getMessage());
            case TOO_LARGE -> Problem.of(413, "Content Too Large", refused.getMessage());
            case UNSUPPORTED_PAIR -> Problem.of(422, "Unprocessable Content", refused.getMessage());
            case UNAVAILABLE -> Problem.of(503, "Service Unavailable", "translation is unavailable: " + refused.getMessage());
            case TIMEOUT, FAILED -> Problem.of(503, "Service Unavailable", refused.getMessage());
        };
        final Problem withField = refused.field() == null ? problem : problem.withField(refused.field());
        return problem.status() == 503
                ? new ApiException(withField, java.util.Map.of("Retry-After", "30")) : new ApiException(withField);
    }

    /** The body as JSON: at most the limit, valid UTF-8, an object. */
    private JsonNode parse(final byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("", "a JSON body is required");
        }
        final int limit = nlp.config().maxBodyBytes();
        if (body.length > limit) {
            throw new ApiException(Problem.of(413, "Content Too Large", "the request body is " + body.length
                    + " bytes; the limit is " + limit + " (and " + nlp.config().maxTextBytes() + " bytes per text)")
                    .withField("text"));
        }
        final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer bytes = ByteBuffer.wrap(body);
        final CharBuffer chars = CharBuffer.allocate(body.length);
        if (utf8.decode(bytes, chars, true).isError()) {
            final int offset = bytes.position();
            chars.flip();
            final Matcher field = LAST_FIELD.matcher(chars);
            throw ApiException.badRequest(field.find() ? field.group(1) : "", "the request body is not valid UTF-8 (byte "
                    + offset + ")");
        }
        final JsonNode request;
        try {
            request = Json.mapper().readTree(body);
        } catch (final JsonProcessingException e) {
            throw ApiException.badRequest("", "the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (final java.io.IOException e) {
            throw ApiException.badRequest("", "the request body cannot be read: " + e.getMessage());
        }
        if (request == null || !request.isObject()) {
            throw ApiException.badRequest("", "the request body is a JSON object");
        }
        return request;
    }

    private String text(final JsonNode value, final String field) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest(field, field + " is required: a non-blank string");
        }
        final String text = value.asText();
        final int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > nlp.config().maxTextBytes()) {
            throw new ApiException(Problem.of(413, "Content Too Large", field + " is " + bytes
                    + " bytes of UTF-8; the limit is " + nlp.config().maxTextBytes()).withField(field));
        }
        return text;
    }

    private static String optional(final JsonNode request, final String field) {
        final JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field, field + " is a language code (string)");
        }
        return value.asText();
    }

    /** The request forms, as documented (the bodies are read as bytes, then as trees). */
    @Schema(name = "DetectLanguageRequest")
    public record DetectLanguageRequest(@Schema(required = true, description = "non-blank UTF-8 text") String text) {
    }

    @Schema(name = "TranslateRequest")
    public record TranslateRequest(@Schema(required = true, description = "non-blank UTF-8 text") String text,
                                   @Schema(description = "the text's language (ISO 639-1 or 639-3, or auto);"
                                           + " detected when absent")
                                   String source,
                                   @Schema(required = true, description = "the language wanted (ISO 639-1 or 639-3)")
                                   String target) {
    }

    @Schema(name = "TranslateBatchRequest")
    public record TranslateBatchRequest(@Schema(required = true, minItems = 1, description = "non-blank UTF-8 texts")
                                        List<String> texts,
                                        @Schema(description = "the texts' language (or auto); detected per text when absent")
                                        String source,
                                        @Schema(required = true, description = "the language wanted") String target) {
    }

    /** A pair in ISO 639-3 (as the back-end names it) and ISO 639-1 where the language has such a code. */
    public record PairView(String source, String target, String sourceIso6391, String targetIso6391) {
        static PairView of(final LanguagePair pair) {
            return new PairView(pair.source(), pair.target(), twoLetter(pair.source()), twoLetter(pair.target()));
        }

        private static String twoLetter(final String code) {
            final String base = code.contains("_") ? code.substring(0, code.indexOf('_')) : code;
            final String iso6391 = LanguageCodes.iso6391(base);
            return iso6391.length() == 2 ? iso6391 : null;
        }
    }

    public record TranslationSupport(String backend, boolean available, String reason, List<PairView> pairs,
                                     int maxTextBytes, int batchMaxItems) {
    }

    public record DetectionSupport(String engine, String accuracy, List<LanguageScore> languages) {
    }

    public record SupportedLanguages(TranslationSupport translation, DetectionSupport detection) {
    }

    /** One text of a batch: its translation, or the problem of that text alone. */
    public record BatchItem(int index, int status, JsonNode translation, Problem problem) {
    }

    public record BatchResult(int succeeded, int failed, List<BatchItem> results) {
    }
}
