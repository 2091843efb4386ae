package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

class ComposeFileTest {

    private static final String COMPOSE = "deploy/compose/compose.yaml";
    private static final List<String> SERVICES = List.of("intake-service", "routing-service", "notification-service",
            "case-service");
    /** The dev profile's keys (base64 of 32 bytes and more) and accounts (bcrypt hashes). */
    private static final Pattern DEV_SECRET =
            Pattern.compile("[A-Za-z0-9+/]{40,}={0,2}|\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    @Test
    void withoutTheEnvFileOfMakeEnvComposeRefusesToStartAndSaysWhatToRun(@TempDir Path out) throws IOException {
        Path empty = Files.createFile(out.resolve(".env"));
        Tool.Run run = Tool.DOCKER_COMPOSE.run(Repository.ROOT, "--env-file", empty.toString(), "-f", COMPOSE,
                "config", "-q");

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("run deploy/compose/make-env.sh first");
    }

    @Test
    void withTheKeysOfMakeEnvEveryServiceRunsWithoutTheDevProfileOrAnyDevelopmentKey(@TempDir Path out)
            throws IOException {
        makeEnv(out);
        Tool.Run run = Tool.DOCKER_COMPOSE.run(Repository.ROOT, "--env-file", out.resolve(".env").toString(), "-f",
                COMPOSE, "config");

        assertThat(run.exitCode()).as(run.output()).isZero();
        String resolved = run.stdout();
        assertThat(resolved).doesNotContain("SPRING_PROFILES_ACTIVE", "dev-config", "application-dev", "dev-ops");
        for (String service : SERVICES) {
            Matcher secrets = DEV_SECRET.matcher(
                    Repository.read(Repository.path("deploy/dev-config/" + service + "/application-dev.yml")));
            while (secrets.find()) {
                assertThat(resolved).as("a development secret of %s", service)
                        .doesNotContain(secrets.group()).doesNotContain(secrets.group().replace("$", "$$"));
            }
        }
        Map<String, String> env = readEnv(out.resolve(".env"));
        String sealingKey = env.get("HOTLINE_SEALING_KEY");
        assertThat(sealingKey).hasSize(44);
        assertThat(resolved.split(Pattern.quote(sealingKey), -1)).as("intake, notification and case get the key")
                .hasSize(4);
        assertThat(resolved).contains(env.get("HOTLINE_INTAKE_IDENTITY_SECRET"),
                env.get("HOTLINE_ACKNOWLEDGEMENT_LINK_KEY"));
    }

    @Test
    void makeEnvWritesPrivateFilesWhoseHashesMatchTheAccountsPasswordsAndPrometheusGetsTheScrapersOwn(
            @TempDir Path out) throws IOException {
        makeEnv(out);
        Map<String, String> env = readEnv(out.resolve(".env"));
        Map<String, String> passwords = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("secrets/passwords.txt"))) {
            String[] account = line.split(" ");
            passwords.put(account[0], account[1]);
        }

        assertThat(passwords.keySet()).containsExactlyInAnyOrder("caseworker", "administrator", "scraper");
        assertThat(BCrypt.checkpw(passwords.get("caseworker"), env.get("HOTLINE_CASEWORKER_PASSWORD_HASH"))).isTrue();
        assertThat(BCrypt.checkpw(passwords.get("administrator"), env.get("HOTLINE_ADMINISTRATOR_PASSWORD_HASH")))
                .isTrue();
        assertThat(BCrypt.checkpw(passwords.get("scraper"), env.get("HOTLINE_SCRAPER_PASSWORD_HASH"))).isTrue();
        assertThat(BCrypt.checkpw(passwords.get("scraper"), env.get("HOTLINE_CASEWORKER_PASSWORD_HASH"))).isFalse();
        assertThat(Files.readString(out.resolve("secrets/scraper-password"))).isEqualTo(passwords.get("scraper"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(".env"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("secrets/passwords.txt"))))
                .isEqualTo("rw-------");

        makeEnv(out);
        assertThat(readEnv(out.resolve(".env"))).as("a second run keeps the keys").isEqualTo(env);
    }

    @Test
    void everyServiceOfTheComposeFileIsScrapedByPrometheusByItsComposeName() {
        String compose = Repository.read(Repository.path(COMPOSE));
        String prometheus = Repository.read(Repository.path("deploy/monitoring/prometheus.yml"));

        assertThat(compose).contains("\n  intake-service:", "\n  routing-service:", "\n  notification-service:",
                "\n  case-service:");
        assertThat(prometheus).contains("\"intake-service:8081\"", "\"routing-service:8083\"",
                "\"notification-service:8085\"", "\"case-service:8087\"");
    }

    @Test
    void prometheusScrapesEveryServiceWithTheScraperAccountThatComposeGivesEveryService() {
        String compose = Repository.read(Repository.path(COMPOSE));
        String prometheus = Repository.read(Repository.path("deploy/monitoring/prometheus.yml"));

        assertThat(prometheus.split("basic_auth:\n      username: scraper\n      password_file: scraper-password",
                -1)).as("scrape jobs with the scraper account").hasSize(5);
        assertThat(compose).contains("./secrets/scraper-password:/etc/prometheus/scraper-password:ro");
        assertThat(compose.split("<<: \\[\\*kafka-client, \\*scraper", -1)).as("services with the scraper account")
                .hasSize(5);
        assertThat(compose).contains("HOTLINE_SECURITY_USERS_0_NAME: scraper");
    }

    /** Runs deploy/compose/make-env.sh writing into {@code out}. */
    private static void makeEnv(Path out) throws IOException {
        Tool.OPENSSL.run(out, "version");
        ProcessBuilder builder = new ProcessBuilder("bash", Repository.path("deploy/compose/make-env.sh").toString())
                .redirectErrorStream(true);
        builder.environment().put("HOTLINE_COMPOSE_ENV_DIR", out.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("make-env.sh finished").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** The variables of an env file as compose reads them: one per line, single quotes taken literally. */
    private static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String name = line.substring(0, line.indexOf('='));
            String value = line.substring(line.indexOf('=') + 1);
            if (value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(name, value);
        }
        return values;
    }
}
