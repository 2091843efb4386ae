package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrafanaDashboardTest {

    private static final String DASHBOARD = "grafana/dashboards/hotline-overview.json";
    private static final String ENVIRONMENT = "environment=\"$environment\"";
    private static final String INSTANCE = "instance=~\"$instance\"";
    private static final String ZERO_FALLBACK = "or on() vector(0)";

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
                "hotline_routing_fallbacks_total", "hotline_notification_messages_sent_total",
                "hotline_notification_messages_failed_total", "kafka_consumer_fetch_manager_records_lag_max",
                "hotline_notification_end_to_end_seconds_bucket");
    }

    @Test
    void theDashboardShowsABacklogAStuckConsumerASilentSmtpServerDeadLettersAndOverdueBodies() {
        Set<String> shown = new TreeSet<>();
        for (JsonNode panel : Monitoring.json(DASHBOARD).path("panels")) {
            panel.path("targets").forEach(target -> shown.addAll(Monitoring.metricsIn(target.path("expr").asText())));
        }

        assertThat(shown).contains("hotline_notification_outbox_pending",
                "kafka_consumer_fetch_manager_records_lag_max", "hotline_notification_retries_total",
                "hotline_routing_dead_letters_total", "hotline_notification_dead_letters_total",
                "hotline_cases_assignments_overdue", "hotline_cases_escalations_due_total",
                "hotline_cases_escalations_exhausted_total");
    }

    @Test
    void theDashboardChoosesOneEnvironmentAndAnyOfItsInstancesAmongTheScrapedTargets() {
        JsonNode variables = Monitoring.json(DASHBOARD).path("templating").path("list");

        assertThat(variables).extracting(variable -> variable.path("name").asText())
                .containsExactly("environment", "instance");
        JsonNode environment = variables.get(0);
        JsonNode instance = variables.get(1);
        assertThat(environment.path("query").asText()).startsWith("label_values(up{").endsWith(", environment)");
        assertThat(environment.path("multi").asBoolean()).isFalse();
        assertThat(instance.path("query").asText()).contains(ENVIRONMENT).endsWith(", instance)");
        assertThat(instance.path("multi").asBoolean()).isTrue();
        assertThat(instance.path("includeAll").asBoolean()).isTrue();
        assertThat(instance.path("allValue").asText()).isEqualTo(".*");
    }

    @Test
    void everySelectorOfEveryPanelIsNarrowedToTheChosenEnvironmentAndInstances() {
        for (JsonNode panel : Monitoring.json(DASHBOARD).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                for (String metric : Monitoring.metricsIn(expr)) {
                    Matcher selector = Pattern.compile("\\b" + Pattern.quote(metric) + "\\b(\\{[^}]*})?")
                            .matcher(expr);
                    while (selector.find()) {
                        assertThat(selector.group(1)).as("matchers of %s in panel '%s': %s", metric,
                                panel.path("title").asText(), expr).isNotNull().contains(ENVIRONMENT, INSTANCE);
                    }
                }
            }
        }
    }

    @Test
    void aQueryOfAMeterRegisteredOnlyAtItsFirstUseFallsBackToZeroInsteadOfNoData() {
        Set<String> firstUse = new TreeSet<>();
        Monitoring.catalogue().stream().filter(Monitoring.Metric::firstUse)
                .forEach(metric -> firstUse.addAll(metric.series()));

        for (JsonNode panel : Monitoring.json(DASHBOARD).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                if (Monitoring.metricsIn(expr).stream().anyMatch(firstUse::contains)) {
                    assertThat(expr).as("query of panel '%s'", panel.path("title").asText()).endsWith(ZERO_FALLBACK);
                }
            }
        }
    }

    @Test
    void everyPanelQueryIsPromQlThatPromtoolAccepts(@TempDir Path folder) throws IOException {
        // given every query as a recording rule, the variables replaced by values Grafana could give them
        List<String> rules = new ArrayList<>(List.of("groups:", "  - name: dashboard", "    rules:"));
        for (JsonNode panel : Monitoring.json(DASHBOARD).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText().replace("$environment", "production")
                        .replace("$instance", "(notification-1:8085|notification-2:8085)");
                rules.add("      - record: dashboard_panel_" + panel.path("id").asInt() + "_"
                        + target.path("refId").asText());
                rules.add("        expr: '" + expr.replace("'", "''") + "'");
            }
        }
        Files.write(folder.resolve("dashboard-rules.yml"), rules);

        // when
        Tool.Run run = Tool.PROMTOOL.run(folder, "check", "rules", "dashboard-rules.yml");

        // then
        assertThat(run.exitCode()).as("promtool check rules on the dashboard's queries:%n%s", run.output()).isZero();
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
