package org.hotline.systemtest;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The hotline as it is deployed: a Kafka broker, the mail catcher as the SMTP server, and the three services,
 * each in its own container on one private Docker network, built from the project's own Dockerfiles on
 * {@code hotline.base-image}. Every port the tests use is bound to a fixed free host port, so a container
 * killed and started again (the same container, with its disk) is found where it was.
 */
final class HotlineSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HotlineSystem.class);
    private static final String KAFKA_ALIAS = "kafka";
    private static final String MAIL_ALIAS = "mail-catcher";
    private static final long SERVICE_MEMORY = 768L * 1024 * 1024;
    /** The mail catcher keeps every message in memory: a benchmark's worth needs more than a service. */
    private static final long MAIL_MEMORY = 2048L * 1024 * 1024;

    /** The parts of the system, with the ports the tests reach from the host. */
    enum Part {
        KAFKA(-1, -1),
        MAIL(8025, 8025),
        INTAKE(8080, 8081),
        ROUTING(8082, 8083),
        NOTIFICATION(8084, 8085);

        final int appPort;
        final int managementPort;

        Part(int appPort, int managementPort) {
            this.appPort = appPort;
            this.managementPort = managementPort;
        }

        String containerName() {
            return name().toLowerCase();
        }
    }

    private final Path root = Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();
    private final String version = System.getProperty("hotline.version", "0.1.0-SNAPSHOT");
    private final String baseImage = System.getProperty("hotline.base-image", "eclipse-temurin:17-jre");
    private final Path logFolder = Path.of(System.getProperty("hotline.logs", "target/system-test-logs"));
    private final Network network = Network.newNetwork();
    private final Map<Part, GenericContainer<?>> containers = new EnumMap<>(Part.class);
    private final Map<Part, Integer> hostPorts = new EnumMap<>(Part.class);
    private final Map<Part, Integer> hostManagementPorts = new EnumMap<>(Part.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final DockerClient docker = DockerClientFactory.instance().client();
    private final int kafkaHostPort = freePort();

    /** Builds the images (Docker's layer cache makes a rebuild cheap) and starts everything, healthy. */
    static HotlineSystem start() {
        HotlineSystem system = new HotlineSystem();
        try {
            system.startAll();
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    private void startAll() {
        long started = System.nanoTime();
        containers.put(Part.KAFKA, kafka());
        containers.put(Part.MAIL, service(Part.MAIL, "deploy/mail-catcher/target/mail-catcher-" + version + ".jar",
                "/health", Map.of("MAIL_CATCHER_HOST", "0.0.0.0", "MAIL_CATCHER_DIR", "/tmp/mail")));
        Map<String, String> kafkaClient = Map.of("KAFKA_BOOTSTRAP_SERVERS", KAFKA_ALIAS + ":9092",
                "SPRING_PROFILES_ACTIVE", "dev");
        containers.put(Part.INTAKE, service(Part.INTAKE, "intake-service/target/intake-service-" + version + ".jar",
                "/actuator/health/liveness", kafkaClient));
        containers.put(Part.ROUTING, service(Part.ROUTING,
                "routing-service/target/routing-service-" + version + ".jar", "/actuator/health/liveness",
                kafkaClient));
        Map<String, String> notification = new java.util.HashMap<>(kafkaClient);
        notification.put("SMTP_HOST", MAIL_ALIAS);
        notification.put("SMTP_PORT", "2525");
        notification.put("NOTIFICATION_LEDGER_DIRECTORY", "/tmp/notification-ledger");
        // Production waits up to 10 minutes between attempts; an outage of a minute would then cost the test
        // up to ten more. The back-off logic is the same, only its ceiling is lower.
        notification.put("HOTLINE_NOTIFICATION_RETRY_MAX", "10s");
        containers.put(Part.NOTIFICATION, service(Part.NOTIFICATION,
                "notification-service/target/notification-service-" + version + ".jar",
                "/actuator/health/liveness", notification));

        containers.get(Part.KAFKA).start();
        awaitKafka();
        createTopics();
        containers.get(Part.MAIL).start();
        awaitHealthy(Part.MAIL);
        for (Part part : List.of(Part.INTAKE, Part.ROUTING, Part.NOTIFICATION)) {
            containers.get(part).start();
        }
        for (Part part : List.of(Part.INTAKE, Part.ROUTING, Part.NOTIFICATION)) {
            awaitHealthy(part);
        }
        log.info("system up in {} s on {}", (System.nanoTime() - started) / 1_000_000_000, baseImage);
    }

    private GenericContainer<?> kafka() {
        ImageFromDockerfile image = new ImageFromDockerfile("hotline/kafka:system-test", false)
                .withDockerfilePath("deploy/docker/kafka/Dockerfile")
                .withFileFromPath("deploy/docker/kafka", root.resolve("deploy/docker/kafka"))
                .withFileFromPath("deploy/local-kafka/target/kafka-libs",
                        root.resolve("deploy/local-kafka/target/kafka-libs"))
                .withFileFromPath("deploy/local-kafka/log4j2.properties",
                        root.resolve("deploy/local-kafka/log4j2.properties"))
                .withFileFromPath("deploy/compose/create-topics.sh", root.resolve("deploy/compose/create-topics.sh"))
                .withBuildArg("BASE_IMAGE", baseImage);
        int external = kafkaHostPort;
        return new GenericContainer<>(image)
                .withNetwork(network)
                .withNetworkAliases(KAFKA_ALIAS)
                .withEnv("KAFKA_LISTENERS", "INTERNAL://:9092,EXTERNAL://:" + external + ",CONTROLLER://:9093")
                .withEnv("KAFKA_ADVERTISED_LISTENERS",
                        "INTERNAL://" + KAFKA_ALIAS + ":9092,EXTERNAL://localhost:" + external)
                .withEnv("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                        "INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .withEnv("KAFKA_INTER_BROKER_LISTENER_NAME", "INTERNAL")
                .withCreateContainerCmdModifier(cmd -> {
                    // The image's health check starts a JVM every 5 s; the tests ask the broker themselves.
                    cmd.withHealthcheck(new HealthCheck().withTest(List.of("NONE")));
                    cmd.withName(containerName(Part.KAFKA)).withExposedPorts(new ExposedPort(external));
                    cmd.getHostConfig().withPortBindings(binding(external, external));
                });
    }

    private GenericContainer<?> service(Part part, String jar, String healthPath, Map<String, String> env) {
        ImageFromDockerfile image = new ImageFromDockerfile("hotline/" + part.containerName() + ":system-test",
                false)
                .withDockerfilePath("deploy/docker/Dockerfile")
                .withFileFromPath("deploy/docker/Dockerfile", root.resolve("deploy/docker/Dockerfile"))
                .withFileFromPath(jar, root.resolve(jar))
                .withBuildArg("BASE_IMAGE", baseImage)
                .withBuildArg("JAR", jar)
                .withBuildArg("MANAGEMENT_PORT", String.valueOf(part.managementPort))
                .withBuildArg("HEALTH_PATH", healthPath);
        int app = freePort();
        int management = part.appPort == part.managementPort ? app : freePort();
        hostPorts.put(part, app);
        hostManagementPorts.put(part, management);
        List<PortBinding> bindings = new ArrayList<>(List.of(binding(app, part.appPort)));
        if (management != app) {
            bindings.add(binding(management, part.managementPort));
        }
        return new GenericContainer<>(image)
                .withNetwork(network)
                .withNetworkAliases(part == Part.MAIL ? MAIL_ALIAS : part.containerName())
                .withEnv(env)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName(containerName(part)).withExposedPorts(bindings.stream()
                            .map(PortBinding::getExposedPort).toList());
                    cmd.getHostConfig().withPortBindings(bindings)
                            .withMemory(part == Part.MAIL ? MAIL_MEMORY : SERVICE_MEMORY);
                });
    }

    private String containerName(Part part) {
        return "hotline-" + part.containerName() + "-" + kafkaHostPort;
    }

    private static PortBinding binding(int hostPort, int containerPort) {
        return new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(containerPort));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrapServers() {
        return "localhost:" + kafkaHostPort;
    }

    URI intake() {
        return URI.create("http://localhost:" + hostPorts.get(Part.INTAKE));
    }

    URI mailbox() {
        return URI.create("http://localhost:" + hostPorts.get(Part.MAIL));
    }

    URI management(Part part) {
        return URI.create("http://localhost:" + hostManagementPorts.get(part));
    }

    /** SIGKILL: no shutdown hook, no graceful anything; the container and its disk stay. */
    void kill(Part part) {
        log.info("SIGKILL {}", part);
        docker.killContainerCmd(id(part)).withSignal("KILL").exec();
        awaitStopped(part);
    }

    /** SIGTERM, then SIGKILL after 60 s as Docker and Kubernetes do; returns once the process has exited. */
    void stopGracefully(Part part) {
        log.info("SIGTERM {}", part);
        docker.stopContainerCmd(id(part)).withTimeout(60).exec();
        awaitStopped(part);
    }

    /** Starts the same container again (its disk as it was) and waits until it is healthy. */
    void restart(Part part) {
        log.info("starting {} again", part);
        docker.startContainerCmd(id(part)).exec();
        if (part == Part.KAFKA) {
            awaitKafka();
        } else {
            awaitHealthy(part);
        }
    }

    /** Freezes every process of the container: connections to it hang, as to a host that went away. */
    void pause(Part part) {
        log.info("pausing {}", part);
        docker.pauseContainerCmd(id(part)).exec();
    }

    void unpause(Part part) {
        log.info("unpausing {}", part);
        docker.unpauseContainerCmd(id(part)).exec();
    }

    boolean running(Part part) {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(id(part)).exec().getState().getRunning());
    }

    /** The resident set size of the service's JVM (PID 1 in its container), in bytes. */
    long residentBytes(Part part) {
        String status = exec(part, "cat", "/proc/1/status");
        return status.lines().filter(line -> line.startsWith("VmRSS:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                .orElseThrow(() -> new IllegalStateException("no VmRSS in /proc/1/status of " + part));
    }

    /** Runs a command in a part's container and returns its standard output; fails unless it exits with 0. */
    String exec(Part part, String... command) {
        try {
            Container.ExecResult result = containers.get(part).execInContainer(command);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " in " + part + " exited with "
                        + result.getExitCode() + ": " + result.getStderr());
            }
            return result.getStdout();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything the part has printed since its container was created, across restarts. */
    String logs(Part part) {
        return containers.get(part).getLogs();
    }

    Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(properties);
    }

    private String id(Part part) {
        return containers.get(part).getContainerId();
    }

    private void awaitStopped(Part part) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> !running(part));
    }

    private void awaitKafka() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    try (Admin admin = admin()) {
                        return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()
                                && admin.describeCluster().controller().get(5, TimeUnit.SECONDS) != null;
                    }
                });
    }

    private void createTopics() {
        String listed = exec(Part.KAFKA, "bash", "/opt/kafka/bin/create-topics.sh", "localhost:9092", "1", "1");
        log.info("topics: {}", listed.replace('\n', ' '));
    }

    private void awaitHealthy(Part part) {
        URI health = management(part).resolve(part == Part.MAIL ? "/health" : "/actuator/health/readiness");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    if (!running(part)) {
                        throw new IllegalStateException(part + " exited:\n" + tail(logs(part)));
                    }
                    return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    private static String tail(String logs) {
        return logs.length() <= 4000 ? logs : logs.substring(logs.length() - 4000);
    }

    /** Polls a health endpoint once: 200 or not. */
    int healthStatus(Part part, String path) {
        try {
            return http.send(HttpRequest.newBuilder(management(part).resolve(path)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Keeps every container's log in target/system-test-logs, then removes the containers and the network. */
    @Override
    public void close() {
        try {
            Files.createDirectories(logFolder);
        } catch (IOException e) {
            log.warn("cannot keep the container logs: {}", e.toString());
        }
        for (Map.Entry<Part, GenericContainer<?>> entry : containers.entrySet()) {
            GenericContainer<?> container = entry.getValue();
            try {
                if (container.getContainerId() != null) {
                    Files.writeString(logFolder.resolve(entry.getKey().containerName() + ".log"), container.getLogs(),
                            StandardCharsets.UTF_8);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("no log kept for {}: {}", entry.getKey(), e.toString());
            }
            try {
                container.stop();
            } catch (RuntimeException e) {
                log.warn("{} could not be removed: {}", entry.getKey(), e.toString());
            }
        }
        try {
            network.close();
        } catch (RuntimeException e) {
            log.warn("the network could not be removed: {}", e.toString());
        }
    }

    /** Keeps a fault in place for a while: not a wait for a condition, the length of the fault itself. */
    static void hold(Duration fault) {
        try {
            TimeUnit.MILLISECONDS.sleep(fault.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
