package dev.soba.streams.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chart in {@code helm/soba-dex-streams}, rendered by the Helm library that helm-java bundles. */
final class Chart {

    static final Path DIRECTORY = Path.of("soba-dex-streams");
    static final String RELEASE = "soba";
    static final String NAMESPACE = "dex";
    /** helm-java's own default is Kubernetes 1.20; the chart needs 1.30 (preStop sleep). */
    static final String KUBE_VERSION = "1.33.0";

    private static final YAMLMapper YAML = new YAMLMapper();

    private Chart() {
    }

    static LintResult lintStrict() {
        return new Helm(DIRECTORY).lint().strict().call();
    }

    /** Renders with the given values (dotted paths, as {@code --set}); throws with Helm's message when it refuses. */
    static Rendered render(final Map<String, Object> values) {
        return render(RELEASE, values);
    }

    static Rendered render(final String release, final Map<String, Object> values) {
        TemplateCommand template = new Helm(DIRECTORY).template()
                .withName(release)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (final Map.Entry<String, Object> value : values.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return Rendered.parse(template.call());
    }

    /** Helm's message when rendering fails, empty when it renders. */
    static Optional<String> refusal(final Map<String, Object> values) {
        try {
            render(values);
            return Optional.empty();
        } catch (final IllegalStateException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** One rendered object. */
    record Manifest(String apiVersion, String kind, String name, JsonNode body) {

        String id() {
            return apiVersion + "/" + kind;
        }
    }

    /** Every object of one rendering, in order. */
    record Rendered(String text, List<Manifest> manifests) {

        static Rendered parse(final String text) {
            final List<Manifest> manifests = new ArrayList<>();
            try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
                while (documents.hasNext()) {
                    final JsonNode document = documents.next();
                    if (document == null || document.isNull() || document.isMissingNode() || document.isEmpty()) {
                        continue;
                    }
                    manifests.add(new Manifest(document.path("apiVersion").asText(), document.path("kind").asText(),
                            document.path("metadata").path("name").asText(), document));
                }
            } catch (final IOException e) {
                throw new UncheckedIOException("the chart rendered invalid YAML:\n" + text, e);
            }
            return new Rendered(text, List.copyOf(manifests));
        }

        List<Manifest> ofKind(final String kind) {
            return manifests.stream().filter(manifest -> manifest.kind().equals(kind)).toList();
        }

        Manifest one(final String kind) {
            final List<Manifest> found = ofKind(kind);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind + ", found " + found.size());
            }
            return found.get(0);
        }

        Optional<Manifest> named(final String kind, final String name) {
            return ofKind(kind).stream().filter(manifest -> manifest.name().equals(name)).findFirst();
        }

        /** The documents of every kind but Secret, as text: where no secret value may appear. */
        String withoutSecrets() {
            final StringBuilder text = new StringBuilder();
            manifests.stream().filter(manifest -> !manifest.kind().equals("Secret"))
                    .forEach(manifest -> text.append(manifest.body().toString()).append('\n'));
            return text.toString();
        }
    }

    /** Values in the order given (readable test tables). */
    static Map<String, Object> values(final Object... pathsAndValues) {
        final Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            values.put((String) pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return values;
    }
}
