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
 * What each service's jar, the one its image runs, must carry. A library a service's module declares for its tests
 * only is left out of the jar even when a library it runs with needs it (a test scope wins over the transitive
 * compile scope), and nothing but the service starting from its jar would notice: it happened twice with the
 * schema validator, which every service's readers load at start.
 */
class ServiceJarsTest {

    private static final List<String> SERVICES = List.of("intake-service", "routing-service", "notification-service",
            "case-service");

    @Test
    void everyServiceJarCarriesTheSchemaValidatorItsReadersLoadAtStart() throws IOException {
        for (String service : SERVICES) {
            Path jar = Repository.path(service + "/target/" + service + "-0.1.0-SNAPSHOT.jar");
            assertThat(jar).as("%s, built by the modules before this one", jar).exists();
            try (JarFile file = new JarFile(jar.toFile()); Stream<String> names = file.stream().map(e -> e.getName())) {
                assertThat(names.filter(name -> name.startsWith("BOOT-INF/lib/json-schema-validator-")).toList())
                        .as("the schema validator in %s", jar.getFileName()).hasSize(1);
            }
        }
    }
}
