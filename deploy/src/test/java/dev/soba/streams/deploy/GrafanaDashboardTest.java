package dev.soba.streams.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard is importable as it is (Dashboards → Import asks for the Prometheus data
 * source named by its one input) and has the panels operators look at.
 */
class GrafanaDashboardTest {

    private static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(Repository.DASHBOARD.toFile());
    }

    @Test
    void isImportableWithAPrometheusDataSourceChosenAtImport() throws IOException {
        final JsonNode dashboard = dashboard();
        assertThat(dashboard.path("__inputs")).hasSize(1);
        assertThat(dashboard.at("/__inputs/0/name").asText()).isEqualTo("DS_PROMETHEUS");
        assertThat(dashboard.at("/__inputs/0/pluginId").asText()).isEqualTo("prometheus");
        assertThat(dashboard.path("uid").asText()).isEqualTo("soba-dex-streams");
        assertThat(dashboard.has("id")).as("no database id: import gives one").isFalse();
        final Set<Integer> ids = new HashSet<>();
        for (final JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique panel id " + panel.path("id")).isTrue();
            final JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(panel.path("title").asText()).isLessThanOrEqualTo(24);
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.path("targets")).isNotEmpty();
            panel.path("targets").forEach(target -> {
                assertThat(target.at("/datasource/uid").asText()).isEqualTo("${DS_PROMETHEUS}");
                assertThat(target.path("expr").asText()).isNotBlank();
            });
        }
    }

    @Test
    void hasThePanelsOperatorsLookAt() throws IOException {
        final List<String> titles = new ArrayList<>();
        dashboard().path("panels").forEach(panel -> titles.add(panel.path("title").asText().toLowerCase()));
        for (final String subject : List.of("throughput", "lag", "rejected", "alerts", "latency per route", "state")) {
            assertThat(titles).as("a panel about " + subject).anyMatch(title -> title.contains(subject));
        }
    }
}
