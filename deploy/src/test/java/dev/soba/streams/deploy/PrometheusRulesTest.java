package dev.soba.streams.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus' own tool checks the configuration and the rules and runs the rules' unit tests
 * (alerts-test.yml: each alert fires on its failure and stays quiet beside it); the dashboard's
 * queries are checked by the same parser. Skipped, saying so, where promtool is not installed.
 */
class PrometheusRulesTest {

    private static Tool promtool() {
        final var promtool = Tool.find("promtool");
        assumeTrue(promtool.isPresent(), "promtool is not installed (apt-get install prometheus): "
                + "the Prometheus configuration, rules and rule tests are not checked");
        return promtool.get();
    }

    @Test
    void configurationAndRulesAreValid() {
        final Tool promtool = promtool();
        final Tool.Run config = promtool.run(Repository.PROMETHEUS, "check", "config", "prometheus.yml");
        assertThat(config.exitCode()).as(config.output()).isZero();
        final Tool.Run rules = promtool.run(Repository.PROMETHEUS, "check", "rules", "alerts.yml");
        assertThat(rules.exitCode()).as(rules.output()).isZero();
        assertThat(rules.output()).contains("SUCCESS: 8 rules found");
    }

    @Test
    void rulesPassTheirUnitTests() {
        final Tool.Run run = promtool().run(Repository.PROMETHEUS, "test", "rules", "alerts-test.yml");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("SUCCESS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasAUnitTestAndARunbook() {
        final List<String> alerts = alertNames();
        final String tests = Repository.text(Repository.PROMETHEUS.resolve("alerts-test.yml"));
        final String readme = Repository.text(Repository.README);
        for (final String alert : alerts) {
            assertThat(tests).as("a unit test of " + alert).contains("alertname: " + alert);
            final List<Map<String, Object>> rules = (List<Map<String, Object>>) ((List<Map<String, Object>>)
                    Repository.yaml(Repository.PROMETHEUS.resolve("alerts.yml")).get("groups")).get(0).get("rules");
            final Map<String, Object> rule = rules.stream().filter(r -> alert.equals(r.get("alert"))).findFirst().orElseThrow();
            final String runbook = String.valueOf(((Map<String, Object>) rule.get("annotations")).get("runbook"));
            assertThat(runbook).startsWith("README.md#");
            // GitHub's anchor of a heading "#### SobaPipelineNotRunning" is #sobapipelinenotrunning
            final String anchor = runbook.substring("README.md#".length());
            assertThat(readme.lines().filter(line -> line.startsWith("#"))
                    .map(line -> line.replaceAll("^#+\\s*", "").toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-')))
                    .as("README heading for " + runbook).contains(anchor);
        }
    }

    @Test
    void dashboardQueriesParse(@TempDir final Path directory) throws IOException {
        final Tool promtool = promtool();
        final JsonNode dashboard = new ObjectMapper().readTree(Repository.DASHBOARD.toFile());
        final List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
        assertThat(expressions).hasSizeGreaterThan(10);
        // each query as a recording rule, with Grafana's variables as a real selector and range
        final StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < expressions.size(); i++) {
            final String expression = expressions.get(i).replace("$__rate_interval", "5m").replace("$job", ".*");
            assertThat(expression).doesNotContain("$");
            rules.append("      - record: dashboard:query_").append(i).append('\n')
                    .append("        expr: '").append(expression.replace("'", "''")).append("'\n");
        }
        final Path file = directory.resolve("dashboard-rules.yml");
        Files.writeString(file, rules);
        final Tool.Run run = promtool.run(directory, "check", "rules", file.getFileName().toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @SuppressWarnings("unchecked")
    static List<String> alertNames() {
        final Map<String, Object> alerts = Repository.yaml(Repository.PROMETHEUS.resolve("alerts.yml"));
        final List<String> names = new ArrayList<>();
        ((List<Map<String, Object>>) alerts.get("groups")).forEach(group ->
                ((List<Map<String, Object>>) group.get("rules")).forEach(rule -> names.add(String.valueOf(rule.get("alert")))));
        return names;
    }
}
