package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComposeFileTest {

    @Test
    void theComposeFilePassesDockerComposeConfig() {
        Tool.Run run = Tool.DOCKER_COMPOSE.run(Repository.ROOT, "-f", "deploy/compose/compose.yaml", "config", "-q");

        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void everyServiceOfTheComposeFileIsScrapedByPrometheusByItsComposeName() {
        String compose = Repository.read(Repository.path("deploy/compose/compose.yaml"));
        String prometheus = Repository.read(Repository.path("deploy/monitoring/prometheus.yml"));

        assertThat(compose).contains("\n  intake-service:", "\n  routing-service:", "\n  notification-service:");
        assertThat(prometheus).contains("\"intake-service:8081\"", "\"routing-service:8083\"",
                "\"notification-service:8085\"");
    }
}
