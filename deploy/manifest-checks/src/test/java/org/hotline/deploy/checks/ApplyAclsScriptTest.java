package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kafka/apply-acls.sh, run as an operator runs it on a cluster not run by Strimzi, against a real broker: a
 * one-node KRaft Kafka from local-kafka's jars with Kafka's StandardAuthorizer and nothing allowed without an ACL,
 * the ACLs read back with the Admin API. The script must grant exactly the rights of deploy/kafka/acls.txt, and
 * running it again on rights granted already must change nothing.
 *
 * <p>It needs local-kafka's {@code target/kafka-libs} (the reactor packages it first); without them the test is
 * skipped with the command that makes them, except under {@code CI=true}, where it fails.
 */
class ApplyAclsScriptTest {

    private static final Path LIBS = Repository.path("deploy/local-kafka/target/kafka-libs");
    private static final Path SCRIPT = Repository.path("deploy/kafka/apply-acls.sh");
    private static final Path ACLS = Repository.path("deploy/kafka/acls.txt");

    @Test
    void grantsExactlyTheRightsOfTheAclFileOnARealBrokerAndChangesNothingWhenRunAgain(@TempDir Path directory)
            throws Exception {
        // given a broker that authorizes every request, where only the super user may do anything yet
        requireKafkaLibs();
        int port = freePort();
        Process broker = startBroker(directory, port, freePort());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            admin.describeCluster().clusterId().get(90, TimeUnit.SECONDS);
            assertThat(acls(admin)).isEmpty();
            Path adminProperties = Files.writeString(directory.resolve("admin.properties"),
                    "# PLAINTEXT, as the broker's super user (User:ANONYMOUS)\n");

            // when an operator runs the script
            runScript(port, adminProperties, ACLS);
            Set<String> granted = acls(admin);
            // and runs it again on lines granted already (a JVM per line: not the whole file twice)
            Path again = Files.write(directory.resolve("again.txt"), Repository.read(ACLS).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).limit(6).toList());
            runScript(port, adminProperties, again);

            // then the broker holds exactly the file's rights, once each
            assertThat(granted).containsExactlyInAnyOrderElementsOf(KafkaAclsTest.fromFile(Repository.read(ACLS)));
            assertThat(acls(admin)).isEqualTo(granted);
        } finally {
            broker.destroy();
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    private static void requireKafkaLibs() {
        if (!Files.isDirectory(LIBS)) {
            String message = "no " + LIBS + ": package the broker's jars first (./mvnw -B package -pl "
                    + "deploy/local-kafka)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort("skipped: " + message);
        }
    }

    private static Process startBroker(Path directory, int port, int controllerPort) throws Exception {
        Path config = Files.writeString(directory.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + directory.resolve("logs"),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:ANONYMOUS",
                ""));
        run(directory.resolve("format.log"), java("kafka.tools.StorageTool", "format", "-t",
                Uuid.randomUuid().toString(), "-c", config.toString()), Map.of());
        return new ProcessBuilder(java("kafka.Kafka", config.toString()))
                .redirectErrorStream(true).redirectOutput(directory.resolve("broker.log").toFile()).start();
    }

    private static void runScript(int port, Path adminProperties, Path acls) throws Exception {
        // The JVM of each kafka-acls call made to start fast: the script runs one per line of the file.
        String command = String.join(" ", java("org.apache.kafka.tools.AclCommand"));
        run(adminProperties.resolveSibling("apply-acls.log"), List.of("bash", SCRIPT.toString(),
                "127.0.0.1:" + port, adminProperties.toString(), acls.toString()), Map.of("KAFKA_ACLS_CMD", command));
    }

    private static List<String> java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dlog4j2.configurationFile="
                + Repository.path("deploy/local-kafka/log4j2.properties"), "-cp", LIBS + "/*", mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private static void run(Path log, List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(Duration.ofMinutes(5).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not finish within 5 minutes", command.get(command.size() - 1));
        }
        assertThat(process.exitValue()).as("exit of %s; its output:%n%s", String.join(" ", command),
                Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }

    /** Every ACL the broker holds, as acls.txt's rights: "principal type pattern name Operation". */
    private static Set<String> acls(Admin admin) throws Exception {
        Set<String> rights = new TreeSet<>();
        for (AclBinding binding : admin.describeAcls(AclBindingFilter.ANY).values().get(60, TimeUnit.SECONDS)) {
            rights.add(String.join(" ", binding.entry().principal().replaceFirst("^User:", ""),
                    words(binding.pattern().resourceType().name(), "-"),
                    binding.pattern().patternType().name().toLowerCase(Locale.ROOT),
                    binding.pattern().name(),
                    words(binding.entry().operation().name(), "")));
        }
        return rights;
    }

    /** TRANSACTIONAL_ID as transactional-id, DESCRIBE_CONFIGS as DescribeConfigs. */
    private static String words(String constant, String separator) {
        List<String> words = List.of(constant.toLowerCase(Locale.ROOT).split("_"));
        return separator.isEmpty()
                ? words.stream().map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                        .collect(Collectors.joining())
                : String.join(separator, words);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
