package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.deploy.checks.ServiceMonitor.Endpoint;
import org.hotline.deploy.checks.ServiceMonitor.Relabeling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/k8s/prometheus-operator, for clusters run with the Prometheus operator: its ServiceMonitor finds every
 * service of every overlay and labels the series as the alert rules and the dashboard expect, and its PrometheusRule
 * is alerts.yml, rule for rule.
 */
class PrometheusOperatorTest {

    private static final String FOLDER = "deploy/k8s/prometheus-operator";

    private final List<Object> rendered = render();

    @Test
    void theServiceMonitorScrapesEveryServiceOfEveryOverlayOnItsManagementPortWithTheScraperAccount() {
        // given
        ServiceMonitor monitor = only(ServiceMonitor.class);
        Endpoint endpoint = monitor.spec().endpoints().get(0);
        Map<String, String> selector = monitor.spec().selector().getMatchLabels();

        // then
        assertThat(monitor.spec().endpoints()).hasSize(1);
        assertThat(endpoint.path()).isEqualTo("/actuator/prometheus");
        assertThat(endpoint.basicAuth().username().getName()).isEqualTo(only(Secret.class).getMetadata().getName());
        assertThat(endpoint.basicAuth().password().getName()).isEqualTo(only(Secret.class).getMetadata().getName());
        assertThat(only(Secret.class).getData()).containsKeys(endpoint.basicAuth().username().getKey(),
                endpoint.basicAuth().password().getKey());
        KubernetesManifestsTest.overlays().forEach(name -> {
            Overlay overlay = Overlay.rendered(name);
            assertThat(monitor.spec().namespaceSelector().matchNames()).as("namespaces watched")
                    .contains(overlay.all(Namespace.class).get(0).getMetadata().getName());
            List<Service> services = overlay.all(Service.class);
            assertThat(services).as("services of overlay %s", name).hasSize(4);
            for (Service service : services) {
                String what = "Service " + service.getMetadata().getName() + " of overlay " + name;
                assertThat(service.getMetadata().getLabels()).as(what).containsAllEntriesOf(selector)
                        .containsKey(monitor.spec().jobLabel());
                assertThat(service.getMetadata().getLabels().get(monitor.spec().jobLabel())).as(what)
                        .isEqualTo(service.getMetadata().getName());
                assertThat(service.getSpec().getPorts()).as(what).extracting(ServicePort::getName)
                        .contains(endpoint.port());
            }
        });
    }

    @Test
    void theServiceMonitorLabelsEveryTargetWithTheEnvironmentOfItsNamespaceAndItsPod() {
        // given
        List<Relabeling> relabelings = only(ServiceMonitor.class).spec().endpoints().get(0).relabelings();

        // when
        Map<String, String> production = relabel(relabelings, Map.of("__meta_kubernetes_namespace", "hotline",
                "__meta_kubernetes_pod_name", "intake-service-7d9f-abcde"));
        Map<String, String> staging = relabel(relabelings, Map.of("__meta_kubernetes_namespace", "hotline-staging",
                "__meta_kubernetes_pod_name", "intake-service-5c8b-fghij"));

        // then
        assertThat(production).containsEntry("environment", "production")
                .containsEntry("instance", "intake-service-7d9f-abcde");
        assertThat(staging).containsEntry("environment", "staging");
    }

    @Test
    void thePrometheusRuleIsAlertsYmlRuleForRuleAndPassesPromtool(@TempDir Path folder) throws IOException {
        // given
        String copy = Repository.read(Repository.path(FOLDER + "/prometheus-rule.yaml"));
        String alerts = Repository.read(Monitoring.FOLDER.resolve("alerts.yml"));
        String groups = copy.substring(copy.indexOf("\nspec:\n") + "\nspec:\n".length()).replaceAll("(?m)^  ", "");

        // when
        Files.writeString(folder.resolve("rules.yml"), groups);
        Tool.Run run = Tool.PROMTOOL.run(folder, "check", "rules", "rules.yml");

        // then
        assertThat(groups).as("prometheus-rule.yaml against alerts.yml: run %s/refresh-rules.sh", FOLDER)
                .isEqualTo(alerts.substring(alerts.indexOf("\ngroups:\n") + 1));
        assertThat(run.exitCode()).as("promtool check rules on the PrometheusRule's groups:%n%s", run.output())
                .isZero();
        assertThat(only(PrometheusRule.class).spec().groups()).extracting(group -> group.get("name"))
                .containsExactlyElementsOf(Monitoring.yaml("alerts.yml").path("groups").findValuesAsText("name"));
    }

    @Test
    void theScraperSecretHoldsOnlyPlaceholders() {
        for (Map.Entry<String, String> entry : only(Secret.class).getData().entrySet()) {
            assertThat(new String(Base64.getDecoder().decode(entry.getValue()), StandardCharsets.UTF_8))
                    .as(entry.getKey()).startsWith("REPLACE-ME");
        }
    }

    /** Prometheus's relabelling with the action {@code replace}, the only one used here. */
    private static Map<String, String> relabel(List<Relabeling> relabelings, Map<String, String> discovered) {
        Map<String, String> labels = new HashMap<>(discovered);
        for (Relabeling relabeling : relabelings) {
            String source = String.join(";", relabeling.sourceLabels().stream()
                    .map(name -> labels.getOrDefault(name, "")).toList());
            Matcher match = Pattern.compile(relabeling.regex() == null ? "(.*)" : relabeling.regex()).matcher(source);
            if (match.matches()) {
                String replacement = relabeling.replacement() == null ? "$1" : relabeling.replacement();
                labels.put(relabeling.targetLabel(), match.replaceFirst(replacement));
            }
        }
        return labels;
    }

    private <T> T only(Class<T> type) {
        List<T> found = rendered.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as("%s in %s", type.getSimpleName(), FOLDER).hasSize(1);
        return found.get(0);
    }

    private static List<Object> render() {
        Tool.Run run = Tool.KUBECTL.run(Repository.ROOT, "kustomize", FOLDER);
        assertThat(run.exitCode()).as("kubectl kustomize %s failed:%n%s", FOLDER, run.stderr()).isZero();
        return StrictKubernetesModel.readAll(run.stdout());
    }
}
