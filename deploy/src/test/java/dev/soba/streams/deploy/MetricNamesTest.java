package dev.soba.streams.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricNamesTest {

    @Test
    void findsTheMetricsOfAnExpression() {
        assertThat(MetricNames.in("sum by (job) (rate(kafka_stream_soba_pipeline_records_rejected_total[5m])) > 1 and "
                + "sum by (job) (rate(kafka_stream_soba_pipeline_records_rejected_total[5m])) > 0.05 * sum by (job) "
                + "(rate(kafka_consumer_fetch_manager_records_consumed_total{client_id=~\".*-StreamThread-[0-9]+-consumer\",topic!~\".*-repartition\"}[5m]))"))
                .containsExactly("kafka_consumer_fetch_manager_records_consumed_total", "kafka_stream_soba_pipeline_records_rejected_total");
        assertThat(MetricNames.in("histogram_quantile(0.99, sum by (uri, le) (rate(http_server_requests_seconds_bucket{job=~\"$job\",uri=~\"/api.*\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(MetricNames.in("max by (job, instance) (kafka_stream_client_state) != 2")).containsExactly("kafka_stream_client_state");
        assertThat(MetricNames.in("deriv(sum by (job) (x_total{a=\"b\"})[15m:1m]) > 0 unless on (job) y offset 5m"))
                .containsExactly("x_total", "y");
        assertThat(MetricNames.in("sum(rate(a_total[1m])) * 60 + 1e3")).containsExactly("a_total");
    }
}
