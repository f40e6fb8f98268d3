package dev.soba.streams.helm;

import static dev.soba.streams.helm.Chart.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart lints strictly, renders over a matrix of values, every object it renders is a valid
 * Kubernetes object, and what a Kafka Streams application with interactive queries needs holds in
 * every rendering: peers reach each other by stable names, state lives on the volume where the
 * application reads it, secrets stay in Secrets.
 */
class ChartTest {

    private static final ApplicationSettings APP = ApplicationSettings.read();
    private static final String SECRET_ENV = "(?i).*(PASSWORD|SECRET|BOOTSTRAP_KEY|REDIS_URL).*";
    private static final String DB_PASSWORD = "pg-pass-Zq81x";
    private static final String REDIS_URL = "redis://:redis-pass-Kt55m@redis.data:6379";
    private static final String FORWARD_SECRET = "fwd-secret-Wq0pL3c9";
    private static final String BOOTSTRAP_KEY = "soba_boot_key_Jh7eR2_at_least_32_characters";

    /** name, values; every case renders. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of("defaults", values()),
                Arguments.of("inline secrets", values(
                        "postgresql.existingSecret", "", "postgresql.password", DB_PASSWORD,
                        "redis.url", REDIS_URL,
                        "forwardSecret.existingSecret", "", "forwardSecret.value", FORWARD_SECRET,
                        "bootstrapKey.value", BOOTSTRAP_KEY, "bootstrapKey.rateLimit", "read=6000/m")),
                Arguments.of("existing secrets", values(
                        "postgresql.existingSecret", "db-credentials", "postgresql.existingSecretKey", "password",
                        "redis.existingSecret", "redis-credentials", "redis.existingSecretKey", "url",
                        "forwardSecret.existingSecret", "soba-forward",
                        "bootstrapKey.existingSecret", "soba-admin", "bootstrapKey.existingSecretKey", "key")),
                Arguments.of("autoscaled on lag", values(
                        "autoscaling.enabled", true, "autoscaling.minReplicas", 2, "autoscaling.maxReplicas", 20,
                        "kafka.partitions", 6, "replicas", 2)),
                Arguments.of("topics by init container", values(
                        "topics.initContainer.enabled", true, "kafka.topicPrefix", "eth_", "kafka.partitions", 12,
                        "replicas", 6)),
                Arguments.of("lean", values(
                        "networkPolicy.enabled", false, "podDisruptionBudget.enabled", false,
                        "serviceAccount.create", false, "podAntiAffinity", "none",
                        "streams.staticMembership.enabled", false, "streams.standbyReplicas", 0,
                        "preStopSleepSeconds", 0, "metrics.serviceMonitor.enabled", false, "replicas", 1)),
                Arguments.of("strict placement and tuning", values(
                        "podAntiAffinity", "hard", "streams.properties.num\\.stream\\.threads", 2,
                        "config.soba\\.rate-limit\\.read", "6000/m", "persistence.storageClassName", "fast-ssd",
                        "persistence.mountPath", "/data", "clusterDomain", "corp.internal",
                        "networkPolicy.metricsScrapers[0].namespaceSelector.matchLabels.name", "monitoring")),
                Arguments.of("ServiceMonitor forced", values("metrics.serviceMonitor.force", true,
                        "metrics.serviceMonitor.labels.release", "kube-prometheus-stack")),
                Arguments.of("TLS everywhere", values("tls.existingSecret", "soba-tls", "metrics.serviceMonitor.force", true,
                        "postgresql.tlsCaSecret", "pg-ca", "redis.tlsCaSecret", "redis-ca", "redis.url", "rediss://redis:6380")));
    }

    @Test
    void lintsStrictlyWithoutWarnings() {
        final LintResult lint = Chart.lintStrict();
        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).allMatch(message -> message.startsWith("[INFO]"), "only [INFO] messages");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyRenderedObjectIsAValidKubernetesObject(final String name, final Map<String, Object> values) {
        final Chart.Rendered rendered = Chart.render(values);
        assertThat(rendered.manifests()).isNotEmpty();
        for (final Chart.Manifest manifest : rendered.manifests()) {
            assertThat(KubernetesTypes.known()).as("kinds the tests validate").contains(manifest.id());
            KubernetesTypes.validate(manifest);
            assertThat(manifest.body().path("metadata").path("namespace").asText()).as(manifest.id()).isEqualTo(Chart.NAMESPACE);
        }
        assertThat(rendered.ofKind("StatefulSet")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void peersAdvertiseTheirStableNameUnderTheHeadlessService(final String name, final Map<String, Object> values) {
        final Chart.Rendered rendered = Chart.render(values);
        final JsonNode statefulSet = rendered.one("StatefulSet").body();
        final String headlessName = statefulSet.at("/spec/serviceName").asText();
        final JsonNode headless = rendered.named("Service", headlessName).orElseThrow(
                () -> new AssertionError("no Service named " + headlessName)).body();
        assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(headless.at("/spec/publishNotReadyAddresses").asBoolean()).isTrue();
        assertSelects(headless.at("/spec/selector"), statefulSet.at("/spec/template/metadata/labels"));
        assertThat(rendered.ofKind("Service").stream().filter(service -> !service.name().equals(headlessName)))
                .singleElement().satisfies(clients -> {
                    assertThat(clients.body().at("/spec/type").asText()).isEqualTo("ClusterIP");
                    assertSelects(clients.body().at("/spec/selector"), statefulSet.at("/spec/template/metadata/labels"));
                });

        final JsonNode container = appContainer(statefulSet);
        final List<String> order = envNames(container);
        final String advertisedVariable = APP.variableOf("soba.advertised-host").orElseThrow();
        final String clusterDomain = String.valueOf(values.getOrDefault("clusterDomain", "cluster.local"));
        // Kubernetes expands $(VAR) only from variables defined before it
        assertThat(env(container, advertisedVariable).path("value").asText())
                .isEqualTo("$(POD_NAME)." + headlessName + ".$(POD_NAMESPACE).svc." + clusterDomain);
        assertThat(order.indexOf("POD_NAME")).isNotNegative().isLessThan(order.indexOf(advertisedVariable));
        assertThat(order.indexOf("POD_NAMESPACE")).isNotNegative().isLessThan(order.indexOf(advertisedVariable));
        assertThat(env(container, "POD_NAME").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
        assertThat(env(container, "POD_NAMESPACE").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.namespace");
        // the advertised port is the port the application listens on, which the headless Service exposes
        final String port = env(container, APP.variableOf("quarkus.http.port").orElseThrow()).path("value").asText();
        assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(port);
        assertThat(headless.at("/spec/ports/0/port").asText()).isEqualTo(port);
        // what Kafka Streams advertises: the advertised host and port, the port being the HTTP port unless set
        assertThat(APP.value("quarkus.kafka-streams.application-server")).hasValue("${soba.advertised-host}:${soba.advertised-port}");
        assertThat(APP.value("soba.advertised-port")).hasValue("${SOBA_ADVERTISED_PORT:${quarkus.http.port}}");
        assertThat(env(container, "SOBA_ADVERTISED_PORT").isMissingNode()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void stateLivesOnTheVolumeWhereTheApplicationReadsIt(final String name, final Map<String, Object> values) {
        final JsonNode statefulSet = Chart.render(values).one("StatefulSet").body();
        final JsonNode container = appContainer(statefulSet);
        final String stateVariable = APP.variableOf("kafka-streams.state.dir").orElseThrow();
        final String stateDir = env(container, stateVariable).path("value").asText();
        final List<String> claims = new ArrayList<>();
        statefulSet.at("/spec/volumeClaimTemplates").forEach(claim -> claims.add(claim.at("/metadata/name").asText()));
        assertThat(claims).containsExactly("state");
        final JsonNode mount = mountNamed(container, "state");
        assertThat(stateDir).startsWith(mount.path("mountPath").asText() + "/");
        assertThat(mount.path("readOnly").asBoolean(false)).isFalse();
        assertThat(statefulSet.at("/spec/podManagementPolicy").asText()).isEqualTo("Parallel");
        assertThat(statefulSet.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void streamsSettingsReachTheApplication(final String name, final Map<String, Object> values) {
        final Chart.Rendered rendered = Chart.render(values);
        final JsonNode statefulSet = rendered.one("StatefulSet").body();
        final JsonNode container = appContainer(statefulSet);
        // Quarkus reads config/application.properties below the working directory, over the built-in file
        final JsonNode configMount = mountNamed(container, "config");
        assertThat(configMount.path("mountPath").asText()).isEqualTo(container.path("workingDir").asText() + "/config");
        final String configMapName = volumeNamed(statefulSet, "config").at("/configMap/name").asText();
        final Properties file = properties(rendered.named("ConfigMap", configMapName).orElseThrow().body()
                .at("/data/application.properties").asText());
        assertThat(file.getProperty("kafka-streams.num.standby.replicas"))
                .isEqualTo(String.valueOf(values.getOrDefault("streams.standbyReplicas", 1)));
        final boolean staticMembership = (boolean) values.getOrDefault("streams.staticMembership.enabled", true);
        if (staticMembership) {
            // the pod name: stable across restarts, unique in the group
            assertThat(file.getProperty("kafka-streams.group.instance.id")).isEqualTo("${POD_NAME}");
            assertThat(file.getProperty("kafka-streams.consumer.session.timeout.ms")).isEqualTo("60000");
        } else {
            assertThat(file).doesNotContainKey("kafka-streams.group.instance.id");
        }
        if (values.containsKey("streams.properties.num\\.stream\\.threads")) {
            assertThat(file.getProperty("kafka-streams.num.stream.threads")).isEqualTo("2");
            assertThat(file.getProperty("soba.rate-limit.read")).isEqualTo("6000/m");
        }
        // every SOBA_ variable the chart sets is one the application reads
        for (final String variable : envNames(container)) {
            if (variable.startsWith("SOBA_")) {
                assertThat(APP.reads(variable)).as("%s is read by the application (%s)", variable, ApplicationSettings.FILE).isTrue();
            }
        }
        assertThat(env(container, APP.variableOf("soba.kafka.bootstrap-servers").orElseThrow()).path("value").asText())
                .isEqualTo("kafka:9092");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void secretsNeverAppearInPlainValues(final String name, final Map<String, Object> values) {
        final Chart.Rendered rendered = Chart.render(values);
        final String outsideSecrets = rendered.withoutSecrets();
        for (final String secret : List.of(DB_PASSWORD, REDIS_URL, "redis-pass-Kt55m", FORWARD_SECRET, BOOTSTRAP_KEY)) {
            assertThat(outsideSecrets).doesNotContain(secret);
        }
        final Map<String, Map<String, String>> secretData = new HashMap<>();
        rendered.ofKind("Secret").forEach(secret -> {
            final Map<String, String> data = new HashMap<>();
            secret.body().path("data").fields().forEachRemaining(entry -> data.put(entry.getKey(),
                    new String(Base64.getDecoder().decode(entry.getValue().asText()), StandardCharsets.UTF_8)));
            secretData.put(secret.name(), data);
        });
        final JsonNode statefulSet = rendered.one("StatefulSet").body();
        for (final JsonNode container : containers(statefulSet)) {
            for (final JsonNode variable : container.path("env")) {
                final String variableName = variable.path("name").asText();
                if (!variableName.matches(SECRET_ENV) || variableName.endsWith("_RATE_LIMIT")) {
                    continue;
                }
                assertThat(variable.has("value")).as("%s given as plain value", variableName).isFalse();
                final JsonNode reference = variable.at("/valueFrom/secretKeyRef");
                assertThat(reference.isMissingNode()).as("%s from a Secret", variableName).isFalse();
                final String secretName = reference.path("name").asText();
                if (secretData.containsKey(secretName)) {
                    assertThat(secretData.get(secretName)).as("chart Secret %s", secretName).containsKey(reference.path("key").asText());
                } else {
                    // a Secret of the user's, named in the values (soba-secrets by default)
                    assertThat(existingSecrets(values)).as("%s from an existing Secret", variableName).contains(secretName);
                }
            }
        }
        if (values.containsKey("postgresql.password")) {
            final Map<String, String> data = secretData.values().iterator().next();
            assertThat(data).containsEntry("postgresql-password", DB_PASSWORD).containsEntry("redis-url", REDIS_URL)
                    .containsEntry("forward-secret", FORWARD_SECRET).containsEntry("bootstrap-key", BOOTSTRAP_KEY);
            assertThat(env(appContainer(statefulSet), "SOBA_BOOTSTRAP_KEY").isMissingNode()).isFalse();
        }
        if (values.containsKey("redis.existingSecret")) {
            assertThat(rendered.ofKind("Secret")).as("every secret comes from the user's Secrets").isEmpty();
            assertThat(env(appContainer(statefulSet), "SOBA_DB_PASSWORD").at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("db-credentials");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void runsRestricted(final String name, final Map<String, Object> values) {
        final Chart.Rendered rendered = Chart.render(values);
        final JsonNode pod = rendered.one("StatefulSet").body().at("/spec/template/spec");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        for (final JsonNode container : containers(rendered.one("StatefulSet").body())) {
            final JsonNode context = container.path("securityContext");
            assertThat(context.path("readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(context.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(context.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
            assertThat(mountNamed(container, "tmp").path("mountPath").asText()).isEqualTo("/tmp");
            assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
        }
        assertThat(volumeNamed(rendered.one("StatefulSet").body(), "tmp").has("emptyDir")).isTrue();
        rendered.ofKind("ServiceAccount").forEach(account ->
                assertThat(account.body().path("automountServiceAccountToken").asBoolean(true)).isFalse());
        final JsonNode container = appContainer(rendered.one("StatefulSet").body());
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    }

    @Test
    void withACertificateTheApiServesHttpsOnlyAndPeersForwardOverIt() {
        final Chart.Rendered rendered = Chart.render(values("tls.existingSecret", "soba-tls", "metrics.serviceMonitor.force", true,
                "postgresql.tlsCaSecret", "pg-ca", "redis.tlsCaSecret", "redis-ca"));
        final JsonNode statefulSet = rendered.one("StatefulSet").body();
        final JsonNode container = appContainer(statefulSet);
        for (final String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/scheme").asText()).as(probe).isEqualTo("HTTPS");
        }
        assertThat(volumeNamed(statefulSet, "tls").at("/secret/secretName").asText()).isEqualTo("soba-tls");
        assertThat(mountNamed(container, "tls").path("mountPath").asText()).isEqualTo("/etc/soba/tls");
        final Properties file = properties(rendered.one("ConfigMap").body().at("/data/application.properties").asText());
        // HTTPS on the very port the instance advertises (SOBA_HTTP_PORT), plain HTTP closed
        assertThat(file.getProperty("quarkus.http.ssl-port")).isEqualTo(env(container, "SOBA_HTTP_PORT").path("value").asText());
        assertThat(file.getProperty("quarkus.http.insecure-requests")).isEqualTo("disabled");
        assertThat(file.getProperty("soba.query.forward-scheme")).isEqualTo("https");
        assertThat(file.getProperty("quarkus.tls.key-store.pem.0.cert")).isEqualTo("/etc/soba/tls/tls.crt");
        assertThat(file.getProperty("quarkus.tls.key-store.pem.0.key")).isEqualTo("/etc/soba/tls/tls.key");
        assertThat(file.getProperty("quarkus.tls.trust-store.pem.certs")).isEqualTo("/etc/soba/tls/ca.crt");
        assertThat(file.getProperty("quarkus.datasource.reactive.postgresql.ssl-mode")).isEqualTo("verify-full");
        assertThat(file.getProperty("quarkus.datasource.reactive.trust-certificate-pem.certs"))
                .startsWith(mountNamed(container, "postgresql-ca").path("mountPath").asText() + "/");
        assertThat(file.getProperty("quarkus.tls.redis.trust-store.pem.certs"))
                .startsWith(mountNamed(container, "redis-ca").path("mountPath").asText() + "/");
        final JsonNode endpoint = rendered.one("ServiceMonitor").body().at("/spec/endpoints/0");
        assertThat(endpoint.path("scheme").asText()).isEqualTo("https");
        assertThat(endpoint.at("/tlsConfig/ca/secret/name").asText()).isEqualTo("soba-tls");
        // without a certificate: plain HTTP, nothing of the above
        final Chart.Rendered plain = Chart.render(values());
        assertThat(appContainer(plain.one("StatefulSet").body()).at("/readinessProbe/httpGet/scheme").asText()).isEqualTo("HTTP");
        assertThat(plain.one("ConfigMap").body().at("/data/application.properties").asText()).doesNotContain("quarkus.tls");
    }

    @Test
    void networkPolicyLetsInClientsAndPeersAndOutOnlyTheBackEnds() {
        final Chart.Rendered rendered = Chart.render(values());
        final JsonNode policy = rendered.one("NetworkPolicy").body();
        final JsonNode podLabels = rendered.one("StatefulSet").body().at("/spec/template/metadata/labels");
        assertSelects(policy.at("/spec/podSelector/matchLabels"), podLabels);
        assertThat(policy.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
        final JsonNode ingressFrom = policy.at("/spec/ingress/0/from");
        assertSelects(ingressFrom.at("/0/podSelector/matchLabels"), podLabels);
        assertThat(ingressFrom.at("/1/podSelector").toString()).as("clients: the namespace's pods").isEqualTo("{}");
        final List<String> egressPorts = new ArrayList<>();
        policy.at("/spec/egress").forEach(rule -> rule.path("ports").forEach(port ->
                egressPorts.add(port.path("port").asText() + "/" + port.path("protocol").asText())));
        assertThat(egressPorts).containsExactlyInAnyOrder("http/TCP", "9092/TCP", "5432/TCP", "6379/TCP", "53/UDP", "53/TCP");
        assertSelects(policy.at("/spec/egress/0/to/0/podSelector/matchLabels"), podLabels);
    }

    @Test
    void disruptionBudgetCoversTheInstances() {
        final Chart.Rendered rendered = Chart.render(values());
        assertThat(rendered.one("PodDisruptionBudget").body().at("/spec/selector"))
                .isEqualTo(rendered.one("StatefulSet").body().at("/spec/selector"));
        assertThat(rendered.one("PodDisruptionBudget").body().at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    }

    @Test
    void serviceMonitorOnlyWhereTheClusterHasTheApi() {
        // helm template without --api-versions: no monitoring.coreos.com/v1 in the capabilities
        assertThat(Chart.render(values("metrics.serviceMonitor.enabled", true)).ofKind("ServiceMonitor")).isEmpty();
        final Chart.Rendered forced = Chart.render(values("metrics.serviceMonitor.force", true));
        final JsonNode monitor = forced.one("ServiceMonitor").body();
        final String headless = forced.one("StatefulSet").body().at("/spec/serviceName").asText();
        // it selects the headless Service only, so each instance is scraped once, restoring ones too
        final List<String> selected = forced.ofKind("Service").stream()
                .filter(service -> selects(monitor.at("/spec/selector/matchLabels"), service.body().at("/metadata/labels")))
                .map(Chart.Manifest::name).toList();
        assertThat(selected).containsExactly(headless);
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
        assertThat(Chart.render(values("metrics.serviceMonitor.force", true, "metrics.serviceMonitor.enabled", false))
                .ofKind("ServiceMonitor")).isEmpty();
    }

    @Test
    void autoscalingIsCappedAtTheInputPartitions() {
        final Chart.Rendered rendered = Chart.render(values("autoscaling.enabled", true, "autoscaling.maxReplicas", 50,
                "kafka.partitions", 8, "autoscaling.lagThreshold", 5000));
        final JsonNode scaledObject = rendered.one("ScaledObject").body();
        assertThat(scaledObject.at("/spec/maxReplicaCount").asInt()).isEqualTo(8);
        assertThat(scaledObject.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("StatefulSet");
        assertThat(scaledObject.at("/spec/scaleTargetRef/name").asText()).isEqualTo(rendered.one("StatefulSet").name());
        final JsonNode trigger = scaledObject.at("/spec/triggers/0");
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        assertThat(trigger.at("/metadata/consumerGroup").asText()).isEqualTo("soba-dex-streams");
        assertThat(trigger.at("/metadata/lagThreshold").asText()).isEqualTo("5000");
        assertThat(trigger.at("/metadata/allowIdleConsumers").asText()).isEqualTo("false");
        // the StatefulSet leaves the count to the autoscaler, or every upgrade would reset it
        assertThat(rendered.one("StatefulSet").body().at("/spec/replicas").isMissingNode()).isTrue();

        assertThat(Chart.render(values("autoscaling.enabled", true, "autoscaling.maxReplicas", 2, "kafka.partitions", 8))
                .one("ScaledObject").body().at("/spec/maxReplicaCount").asInt()).isEqualTo(2);
        assertThat(Chart.render(values()).ofKind("ScaledObject")).isEmpty();
        assertThat(Chart.refusal(values("autoscaling.enabled", true, "autoscaling.minReplicas", 4, "kafka.partitions", 3)))
                .hasValueSatisfying(message -> assertThat(message).contains("autoscaling.minReplicas (4)"));
    }

    @Test
    void refusesMoreInstancesThanInputPartitions() {
        assertThat(Chart.refusal(values("replicas", 4, "kafka.partitions", 3)))
                .hasValueSatisfying(message -> assertThat(message).contains("replicas (4) exceeds kafka.partitions (3)"));
        assertThat(Chart.render(values("replicas", 3, "kafka.partitions", 3)).one("StatefulSet").body()
                .at("/spec/replicas").asInt()).isEqualTo(3);
    }

    @Test
    void refusesToStartWithoutTheSecretsItNeeds() {
        assertThat(Chart.refusal(values("postgresql.existingSecret", "")))
                .hasValueSatisfying(message -> assertThat(message).contains("postgresql: set password or existingSecret"));
        assertThat(Chart.refusal(values("forwardSecret.existingSecret", "")))
                .hasValueSatisfying(message -> assertThat(message).contains("forwardSecret: set value or existingSecret"));
    }

    @Test
    void topicsInitContainerCreatesTheTopicsWithTheApplicationsSettings() {
        final JsonNode statefulSet = Chart.render(values("topics.initContainer.enabled", true, "kafka.topicPrefix", "eth_",
                "topics.initContainer.extraEnv[0].name", "KAFKA_ADMIN_PASSWORD",
                "topics.initContainer.extraEnv[0].valueFrom.secretKeyRef.name", "kafka-admin",
                "topics.initContainer.extraEnv[0].valueFrom.secretKeyRef.key", "password")).one("StatefulSet").body();
        final JsonNode init = statefulSet.at("/spec/template/spec/initContainers/0");
        assertThat(init.path("args").toString()).isEqualTo("[\"topics\",\"create\"]");
        final JsonNode app = appContainer(statefulSet);
        for (final String variable : List.of("SOBA_KAFKA_BOOTSTRAP_SERVERS", "SOBA_TOPIC_PREFIX", "SOBA_TOPIC_PARTITIONS",
                "SOBA_TOPIC_REPLICATION_FACTOR")) {
            assertThat(env(init, variable)).as(variable).isEqualTo(env(app, variable));
        }
        assertThat(env(init, "SOBA_TOPIC_PREFIX").path("value").asText()).isEqualTo("eth_");
        assertThat(Chart.render(values()).one("StatefulSet").body().at("/spec/template/spec/initContainers").isMissingNode()).isTrue();
    }

    @Test
    void longReleaseNamesStayWithinKubernetesLimits() {
        final String release = "a-release-name-as-long-as-helm-allows-for-the-chart-x"; // 53 characters
        final Chart.Rendered rendered = Chart.render(release, values());
        for (final Chart.Manifest manifest : rendered.manifests()) {
            assertThat(manifest.name().length()).as(manifest.id() + " " + manifest.name()).isLessThanOrEqualTo(63);
            KubernetesTypes.validate(manifest);
        }
        // pod names are <statefulset>-<ordinal>: the StatefulSet name leaves room for the ordinal and the hash label
        assertThat(rendered.one("StatefulSet").name().length()).isLessThanOrEqualTo(52);
    }

    // --- helpers ---

    private static List<String> existingSecrets(final Map<String, Object> values) {
        final List<String> names = new ArrayList<>(List.of("soba-secrets"));
        values.forEach((path, value) -> {
            if (path.endsWith(".existingSecret")) {
                names.add(String.valueOf(value));
            }
        });
        return names;
    }

    private static JsonNode appContainer(final JsonNode statefulSet) {
        return statefulSet.at("/spec/template/spec/containers/0");
    }

    private static List<JsonNode> containers(final JsonNode statefulSet) {
        final List<JsonNode> all = new ArrayList<>();
        statefulSet.at("/spec/template/spec/initContainers").forEach(all::add);
        statefulSet.at("/spec/template/spec/containers").forEach(all::add);
        return all;
    }

    private static List<String> envNames(final JsonNode container) {
        final List<String> names = new ArrayList<>();
        container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
        return names;
    }

    private static JsonNode env(final JsonNode container, final String name) {
        for (final JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode mountNamed(final JsonNode container, final String name) {
        for (final JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("name").asText().equals(name)) {
                return mount;
            }
        }
        throw new AssertionError("no volume mount " + name + " in " + container.path("name").asText());
    }

    private static JsonNode volumeNamed(final JsonNode statefulSet, final String name) {
        for (final JsonNode volume : statefulSet.at("/spec/template/spec/volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static Properties properties(final String text) {
        final Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static boolean selects(final JsonNode selector, final JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        final boolean[] all = {true};
        selector.fields().forEachRemaining(entry -> all[0] &= entry.getValue().asText().equals(labels.path(entry.getKey()).asText()));
        return all[0];
    }

    private static void assertSelects(final JsonNode selector, final JsonNode labels) {
        assertThat(selects(selector, labels)).as("%s selects %s", selector, labels).isTrue();
    }
}
