package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.deploy.checks.Overlay.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KubernetesManifestsTest {

    /** Each service's management port, as its application.yml sets it. */
    private static final Map<String, Integer> MANAGEMENT_PORTS = Map.of(
            "intake-service", 8081, "routing-service", 8083, "notification-service", 8085, "case-service", 8087);

    /**
     * The topics of docs/events.md and notification's ledger, with their cleanup policy and retention in ms (-1:
     * kept forever; absent for a topic only compacted, where retention.ms does not apply).
     */
    private static final Map<String, TopicSettings> TOPICS = Map.ofEntries(
            Map.entry("complaints.received.v1", new TopicSettings("delete", "-1")),
            Map.entry("complaints.routed.v1", new TopicSettings("delete", "-1")),
            Map.entry("notifications.outcomes.v1", new TopicSettings("delete", "-1")),
            Map.entry("complaints.received.v1.dlt", new TopicSettings("delete", "2592000000")),
            Map.entry("complaints.routed.v1.dlt", new TopicSettings("delete", "2592000000")),
            Map.entry("cases.events.v1.notification.dlt", new TopicSettings("delete", "2592000000")),
            Map.entry("intake.idempotency.v1", new TopicSettings("compact,delete", "2592000000")),
            Map.entry("complaints.keys.v1", new TopicSettings("compact", "-1")),
            Map.entry("audit.events.v1", new TopicSettings("delete", "31536000000")),
            Map.entry("notification.ledger.v1", new TopicSettings("compact", null)),
            Map.entry("notification.ledger.cases.v1", new TopicSettings("compact", null)),
            Map.entry("cases.events.v1", new TopicSettings("delete", "-1")),
            Map.entry("case.status.v1", new TopicSettings("compact", null)));

    /** @param retentionMs null where the topic must not set retention.ms */
    private record TopicSettings(String cleanupPolicy, String retentionMs) {
    }

    /** Each service's API port, where the ingress controller may reach it; notification has none to reach. */
    private static final Map<String, Integer> API_PORTS = Map.of("intake-service", 8080, "routing-service", 8082,
            "case-service", 8086);

    /** Ports each service may open connections to: DNS, the Kafka listeners, and SMTP for notification. */
    private static final Map<String, Set<Integer>> EGRESS_PORTS = Map.of(
            "intake-service", Set.of(53, 9092, 9093),
            "routing-service", Set.of(53, 9092, 9093),
            "notification-service", Set.of(53, 9092, 9093, 587, 465),
            "case-service", Set.of(53, 9092, 9093));

    /** Secrets the production overlay uses but does not create: Strimzi writes them (docs/kafka-production.md). */
    private static final Set<String> SECRETS_FROM_STRIMZI = Set.of(
            "intake-service", "routing-service", "notification-service", "case-service",
            "hotline-kafka-cluster-ca-cert");

    static List<String> overlays() {
        return Overlay.names().toList();
    }

    @Test
    void aMisspelledFieldIsRejectedEvenWhereTheModelWouldKeepItAside() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  replica: 2
                  selector:
                    matchLabels: {app: typo}
                  template:
                    metadata:
                      labels: {app: typo}
                    spec:
                      containers:
                        - name: typo
                          image: typo
                          livenesProbe: {}
                """;

        assertThatThrownBy(() -> StrictKubernetesModel.readAll(deployment))
                .isInstanceOf(StrictKubernetesModel.InvalidManifestException.class)
                .hasMessageContaining("Deployment typo.spec.replica")
                .hasMessageContaining("Deployment typo.spec.template.spec.containers[0].livenesProbe");
    }

    @Test
    void aValueOfTheWrongTypeAndAnUnknownApiVersionAreRejected() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

        assertThatThrownBy(() -> StrictKubernetesModel.read(yaml.readTree("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: wrong-type}
                spec:
                  minAvailable: 1
                  selector: {matchLabels: [app]}
                """))).isInstanceOf(StrictKubernetesModel.InvalidManifestException.class)
                .hasMessageContaining("PodDisruptionBudget wrong-type");
        assertThatThrownBy(() -> StrictKubernetesModel.read(yaml.readTree("""
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata: {name: old}
                spec: {minAvailable: 1}
                """))).isInstanceOf(StrictKubernetesModel.InvalidManifestException.class)
                .hasMessageContaining("no typed model for apiVersion 'policy/v1beta1'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyOverlayRendersToTheFourServicesTheirBudgetsServicesAndTopics(String overlay) {
        Overlay rendered = Overlay.rendered(overlay);

        assertThat(rendered.workloads()).extracting(Workload::name)
                .containsExactlyInAnyOrderElementsOf(MANAGEMENT_PORTS.keySet());
        assertThat(rendered.names(PodDisruptionBudget.class))
                .containsExactlyInAnyOrderElementsOf(MANAGEMENT_PORTS.keySet());
        assertThat(rendered.names(Service.class))
                .containsExactlyInAnyOrderElementsOf(MANAGEMENT_PORTS.keySet());
        assertThat(rendered.all(Namespace.class)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyWorkloadProbesLivenessAndReadinessOnItsManagementPort(String overlay) {
        for (Workload workload : Overlay.rendered(overlay).workloads()) {
            int managementPort = MANAGEMENT_PORTS.get(workload.name());
            Container container = onlyContainer(workload);

            assertThat(port(container, "management")).as("%s's port named management", workload.name())
                    .isEqualTo(managementPort);
            assertProbe(workload, container, container.getLivenessProbe(), "/actuator/health/liveness",
                    managementPort);
            assertProbe(workload, container, container.getReadinessProbe(), "/actuator/health/readiness",
                    managementPort);
            assertThat(workload.template().getMetadata().getAnnotations())
                    .as("%s's scrape annotations", workload.name())
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(managementPort))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
            assertThat(env(container)).as("%s's management port setting", workload.name())
                    .containsEntry(workload.name().replace("-service", "").toUpperCase() + "_MANAGEMENT_PORT",
                            String.valueOf(managementPort));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyWorkloadHasTwoReplicasAndBoundedResources(String overlay) {
        for (Workload workload : Overlay.rendered(overlay).workloads()) {
            Container container = onlyContainer(workload);
            Map<String, Quantity> requests = container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources().getLimits();

            assertThat(workload.replicas()).as("%s replicas", workload.name()).isGreaterThanOrEqualTo(2);
            assertThat(requests).as("%s requests", workload.name()).containsKeys("cpu", "memory");
            assertThat(limits).as("%s limits", workload.name()).containsKeys("cpu", "memory");
            assertThat(Quantity.getAmountInBytes(requests.get("memory")))
                    .as("%s memory request within its limit", workload.name())
                    .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("memory")));
            assertThat(Quantity.getAmountInBytes(limits.get("memory")).longValue())
                    .as("%s memory limit, sized for a small JVM", workload.name())
                    .isBetween(384L * 1024 * 1024, 1024L * 1024 * 1024);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyWorkloadRunsAsNonRootOnAReadOnlyFilesystemWithoutPrivilegesOrCapabilities(String overlay) {
        for (Workload workload : Overlay.rendered(overlay).workloads()) {
            PodSpec pod = workload.template().getSpec();
            Container container = onlyContainer(workload);
            SecurityContext security = container.getSecurityContext();

            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s runAsNonRoot", workload.name()).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).as("%s privilege escalation", workload.name())
                    .isFalse();
            assertThat(security.getReadOnlyRootFilesystem()).as("%s read-only root", workload.name()).isTrue();
            assertThat(security.getCapabilities().getDrop()).as("%s dropped capabilities", workload.name())
                    .contains("ALL");
            assertThat(security.getCapabilities().getAdd()).as("%s added capabilities", workload.name())
                    .isNullOrEmpty();
            String tmpVolume = container.getVolumeMounts().stream()
                    .filter(mount -> mount.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(workload.name() + " mounts nothing writable on /tmp"))
                    .getName();
            assertThat(pod.getVolumes()).filteredOn(volume -> volume.getName().equals(tmpVolume))
                    .singleElement().extracting(Volume::getEmptyDir).as("%s /tmp is an emptyDir", workload.name())
                    .isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyWorkloadHasADisruptionBudgetThatKeepsOnePodOfItRunning(String overlay) {
        Overlay rendered = Overlay.rendered(overlay);
        for (Workload workload : rendered.workloads()) {
            Map<String, String> podLabels = workload.template().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = rendered.all(PodDisruptionBudget.class).stream()
                    .filter(budget -> podLabels.entrySet()
                            .containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();

            assertThat(budgets).as("disruption budgets selecting %s", workload.name()).singleElement()
                    .extracting(budget -> budget.getSpec().getMinAvailable()).isEqualTo(new IntOrString(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyConfigMapAndSecretAWorkloadUsesIsRenderedOrProvidedByStrimzi(String overlay) {
        Overlay rendered = Overlay.rendered(overlay);
        Set<String> configMaps = new TreeSet<>(rendered.names(ConfigMap.class));
        Set<String> secrets = new TreeSet<>(rendered.names(Secret.class));
        secrets.addAll(SECRETS_FROM_STRIMZI);

        for (Workload workload : rendered.workloads()) {
            PodSpec pod = workload.template().getSpec();
            Container container = onlyContainer(workload);
            List<String> usedConfigMaps = new ArrayList<>();
            List<String> usedSecrets = new ArrayList<>();
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    usedConfigMaps.add(source.getConfigMapRef().getName());
                }
                if (source.getSecretRef() != null) {
                    usedSecrets.add(source.getSecretRef().getName());
                }
            }
            for (EnvVar variable : container.getEnv()) {
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    usedSecrets.add(variable.getValueFrom().getSecretKeyRef().getName());
                }
                if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                    usedConfigMaps.add(variable.getValueFrom().getConfigMapKeyRef().getName());
                }
            }
            for (Volume volume : pod.getVolumes()) {
                if (volume.getConfigMap() != null && Boolean.TRUE.equals(volume.getConfigMap().getOptional())) {
                    // Created and owned by the operator, not by an overlay (docs/security.md, "Partners"); no other.
                    assertThat(volume.getConfigMap().getName()).as("optional ConfigMap of %s", workload.name())
                            .isEqualTo("intake-withdrawn-partner-keys");
                } else if (volume.getConfigMap() != null) {
                    usedConfigMaps.add(volume.getConfigMap().getName());
                }
                if (volume.getSecret() != null) {
                    usedSecrets.add(volume.getSecret().getSecretName());
                }
            }

            assertThat(configMaps).as("ConfigMaps %s uses", workload.name()).containsAll(usedConfigMaps);
            assertThat(secrets).as("Secrets %s uses", workload.name()).containsAll(usedSecrets);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicIsAReplicatedKafkaTopicWithItsCleanupPolicyAndRetention(String overlay) {
        List<KafkaTopic> topics = Overlay.rendered(overlay).all(KafkaTopic.class);

        assertThat(topics).extracting(KafkaTopic::topic).containsExactlyInAnyOrderElementsOf(TOPICS.keySet());
        for (KafkaTopic topic : topics) {
            TopicSettings expected = TOPICS.get(topic.topic());
            assertThat(topic.spec().replicas()).as("%s replicas", topic.topic()).isEqualTo(3);
            assertThat(topic.spec().partitions()).as("%s partitions", topic.topic()).isEqualTo(6);
            assertThat(topic.config("min.insync.replicas")).as("%s min ISR", topic.topic()).isEqualTo("2");
            assertThat(topic.config("unclean.leader.election.enable")).as("%s unclean election", topic.topic())
                    .isEqualTo("false");
            assertThat(topic.config("cleanup.policy")).as("%s cleanup policy", topic.topic())
                    .isEqualTo(expected.cleanupPolicy());
            assertThat(topic.config("retention.ms")).as("%s retention", topic.topic())
                    .isEqualTo(expected.retentionMs());
            assertThat(topic.metadata().getLabels()).as("%s cluster label", topic.topic())
                    .containsKey("strimzi.io/cluster");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void notificationsLedgerHasAPartitionForEveryPartitionOfTheRoutedTopic(String overlay) {
        Map<String, Integer> partitions = new HashMap<>();
        Overlay.rendered(overlay).all(KafkaTopic.class)
                .forEach(topic -> partitions.put(topic.topic(), topic.spec().partitions()));

        assertThat(partitions.get("notification.ledger.v1")).as("partitions of notification.ledger.v1")
                .isGreaterThanOrEqualTo(partitions.get("complaints.routed.v1"));
        assertThat(partitions.get("notification.ledger.cases.v1")).as("partitions of notification.ledger.cases.v1")
                .isGreaterThanOrEqualTo(partitions.get("cases.events.v1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void notificationIsADeploymentWithoutVolumeClaimsOrALedgerDirectory(String overlay) {
        Overlay rendered = Overlay.rendered(overlay);
        Workload notification = rendered.workloads().stream()
                .filter(workload -> workload.name().equals("notification-service")).findFirst()
                .orElseThrow(() -> new AssertionError("no notification-service workload in " + overlay));
        PodSpec pod = notification.template().getSpec();
        Container container = onlyContainer(notification);

        assertThat(notification.kind()).isEqualTo("Deployment");
        // A StatefulSet is the only kind here that could claim volumes (volumeClaimTemplates); a plain
        // PersistentVolumeClaim document has no model in StrictKubernetesModel and fails the rendering already.
        assertThat(rendered.all(StatefulSet.class)).as("StatefulSets").isEmpty();
        assertThat(pod.getVolumes()).as("notification-service volumes")
                .allSatisfy(volume -> assertThat(volume.getPersistentVolumeClaim()).as(volume.getName()).isNull());
        assertThat(container.getEnv()).extracting(EnvVar::getName).as("notification-service environment")
                .doesNotContain("NOTIFICATION_LEDGER_DIRECTORY");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyWorkloadGetsTheScraperAccountWithOnlyTheOpsRoleFromASecret(String overlay) {
        for (Workload workload : Overlay.rendered(overlay).workloads()) {
            Container container = onlyContainer(workload);

            assertThat(env(container)).as("%s scraper account's role", workload.name())
                    .containsEntry("HOTLINE_SECURITY_USERS_0_ROLES", "OPS")
                    .doesNotContainKeys("HOTLINE_SECURITY_USERS_0_NAME", "HOTLINE_SECURITY_USERS_0_PASSWORDHASH");
            assertThat(container.getEnvFrom()).as("%s Secrets", workload.name())
                    .filteredOn(source -> source.getSecretRef() != null)
                    .extracting(source -> source.getSecretRef().getName())
                    // Generated Secrets are named with a hash of their content: hotline-scraper-<hash>.
                    .anySatisfy(name -> assertThat(name).startsWith("hotline-scraper-"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyWorkloadTalksOnlyToWhatItNeedsUnderANetworkPolicy(String overlay) {
        Overlay rendered = Overlay.rendered(overlay);
        for (Workload workload : rendered.workloads()) {
            Map<String, String> podLabels = workload.template().getMetadata().getLabels();
            List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class).stream()
                    .filter(policy -> podLabels.entrySet()
                            .containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()))
                    .toList();

            assertThat(policies).as("network policies selecting %s", workload.name()).singleElement()
                    .satisfies(policy -> assertThat(policy.getSpec().getPolicyTypes()).as("%s policy types",
                            workload.name()).containsExactlyInAnyOrder("Ingress", "Egress"));
            NetworkPolicySpec spec = policies.get(0).getSpec();
            Map<Integer, Set<String>> ingress = new HashMap<>();
            for (NetworkPolicyIngressRule rule : spec.getIngress()) {
                assertThat(rule.getFrom()).as("%s ingress from anywhere", workload.name()).isNotEmpty();
                for (NetworkPolicyPort port : rule.getPorts()) {
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        ingress.computeIfAbsent(port.getPort().getIntVal(), p -> new TreeSet<>())
                                .add(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
                    }
                }
            }
            Map<Integer, Set<String>> expectedIngress = new HashMap<>();
            expectedIngress.put(MANAGEMENT_PORTS.get(workload.name()), Set.of("monitoring"));
            if (API_PORTS.containsKey(workload.name())) {
                expectedIngress.put(API_PORTS.get(workload.name()), Set.of("ingress-nginx"));
            }
            assertThat(ingress).as("%s ingress: port -> namespaces allowed", workload.name())
                    .isEqualTo(expectedIngress);
            Set<Integer> egress = new TreeSet<>();
            for (NetworkPolicyEgressRule rule : spec.getEgress()) {
                rule.getPorts().forEach(port -> egress.add(port.getPort().getIntVal()));
            }
            assertThat(egress).as("%s egress ports", workload.name())
                    .containsExactlyInAnyOrderElementsOf(EGRESS_PORTS.get(workload.name()));
        }
    }

    @Test
    void productionTalksToKafkaOverSaslSslWithScramCredentialsFromSecrets() {
        Overlay production = Overlay.rendered("production");
        Map<String, String> kafka = production.generatedConfigMap("hotline-kafka").getData();

        assertThat(kafka).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
        for (Workload workload : production.workloads()) {
            EnvVar jaas = onlyContainer(workload).getEnv().stream()
                    .filter(variable -> variable.getName().equals("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .findFirst().orElseThrow(() -> new AssertionError(workload.name() + " has no JAAS config"));
            assertThat(jaas.getValue()).as("%s JAAS config written in the manifest", workload.name()).isNull();
            assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(workload.name());
        }
    }

    @Test
    void productionRunsImagesOfAReleaseNeverASnapshotOrAMovingTag() {
        for (Workload workload : Overlay.rendered("production").workloads()) {
            String image = onlyContainer(workload).getImage();
            assertThat(image).as("%s image in production (deploy/docker/build-images.sh <release>)", workload.name())
                    .matches(".*:\\d+\\.\\d+\\.\\d+(-rc\\.\\d+)?(@sha256:[0-9a-f]{64})?");
        }
    }

    @Test
    void theCommittedSecretsHoldOnlyPlaceholders() {
        for (String overlay : overlays()) {
            for (Secret secret : Overlay.rendered(overlay).all(Secret.class)) {
                for (Map.Entry<String, String> entry : secret.getData().entrySet()) {
                    String value = new String(Base64.getDecoder().decode(entry.getValue()),
                            StandardCharsets.UTF_8);
                    // A key id names a key and is no secret; the key it names is a placeholder.
                    if (!entry.getKey().endsWith("_ACTIVE_KEY_ID")) {
                        assertThat(value).as("%s/%s in overlay %s", secret.getMetadata().getName(), entry.getKey(),
                                overlay).startsWith("REPLACE-ME");
                    }
                }
            }
        }
    }

    private static void assertProbe(Workload workload, Container container, Probe probe, String path, int port) {
        assertThat(probe).as("%s probe %s", workload.name(), path).isNotNull();
        assertThat(probe.getHttpGet()).as("%s probe %s over HTTP", workload.name(), path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as("%s probe path", workload.name()).isEqualTo(path);
        IntOrString probePort = probe.getHttpGet().getPort();
        int resolved = probePort.getStrVal() != null ? port(container, probePort.getStrVal()) : probePort.getIntVal();
        assertThat(resolved).as("%s probe %s port", workload.name(), path).isEqualTo(port);
    }

    private static Container onlyContainer(Workload workload) {
        List<Container> containers = workload.template().getSpec().getContainers();
        assertThat(containers).as("%s containers", workload.name()).hasSize(1);
        return containers.get(0);
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(port -> name.equals(port.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
    }

    private static Map<String, String> env(Container container) {
        Map<String, String> values = new HashMap<>();
        container.getEnv().stream().filter(variable -> variable.getValue() != null)
                .forEach(variable -> values.put(variable.getName(), variable.getValue()));
        return values;
    }
}
