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

        assertThat(compose).contains("\n  intake-service:", "\n  routing-service:", "\n  notification-service:",
                "\n  case-service:");
        assertThat(prometheus).contains("\"intake-service:8081\"", "\"routing-service:8083\"",
                "\"notification-service:8085\"", "\"case-service:8087\"");
    }

    @Test
    void prometheusScrapesEveryServiceWithTheDevScraperAccountThatEveryDevProfileDefines() {
        String compose = Repository.read(Repository.path("deploy/compose/compose.yaml"));
        String prometheus = Repository.read(Repository.path("deploy/monitoring/prometheus.yml"));

        assertThat(prometheus.split("basic_auth:\n      username: dev-ops\n      password_file: scraper-password",
                -1)).as("scrape jobs with the dev scraper account").hasSize(5);
        assertThat(Repository.read(Repository.path("deploy/monitoring/scraper-password")).strip())
                .isEqualTo("dev-ops-password");
        assertThat(compose).contains("../monitoring/scraper-password:/etc/prometheus/scraper-password:ro");
        for (String service : new String[] {"intake-service", "routing-service", "notification-service",
                "case-service"}) {
            assertThat(Repository.read(Repository.path("deploy/dev-config/" + service + "/application-dev.yml")))
                    .as("%s dev profile", service).contains("- name: dev-ops").contains("roles: [OPS]");
            assertThat(compose).as("%s gets its dev profile's settings mounted", service).contains("- ../dev-config/"
                    + service + "/application-dev.yml:/app/config/application-dev.yml:ro");
        }
    }
}
