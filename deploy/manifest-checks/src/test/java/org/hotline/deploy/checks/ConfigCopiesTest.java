package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * kustomize cannot read files outside deploy/k8s, so the routing directory and the mail templates are copied
 * under deploy/k8s/base/config. These tests keep the copies equal to the services' own files and make sure every
 * copied file reaches a ConfigMap.
 */
class ConfigCopiesTest {

    private static final Path ROUTING_DIRECTORY = Repository.path("routing-service/src/main/resources/directory");
    private static final Path MAIL_TEMPLATES = Repository.path("notification-service/src/main/resources/mail-templates");
    private static final Path COPIED_DIRECTORY = Repository.path("deploy/k8s/base/config/directory");
    private static final Path COPIED_TEMPLATES = Repository.path("deploy/k8s/base/config/mail-templates");

    @Test
    void theCopiedRoutingDirectoryIsTheRoutingServiceOwn() {
        assertSameFiles(ROUTING_DIRECTORY, COPIED_DIRECTORY);
    }

    @Test
    void theCopiedMailTemplatesAreTheNotificationServiceOwn() {
        assertSameFiles(MAIL_TEMPLATES, COPIED_TEMPLATES);
    }

    @Test
    void everyFileOfTheKazakhstanDirectoryIsInTheRoutingDirectoryConfigMap() {
        ConfigMap directory = Overlay.rendered("production").generatedConfigMap("routing-directory");

        assertThat(directory.getData()).isEqualTo(texts(COPIED_DIRECTORY.resolve("kz")));
    }

    @Test
    void everyMailTemplateHasAConfigMapWithAllItsFilesMountedInTheNotificationService() {
        Overlay production = Overlay.rendered("production");
        Overlay.Workload notification = production.workloads().stream()
                .filter(workload -> workload.name().equals("notification-service")).findFirst().orElseThrow();
        List<String> mounts = notification.template().getSpec().getContainers().get(0).getVolumeMounts().stream()
                .map(VolumeMount::getMountPath).toList();

        for (Path template : Repository.foldersWith(COPIED_TEMPLATES, "en.html")) {
            String name = template.getFileName().toString();
            ConfigMap files = production.generatedConfigMap("notification-template-" + name);

            assertThat(files.getData()).as("template %s", name).isEqualTo(texts(template));
            assertThat(mounts).as("mount of template %s", name).contains("/etc/hotline/mail-templates/" + name);
        }
    }

    private static void assertSameFiles(Path source, Path copy) {
        Assumptions.assumeTrue(Files.isDirectory(source),
                () -> source + " does not exist yet: nothing to compare deploy/k8s/base/config with");
        Map<String, byte[]> original = Repository.filesUnder(source);
        Map<String, byte[]> copied = Repository.filesUnder(copy);
        List<String> differences = new ArrayList<>();
        for (String file : union(original, copied)) {
            if (!original.containsKey(file)) {
                differences.add(file + " is only in the copy");
            } else if (!copied.containsKey(file)) {
                differences.add(file + " is missing from the copy");
            } else if (!Arrays.equals(original.get(file), copied.get(file))) {
                differences.add(file + " differs");
            }
        }

        assertThat(differences).as("%s against its source %s: copy the source again (rm -r %s && cp -r %s %s) and"
                + " list new files in deploy/k8s/base/kustomization.yaml", Repository.ROOT.relativize(copy),
                Repository.ROOT.relativize(source), Repository.ROOT.relativize(copy),
                Repository.ROOT.relativize(source), Repository.ROOT.relativize(copy)).isEmpty();
    }

    private static Set<String> union(Map<String, byte[]> a, Map<String, byte[]> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** The files directly in {@code folder}, by file name, as text: what a ConfigMap generated from them holds. */
    private static Map<String, String> texts(Path folder) {
        Map<String, String> texts = new TreeMap<>();
        Repository.filesUnder(folder).forEach((name, bytes) -> {
            if (!name.contains("/")) {
                texts.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return texts;
    }
}
