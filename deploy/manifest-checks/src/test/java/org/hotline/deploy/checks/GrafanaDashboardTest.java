package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GrafanaDashboardTest {

    private static final String DASHBOARD = "grafana/dashboards/hotline-overview.json";

    @Test
    void everyPanelQueriesMetricsOfTheCatalogueOnly() {
        Set<String> known = Monitoring.catalogueSeries();

        for (JsonNode panel : Monitoring.json(DASHBOARD).path("panels")) {
            String title = panel.path("title").asText();
            assertThat(panel.path("targets")).as("queries of panel '%s'", title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Set<String> metrics = Monitoring.metricsIn(target.path("expr").asText());
                assertThat(metrics).as("metrics of panel '%s'", title).isNotEmpty();
                assertThat(known).as("metrics of panel '%s', against deploy/monitoring/metrics.yml", title)
                        .containsAll(metrics);
            }
        }
    }

    @Test
    void theDashboardShowsComplaintsInRoutingFallbacksEmailsLagAndEndToEndLatency() {
        Set<String> shown = new TreeSet<>();
        for (JsonNode panel : Monitoring.json(DASHBOARD).path("panels")) {
            panel.path("targets").forEach(target -> shown.addAll(Monitoring.metricsIn(target.path("expr").asText())));
        }

        assertThat(shown).contains("hotline_intake_publish_seconds_count", "hotline_routing_decisions_total",
                "hotline_routing_fallbacks_total", "notification_messages_sent_total",
                "notification_messages_failed_total", "kafka_consumer_fetch_manager_records_lag_max",
                "notification_end_to_end_seconds_bucket");
    }

    @Test
    void everyPanelUsesTheProvisionedPrometheusDataSource() {
        JsonNode datasources = Monitoring.yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources");
        String uid = datasources.get(0).path("uid").asText();

        for (JsonNode panel : Monitoring.json(DASHBOARD).path("panels")) {
            assertThat(panel.path("datasource").path("uid").asText()).as("panel '%s'", panel.path("title").asText())
                    .isEqualTo(uid);
        }
    }

    @Test
    void everyMetricOfTheCatalogueIsStillRegisteredByItsService() throws Exception {
        for (Monitoring.Metric metric : Monitoring.catalogue()) {
            if (metric.meter() == null) {
                continue;
            }
            String suffix = switch (metric.type()) {
                case "counter" -> "_total";
                case "timer" -> "_seconds";
                default -> "";
            };
            assertThat(metric.name()).as("Prometheus name of meter %s", metric.meter())
                    .isEqualTo(metric.meter().replace('.', '_') + suffix);

            Path sources = Repository.path(metric.service() + "/src/main/java");
            List<Path> registering;
            try (Stream<Path> files = Files.walk(sources)) {
                registering = files.filter(file -> file.toString().endsWith(".java"))
                        .filter(file -> Repository.read(file).contains("\"" + metric.meter() + "\"")).toList();
            }
            assertThat(registering).as("sources of %s registering meter \"%s\" (%s)", metric.service(),
                    metric.meter(), metric.name()).isNotEmpty();
        }
    }
}
