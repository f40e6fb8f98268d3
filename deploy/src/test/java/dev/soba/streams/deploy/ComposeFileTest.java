package dev.soba.streams.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml: valid for Compose itself (Debian's docker-compose, where installed), and
 * shaped as the application needs: two instances with their own host names, each advertising the
 * name the other reaches it by, one forward secret, their own state volumes, Prometheus scraping both.
 */
class ComposeFileTest {

    private static final Map<String, Object> COMPOSE = Repository.yaml(Repository.COMPOSE);
    private static final List<String> INSTANCES = List.of("soba-a", "soba-b");

    @Test
    void composeAcceptsTheFile() {
        final Optional<Tool> compose = Tool.find("docker-compose");
        assumeTrue(compose.isPresent(), "docker-compose is not installed (apt-get install docker-compose): "
                + "only the structure of docker-compose.yml is checked here");
        for (final String[] arguments : List.of(new String[] {"-f", "docker-compose.yml", "config", "-q"},
                new String[] {"-f", "docker-compose.yml", "--profile", "simulator", "config", "-q"})) {
            final Tool.Run run = compose.get().run(Repository.ROOT, arguments);
            assertThat(run.exitCode()).as("docker-compose %s: %s", String.join(" ", arguments), run.output()).isZero();
        }
    }

    @Test
    void hasTheBackEndsAndKafkaRunsInKraftMode() {
        assertThat(services().keySet()).contains("kafka", "postgresql", "redis", "soba-a", "soba-b", "prometheus", "simulator");
        final Map<String, Object> kafka = environment("kafka");
        assertThat(String.valueOf(kafka.get("KAFKA_PROCESS_ROLES"))).contains("broker").contains("controller");
        assertThat(String.valueOf(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))).isEqualTo("1@kafka:9093");
        assertThat(String.valueOf(service("kafka").get("image"))).startsWith("apache/kafka:");
        for (final String backEnd : List.of("kafka", "postgresql", "redis")) {
            assertThat(service(backEnd)).as(backEnd + " has a health check the instances wait on").containsKey("healthcheck");
        }
    }

    @Test
    void eachInstanceAdvertisesItsOwnHostNameAndSharesTheForwardSecret() {
        final Set<String> hosts = new HashSet<>();
        final Set<Object> secrets = new HashSet<>();
        final Set<Object> volumes = new HashSet<>();
        final Set<String> read = Repository.variablesTheApplicationReads();
        for (final String instance : INSTANCES) {
            final Map<String, Object> service = service(instance);
            final Map<String, Object> environment = environment(instance);
            assertThat(environment.get("SOBA_ADVERTISED_HOST")).as(instance).isEqualTo(service.get("hostname"));
            hosts.add(String.valueOf(service.get("hostname")));
            secrets.add(environment.get("SOBA_FORWARD_SECRET"));
            assertThat(environment.get("SOBA_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            // the state directory is on the instance's own volume
            final String stateDir = String.valueOf(environment.get("SOBA_STATE_DIR"));
            @SuppressWarnings("unchecked")
            final List<String> mounts = (List<String>) service.get("volumes");
            assertThat(mounts).singleElement().satisfies(mount -> {
                final String[] parts = mount.split(":");
                assertThat(stateDir).startsWith(parts[1] + "/");
                volumes.add(parts[0]);
            });
            assertThat(service.get("read_only")).isEqualTo(true);
            assertThat(String.valueOf(service.get("user"))).doesNotStartWith("0");
            for (final String variable : environment.keySet()) {
                if (variable.startsWith("SOBA_") || variable.startsWith("KAFKA_STREAMS_")) {
                    assertThat(read).as("%s is read by the application", variable).contains(variable);
                }
            }
        }
        assertThat(hosts).hasSize(INSTANCES.size());
        assertThat(volumes).hasSize(INSTANCES.size());
        assertThat(secrets).hasSize(1).doesNotContainNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesBothInstancesAndTheSimulatorIsOptional() {
        assertThat((List<String>) service("prometheus").get("volumes")).anySatisfy(mount ->
                assertThat(mount).startsWith("./deploy/prometheus:/etc/prometheus"));
        final Map<String, Object> prometheus = Repository.yaml(Repository.PROMETHEUS.resolve("prometheus.yml"));
        final Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/q/metrics");
        final List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets");
        assertThat(targets).containsExactlyInAnyOrder(INSTANCES.stream()
                .map(instance -> service(instance).get("hostname") + ":" + environment(instance).get("SOBA_HTTP_PORT")).toArray(String[]::new));
        assertThat((List<String>) service("simulator").get("profiles")).containsExactly("simulator");
        assertThat(String.join(" ", (List<String>) service("simulator").get("command"))).startsWith("simulate --bootstrap-servers kafka:9092");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        return (Map<String, Object>) COMPOSE.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(final String name) {
        return (Map<String, Object>) services().get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(final String name) {
        return (Map<String, Object>) service(name).get("environment");
    }
}
