package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dev profile's settings (public keys and accounts) stay out of what is released: they live in deploy/dev-config,
 * which the local stack and the system tests pass to the services, and never in a jar or image. The compose stack
 * runs without them, on keys of its own ({@link ComposeFileTest}).
 */
class DevelopmentConfigTest {

    private static final List<String> SERVICES = List.of("intake-service", "routing-service", "notification-service",
            "case-service");

    @Test
    void noModulePackagesADevProfile() throws IOException {
        try (Stream<Path> files = Files.walk(Repository.ROOT)) {
            List<String> packaged = files.filter(file -> file.getFileName().toString().startsWith("application-dev"))
                    .map(file -> Repository.ROOT.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> file.contains("/src/main/")).toList();

            assertThat(packaged).isEmpty();
        }
    }

    @Test
    void everyServiceHasItsDevProfileBesideTheLocalStackAndTheLocalStackPassesIt() {
        String run = Repository.read(Repository.path("deploy/local/run.sh"));

        for (String service : SERVICES) {
            assertThat(Repository.path("deploy/dev-config/" + service + "/application-dev.yml")).isRegularFile();
        }
        assertThat(run).contains("--spring.config.additional-location=\"file:$root/deploy/dev-config/$name/\"");
    }

    @Test
    void noBuiltServiceJarContainsADevProfile() throws IOException {
        for (String service : SERVICES) {
            Path target = Repository.path(service + "/target");
            if (!Files.isDirectory(target)) {
                continue;
            }
            try (Stream<Path> jars = Files.list(target)) {
                for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).toList()) {
                    try (JarFile file = new JarFile(jar.toFile())) {
                        assertThat(file.stream().map(entry -> entry.getName())
                                .filter(name -> name.contains("application-dev")).toList())
                                .as("dev settings in %s", jar.getFileName()).isEmpty();
                    }
                }
            }
        }
    }
}
