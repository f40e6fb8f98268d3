package dev.soba.streams.helm;

import static dev.soba.streams.helm.Chart.values;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The validation the chart tests rely on is strict: each kind of mistake in a rendered object is caught. */
class KubernetesTypesTest {

    private static final Chart.Rendered RENDERED = Chart.render(values("autoscaling.enabled", true,
            "metrics.serviceMonitor.force", true));

    @Test
    void acceptsTheRenderedObjects() {
        RENDERED.manifests().forEach(manifest -> assertThatCode(() -> KubernetesTypes.validate(manifest)).doesNotThrowAnyException());
    }

    @Test
    void rejectsAnUnknownFieldDeepInside() {
        assertRejected("StatefulSet", body -> ((ObjectNode) body.at("/spec/template/spec/containers/0")).put("imagePullPolice", "Always"),
                "imagePullPolice");
    }

    @Test
    void rejectsAMissingRequiredField() {
        assertRejected("StatefulSet", body -> ((ObjectNode) body.at("/spec")).remove("selector"), "selector");
        assertRejected("StatefulSet", body -> ((ObjectNode) body.at("/spec/template/spec/containers/0/ports/0")).remove("containerPort"), "containerPort");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        assertRejected("StatefulSet", body -> ((ObjectNode) body.at("/spec/template/spec")).put("terminationGracePeriodSeconds", "120"),
                "changes when read");
        assertRejected("StatefulSet", body -> ((ObjectNode) body.at("/spec/template/spec")).putObject("containers"), "containers");
        assertRejected("PodDisruptionBudget", body -> ((ObjectNode) body.at("/spec")).put("maxUnavailable", true), "IntOrString");
    }

    @Test
    void rejectsMistakesInTheCustomResources() {
        assertRejected("ScaledObject", body -> ((ObjectNode) body.at("/spec")).put("maxReplicas", 3), "maxReplicas");
        assertRejected("ScaledObject", body -> ((ObjectNode) body.at("/spec/triggers/0/metadata")).put("lagThreshold", 5), "lagThreshold");
        assertRejected("ServiceMonitor", body -> ((ObjectNode) body.at("/spec/endpoints/0")).put("interval", "half a minute"), "interval");
        assertRejected("ServiceMonitor", body -> ((ObjectNode) body.at("/spec")).remove("selector"), "selector");
    }

    private static void assertRejected(final String kind, final Consumer<JsonNode> mistake, final String named) {
        final Chart.Manifest original = RENDERED.one(kind);
        final JsonNode broken = original.body().deepCopy();
        mistake.accept(broken);
        final Chart.Manifest manifest = new Chart.Manifest(original.apiVersion(), original.kind(), original.name(), broken);
        assertThatThrownBy(() -> KubernetesTypes.validate(manifest)).isInstanceOf(AssertionError.class).hasMessageContaining(named);
    }
}
