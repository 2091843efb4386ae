package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** One overlay of deploy/k8s, rendered by {@code kubectl kustomize} and read strictly. */
record Overlay(String name, List<Object> documents) {

    private static final Path OVERLAYS = Repository.path("deploy/k8s/overlays");
    private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();

    /** The workloads of the system: a Deployment or a StatefulSet, by name, with its pod template. */
    record Workload(String kind, String name, Integer replicas, PodTemplateSpec template) {
    }

    /** The names of the overlays, one per folder of deploy/k8s/overlays holding a kustomization.yaml. */
    static Stream<String> names() {
        List<Path> folders = Repository.foldersWith(OVERLAYS, "kustomization.yaml");
        assertThat(folders).as("overlays under %s", OVERLAYS).isNotEmpty();
        return folders.stream().map(folder -> folder.getFileName().toString());
    }

    static Overlay rendered(String name) {
        return RENDERED.computeIfAbsent(name, Overlay::render);
    }

    private static Overlay render(String name) {
        Tool.Run run = Tool.KUBECTL.run(Repository.ROOT, "kustomize", "deploy/k8s/overlays/" + name);
        assertThat(run.exitCode()).as("kubectl kustomize deploy/k8s/overlays/%s failed:%n%s", name, run.stderr())
                .isZero();
        return new Overlay(name, StrictKubernetesModel.readAll(run.stdout()));
    }

    <T> List<T> all(Class<T> type) {
        return documents.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Workload> workloads() {
        Stream<Workload> deployments = all(Deployment.class).stream().map(d -> new Workload("Deployment",
                d.getMetadata().getName(), d.getSpec().getReplicas(), d.getSpec().getTemplate()));
        Stream<Workload> statefulSets = all(StatefulSet.class).stream().map(s -> new Workload("StatefulSet",
                s.getMetadata().getName(), s.getSpec().getReplicas(), s.getSpec().getTemplate()));
        return Stream.concat(deployments, statefulSets).toList();
    }

    /** The ConfigMap kustomize generated from {@code generatorName} (its name plus a content hash). */
    ConfigMap generatedConfigMap(String generatorName) {
        List<ConfigMap> matches = all(ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().matches(generatorName + "-[a-z0-9]{10}")).toList();
        assertThat(matches).as("ConfigMap generated as %s in overlay %s", generatorName, name).hasSize(1);
        return matches.get(0);
    }

    List<String> names(Class<? extends HasMetadata> type) {
        return all(type).stream().map(resource -> resource.getMetadata().getName()).toList();
    }
}
