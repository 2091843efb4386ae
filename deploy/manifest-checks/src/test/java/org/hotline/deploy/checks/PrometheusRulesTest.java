package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrometheusRulesTest {

    /** An aggregation, with its "by (...)" grouping if it has one. */
    private static final Pattern AGGREGATION = Pattern.compile(
            "\\b(sum|max|min|avg|count)\\s*(by\\s*\\(([^)]*)\\))?\\s*\\(");

    @Test
    void thePrometheusConfigurationPassesPromtool() {
        Tool.Run run = Tool.PROMTOOL.run(Monitoring.FOLDER, "check", "config", "prometheus.yml");

        assertThat(run.exitCode()).as("promtool check config prometheus.yml:%n%s", run.output()).isZero();
    }

    @Test
    void theAlertRulesPassPromtool() {
        Tool.Run run = Tool.PROMTOOL.run(Monitoring.FOLDER, "check", "rules", "alerts.yml");

        assertThat(run.exitCode()).as("promtool check rules alerts.yml:%n%s", run.output()).isZero();
    }

    @Test
    void everyAlertPassesItsPromtoolRuleTests() {
        Tool.Run run = Tool.PROMTOOL.run(Monitoring.FOLDER, "test", "rules", "alerts-test.yml");

        assertThat(run.exitCode()).as("promtool test rules alerts-test.yml:%n%s", run.output()).isZero();
        assertThat(run.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertHasATestWhereItFiresAndOneWhereItDoesNot() {
        Set<String> fired = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (JsonNode test : Monitoring.yaml("alerts-test.yml").path("tests")) {
            for (JsonNode expectation : test.path("alert_rule_test")) {
                String alert = expectation.path("alertname").asText();
                (expectation.path("exp_alerts").isEmpty() ? quiet : fired).add(alert);
            }
        }

        for (JsonNode rule : Monitoring.alertRules()) {
            String alert = rule.path("alert").asText();
            assertThat(fired).as("alerts tested firing").contains(alert);
            assertThat(quiet).as("alerts tested not firing").contains(alert);
        }
    }

    @Test
    void everyAlertLinksToItsSectionOfTheOperationsGuide() {
        String guide = Repository.read(Repository.path("docs/operations.md"));

        for (JsonNode rule : Monitoring.alertRules()) {
            String alert = rule.path("alert").asText();
            assertThat(rule.path("annotations").path("runbook").asText()).as("runbook of %s", alert)
                    .isEqualTo("docs/operations.md#" + alert.toLowerCase());
            assertThat(guide).as("docs/operations.md section for %s", alert).contains("\n### " + alert + "\n");
        }
    }

    @Test
    void everyTargetIsLabelledWithItsEnvironmentHereAndInTheKubernetesExample() {
        for (JsonNode job : Monitoring.yaml("prometheus.yml").path("scrape_configs")) {
            for (JsonNode targets : job.path("static_configs")) {
                assertThat(targets.path("labels").path("environment").asText())
                        .as("environment label of the targets of job %s", job.path("job_name").asText()).isNotBlank();
            }
        }
        assertThat(Repository.read(Repository.path("docs/operations.md")))
                .as("the kubernetes_sd_configs example of docs/operations.md").contains("target_label: environment");
    }

    @Test
    void everyAggregationOfTheAlertRulesKeepsTheEnvironmentsApart() {
        for (JsonNode rule : Monitoring.alertRules()) {
            Matcher aggregation = AGGREGATION.matcher(rule.path("expr").asText());
            while (aggregation.find()) {
                assertThat(aggregation.group(3)).as("grouping of '%s' in alert %s", aggregation.group(),
                        rule.path("alert").asText()).isNotNull().contains("environment");
            }
        }
    }

    @Test
    void everyMetricTheAlertRulesUseIsInTheMetricCatalogue() {
        Set<String> known = Monitoring.catalogueSeries();

        for (JsonNode rule : Monitoring.alertRules()) {
            assertThat(known).as("metrics of alert %s, against deploy/monitoring/metrics.yml",
                    rule.path("alert").asText()).containsAll(Monitoring.metricsIn(rule.path("expr").asText()));
        }
    }
}
