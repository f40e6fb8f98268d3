package dev.soba.streams.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strict validation of rendered objects. Kubernetes' own kinds: the generated API types of
 * client-java ({@code validateJsonElement} rejects unknown fields and missing required ones at
 * every depth), then a round trip through those types that must give back the same JSON, which
 * catches wrong types the validator lets through (a number written as a string). The two custom
 * resources (KEDA's ScaledObject, prometheus-operator's ServiceMonitor) are checked against
 * closed JSON schemas of the fields this chart uses, written from their CRD references.
 */
final class KubernetesTypes {

    @FunctionalInterface
    private interface Validator {
        void validate(JsonElement element) throws IOException;
    }

    private record BuiltIn(Class<?> type, Validator validator) {
    }

    private static final Map<String, BuiltIn> BUILT_IN = Map.of(
            "v1/ConfigMap", new BuiltIn(V1ConfigMap.class, V1ConfigMap::validateJsonElement),
            "v1/Secret", new BuiltIn(V1Secret.class, V1Secret::validateJsonElement),
            "v1/Service", new BuiltIn(V1Service.class, V1Service::validateJsonElement),
            "v1/ServiceAccount", new BuiltIn(V1ServiceAccount.class, V1ServiceAccount::validateJsonElement),
            "apps/v1/StatefulSet", new BuiltIn(V1StatefulSet.class, V1StatefulSet::validateJsonElement),
            "policy/v1/PodDisruptionBudget", new BuiltIn(V1PodDisruptionBudget.class, V1PodDisruptionBudget::validateJsonElement),
            "networking.k8s.io/v1/NetworkPolicy", new BuiltIn(V1NetworkPolicy.class, V1NetworkPolicy::validateJsonElement));

    private static final Map<String, String> CUSTOM = Map.of(
            "keda.sh/v1alpha1/ScaledObject", "/crd-schemas/scaledobject.json",
            "monitoring.coreos.com/v1/ServiceMonitor", "/crd-schemas/servicemonitor.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private KubernetesTypes() {
    }

    static Set<String> known() {
        return java.util.stream.Stream.concat(BUILT_IN.keySet().stream(), CUSTOM.keySet().stream()).collect(Collectors.toSet());
    }

    /** Throws {@link AssertionError} naming the object and what is wrong with it. */
    static void validate(final Chart.Manifest manifest) {
        final String where = manifest.id() + " " + manifest.name();
        final BuiltIn builtIn = BUILT_IN.get(manifest.id());
        if (builtIn != null) {
            final JsonElement rendered = JsonParser.parseString(manifest.body().toString());
            try {
                builtIn.validator().validate(rendered);
            } catch (final IOException | IllegalArgumentException | IllegalStateException | ClassCastException invalid) {
                throw new AssertionError(where + " is not a valid " + builtIn.type().getSimpleName() + ": " + invalid.getMessage(), invalid);
            }
            final JsonElement roundTrip;
            try {
                roundTrip = JSON.getGson().toJsonTree(JSON.getGson().fromJson(rendered, builtIn.type()));
            } catch (final RuntimeException wrongType) {
                throw new AssertionError(where + " does not read as " + builtIn.type().getSimpleName() + ": " + wrongType.getMessage(), wrongType);
            }
            // the generated types start every list and map empty: compare without empty ones
            if (!withoutEmpties(roundTrip).equals(withoutEmpties(rendered))) {
                throw new AssertionError(where + " changes when read as " + builtIn.type().getSimpleName()
                        + " (a value of the wrong type?)\nrendered:   " + rendered + "\nread back:  " + roundTrip);
            }
            return;
        }
        final String schema = CUSTOM.get(manifest.id());
        if (schema == null) {
            throw new AssertionError(where + ": a kind the tests cannot validate; add it to KubernetesTypes");
        }
        final Set<ValidationMessage> problems = schema(schema).validate(manifest.body());
        if (!problems.isEmpty()) {
            throw new AssertionError(where + " does not match " + schema + ": " + problems);
        }
    }

    private static JsonElement withoutEmpties(final JsonElement element) {
        if (element.isJsonObject()) {
            final com.google.gson.JsonObject pruned = new com.google.gson.JsonObject();
            element.getAsJsonObject().entrySet().forEach(entry -> {
                final JsonElement value = withoutEmpties(entry.getValue());
                if (!isEmpty(value)) {
                    pruned.add(entry.getKey(), value);
                }
            });
            return pruned;
        }
        if (element.isJsonArray()) {
            final com.google.gson.JsonArray pruned = new com.google.gson.JsonArray();
            element.getAsJsonArray().forEach(item -> pruned.add(withoutEmpties(item)));
            return pruned;
        }
        return element;
    }

    private static boolean isEmpty(final JsonElement element) {
        return element.isJsonNull()
                || element.isJsonObject() && element.getAsJsonObject().isEmpty()
                || element.isJsonArray() && element.getAsJsonArray().isEmpty();
    }

    private static JsonSchema schema(final String resource) {
        try (InputStream in = KubernetesTypes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            final JsonNode node = MAPPER.readTree(in);
            return SCHEMAS.getSchema(node);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
