package dev.soba.streams.helm;

import static dev.soba.streams.helm.Chart.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Helm checks the values against values.schema.json before rendering: mistakes stop the install with a message. */
class ValuesSchemaTest {

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a number as words", values("replicas", "three"), "replicas"),
                Arguments.of("a misspelt key", values("replica", 2), "replica"),
                Arguments.of("a misspelt nested key", values("streams.standbyReplica", 1), "standbyReplica"),
                Arguments.of("no partitions", values("kafka.partitions", 0), "partitions"),
                Arguments.of("an unknown anti-affinity", values("podAntiAffinity", "sometimes"), "podAntiAffinity"),
                Arguments.of("a secret in the plain configuration", values("config.soba\\.query\\.forward-secret", "x"), "soba.query.forward-secret"),
                Arguments.of("a password among the Streams settings", values("streams.properties.ssl\\.keystore\\.password", "x"), "ssl.keystore.password"),
                Arguments.of("a password as a plain variable", values("extraEnv[0].name", "SOBA_DB_PASSWORD", "extraEnv[0].value", "x"), "extraEnv"),
                Arguments.of("a session timeout the broker refuses", values("streams.staticMembership.sessionTimeoutMs", 1000), "sessionTimeoutMs"),
                Arguments.of("a relative mount path", values("persistence.mountPath", "data"), "mountPath"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void refusesValuesThatBreakTheSchema(final String name, final Map<String, Object> values, final String field) {
        assertThat(Chart.refusal(values)).hasValueSatisfying(message -> assertThat(message)
                .contains("values don't meet the specifications of the schema").contains(field));
    }
}
