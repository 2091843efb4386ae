package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.deploy.checks.Overlay.Workload;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker/build-images.sh builds what the production overlay pins: one image per workload, under the name the
 * overlay uses, with the management port its probes and the ServiceMonitor use, from the service's own jar.
 */
class ReleaseImagesTest {

    @Test
    void buildsOneImagePerWorkloadTaggedWithTheReleaseFromItsJarWithItsManagementPort() throws Exception {
        // given
        Map<String, Integer> managementPorts = Overlay.rendered("production").workloads().stream()
                .collect(Collectors.toMap(Workload::name, workload -> workload.template().getSpec().getContainers()
                        .get(0).getPorts().stream().filter(port -> "management".equals(port.getName()))
                        .map(ContainerPort::getContainerPort).findFirst().orElseThrow()));

        // when
        List<String> commands = dryRun("1.2.3", "registry.example/ngo");

        // then
        assertThat(commands).hasSize(managementPorts.size());
        managementPorts.forEach((service, port) -> assertThat(commands).as(service).anySatisfy(command -> assertThat(
                command).contains("-t registry.example/ngo/hotline/" + service + ":1.2.3 ")
                .contains("JAR=" + service + "/target/" + service + "-")
                .contains("MANAGEMENT_PORT=" + port + " ")
                .contains("org.opencontainers.image.version=1.2.3 ")));
    }

    @Test
    void refusesATagDockerWouldNotTake() throws Exception {
        // when
        Process process = start("not a tag");

        // then
        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("not a valid image tag");
    }

    private static List<String> dryRun(String... arguments) throws IOException, InterruptedException {
        Process process = start(arguments);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("build-images.sh: %s", out).isZero();
        return out.lines().map(line -> line.replace("\\=", "=")).toList();
    }

    private static Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash",
                Repository.path("deploy/docker/build-images.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.ROOT.toFile());
        builder.environment().put("DRY_RUN", "1");
        builder.environment().remove("BASE_IMAGE");
        return builder.start();
    }
}
