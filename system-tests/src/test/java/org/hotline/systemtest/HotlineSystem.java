package org.hotline.systemtest;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.InternalServerErrorException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.MountableFile;

/**
 * The hotline as it is deployed: a Kafka broker, the mail catcher as the SMTP server, and two instances of each of
 * the four services sharing the same topics (as an orchestrator scales them out), each in its own container on
 * one private Docker network, built from the project's own Dockerfiles on {@code hotline.base-image}. Every port
 * the tests use is bound to a fixed free host port, so a container killed and started again (the same container,
 * with its disk) is found where it was.
 */
final class HotlineSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HotlineSystem.class);
    private static final Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final String KAFKA_ALIAS = "kafka";
    private static final String MAIL_ALIAS = "mail-catcher";
    private static final long SERVICE_MEMORY = 768L * 1024 * 1024;
    private static final int SMTP_PORT = 2525;
    /** How many instances of each service run side by side (2 unless {@code -Dhotline.service-instances}). */
    static final int SERVICE_INSTANCES = Integer.getInteger("hotline.service-instances", 2);

    /** The parts of the system, with the ports the tests reach from the host and how many copies run. */
    enum Part {
        KAFKA(-1, -1, 1),
        MAIL(8025, 8025, 1),
        INTAKE(8080, 8081, SERVICE_INSTANCES),
        ROUTING(8082, 8083, SERVICE_INSTANCES),
        NOTIFICATION(8084, 8085, SERVICE_INSTANCES),
        CASE(8086, 8087, SERVICE_INSTANCES);

        static final List<Part> SERVICES = List.of(INTAKE, ROUTING, NOTIFICATION, CASE);

        final int appPort;
        final int managementPort;
        final int instances;

        Part(int appPort, int managementPort, int instances) {
            this.appPort = appPort;
            this.managementPort = managementPort;
            this.instances = instances;
        }

        String containerName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Instance {@code number} (from 1). */
        Instance instance(int number) {
            if (number < 1 || number > instances) {
                throw new IllegalArgumentException(this + " has " + instances + " instance(s), not " + number);
            }
            return new Instance(this, number);
        }

        /** The one instance of a part that is not scaled out (the broker, the mail catcher). */
        Instance single() {
            if (instances != 1) {
                throw new IllegalStateException(this + " runs " + instances + " instances: name one");
            }
            return new Instance(this, 1);
        }

        List<Instance> all() {
            return IntStream.rangeClosed(1, instances).mapToObj(number -> new Instance(this, number)).toList();
        }
    }

    /** One running copy of a part, {@code intake-1}, {@code intake-2}...; the broker and the mail catcher are one. */
    record Instance(Part part, int number) {

        String name() {
            return part.instances == 1 ? part.containerName() : part.containerName() + "-" + number;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /**
     * @param serviceEnv environment added to the containers of each part named (the benchmarks set the JVMs' heaps)
     * @param mailMemoryMiB the mail catcher's memory limit: it keeps the listing of every message in memory
     * @param secured the services on a {@link SecuredCluster} (three brokers, SASL_SSL, ACLs), each with its own
     *     Kafka user, instead of on one PLAINTEXT broker
     */
    record Settings(Map<Part, Map<String, String>> serviceEnv, long mailMemoryMiB, boolean secured) {

        Settings(Map<Part, Map<String, String>> serviceEnv, long mailMemoryMiB) {
            this(serviceEnv, mailMemoryMiB, false);
        }

        static Settings defaults() {
            return new Settings(Map.of(), 2048);
        }

        /** The defaults on a secured cluster. */
        static Settings onSecuredCluster() {
            return new Settings(Map.of(), 2048, true);
        }

        /** Every service's heap but the case service's on the local stack (deploy/local/run.sh): the benchmarks'. */
        static final String LOCAL_STACK_HEAP = "384m";

        /** The case service's heap on the local stack; its state is in RocksDB, outside the heap. */
        static final String LOCAL_STACK_CASE_HEAP = "192m";

        /**
         * The benchmarks' services. Their heaps are the local stack's (deploy/local/run.sh): {@code -Xmx} through
         * JAVA_TOOL_OPTIONS, with the image's {@code -XX:+ExitOnOutOfMemoryError}; an empty heap keeps the image's
         * default, 75 % of the container's limit. The case service's silence check runs at production's interval
         * instead of the dev profile's 10 s: the dev profile checks that often so that a developer can watch deadlines
         * pass, and each pass reads and decodes every case file of the instance's partitions, so with the tens of
         * thousands of files of a burst it took about a third of the case service's CPU (profiled on the local
         * stack), beside the stages being measured. Production checks every 5 minutes
         * ({@code hotline.cases.escalation.check-interval}), whole days being the deadlines' unit.
         *
         * @param heap every service's but the case service's
         * @param caseHeap the case service's, whose state is in RocksDB, outside the heap
         * @param silenceCheck the case service's {@code check-interval}; empty keeps the dev profile's
         */
        static Map<Part, Map<String, String>> benchmarked(String heap, String caseHeap, String silenceCheck) {
            Map<Part, Map<String, String>> env = new HashMap<>();
            for (Part part : Part.SERVICES) {
                String partHeap = part == Part.CASE ? caseHeap : heap;
                Map<String, String> partEnv = new HashMap<>();
                if (!partHeap.isEmpty()) {
                    partEnv.put("JAVA_TOOL_OPTIONS", "-Xmx" + partHeap + " -XX:+ExitOnOutOfMemoryError");
                }
                env.put(part, partEnv);
            }
            if (!silenceCheck.isEmpty()) {
                env.get(Part.CASE).put("HOTLINE_CASES_ESCALATION_CHECKINTERVAL", silenceCheck);
            }
            return env;
        }
    }

    private final Path root = Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();
    private final String version = System.getProperty("hotline.version", "0.1.0-SNAPSHOT");
    private final String baseImage = System.getProperty("hotline.base-image", "eclipse-temurin:17-jre");
    /** The tag of the images built here: another checkout's tests on the same Docker engine may use another. */
    private final String imageTag = System.getProperty("hotline.image-tag", "system-test");
    private final Path logFolder = Path.of(System.getProperty("hotline.logs", "target/system-test-logs"));
    private final Network network = Network.newNetwork();
    private final Map<Instance, GenericContainer<?>> containers = new LinkedHashMap<>();
    private final Map<Instance, Integer> hostPorts = new HashMap<>();
    private final Map<Instance, Integer> hostManagementPorts = new HashMap<>();
    private final int smtpHostPort = freePort();
    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final DockerClient docker = DockerClientFactory.instance().client();
    private final int kafkaHostPort = freePort();
    private @Nullable SecuredCluster cluster;

    private HotlineSystem(Settings settings) {
        this.settings = settings;
    }

    /** Builds the images (Docker's layer cache makes a rebuild cheap) and starts everything, healthy. */
    static HotlineSystem start() {
        return start(Settings.defaults());
    }

    static HotlineSystem start(Settings settings) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            // A newcomer's verify runs everything else (./test.sh starts a Docker engine where it can); in CI the
            // system tests may not be skipped.
            String message = "no Docker engine answers (docker info); ./test.sh installs and starts one as root, "
                    + "or leave the system tests out with -DskipSystemTests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort("skipped: " + message);
        }
        HotlineSystem system = new HotlineSystem(settings);
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
        if (settings.secured()) {
            cluster = SecuredCluster.start(root, baseImage, imageTag, network);
        } else {
            containers.put(Part.KAFKA.single(), kafka());
        }
        ImageFromDockerfile mailImage = image(Part.MAIL, "deploy/mail-catcher/target/mail-catcher-" + version + ".jar",
                "/health");
        containers.put(Part.MAIL.single(), service(Part.MAIL.single(), mailImage,
                Map.of("MAIL_CATCHER_HOST", "0.0.0.0", "MAIL_CATCHER_DIR", "/tmp/mail")));
        Map<String, String> kafkaClient = new HashMap<>();
        kafkaClient.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA_ALIAS + ":9092");
        kafkaClient.put("SPRING_PROFILES_ACTIVE", "dev");
        // The consumer groups' lag measured every 2 s, not 15: AlertsIT's Prometheus runs the rules 60 times faster.
        kafkaClient.put("HOTLINE_KAFKA_LAGINTERVAL", "2s");
        Map<String, String> notification = new HashMap<>(kafkaClient);
        notification.put("SMTP_HOST", MAIL_ALIAS);
        notification.put("SMTP_PORT", String.valueOf(SMTP_PORT));
        // Production waits up to 10 minutes between attempts; an outage of a minute would then cost the test
        // up to ten more. The back-off logic is the same, only its ceiling is lower.
        notification.put("HOTLINE_NOTIFICATION_RETRY_MAX", "10s");
        Map<String, String> intake = new HashMap<>(kafkaClient);
        // The load comes from this one JVM, one address: the intake's per-client limit would refuse nearly all of it.
        intake.put("HOTLINE_INTAKE_RATELIMIT_ENABLED", "false");
        // From one address nearly every complaint would travel in the bulk lane, on one partition of six; the flood
        // benchmark turns the lanes on, with a client address per X-Forwarded-For.
        intake.putIfAbsent("HOTLINE_INTAKE_LANES_ENABLED", "false");
        // The links in the bodies' emails and on the complainant's receipt open the first case instance, as a
        // deployment's public address would open the case service: the tests follow them in a browser.
        String casePages = "http://localhost:" + hostPorts.computeIfAbsent(Part.CASE.instance(1), any -> freePort());
        notification.put("HOTLINE_NOTIFICATION_ACKNOWLEDGEMENTLINKS_BASEURL", casePages);
        intake.put("HOTLINE_INTAKE_PAGE_STATUSPAGEURL", casePages + "/status");
        Map<String, String> cases = new HashMap<>(kafkaClient);
        // The dev profile's simulated clock, moved by the tests on each instance's management port.
        cases.put("HOTLINE_CASES_DEVCLOCK_OFFSET", "0s");
        Map<Part, Map<String, String>> env = new HashMap<>(Map.of(Part.INTAKE, intake, Part.ROUTING, kafkaClient,
                Part.NOTIFICATION, notification, Part.CASE, cases));
        settings.serviceEnv().forEach((part, partEnv) -> env.get(part).putAll(partEnv));
        SecuredCluster secured = cluster;
        if (secured != null) {
            env.replaceAll((part, partEnv) -> securedEnvironment(secured, part, partEnv));
        }
        for (Part part : Part.SERVICES) {
            ImageFromDockerfile image = image(part, part.containerName() + "-service/target/" + part.containerName()
                    + "-service-" + version + ".jar", "/actuator/health/liveness");
            for (Instance instance : part.all()) {
                containers.put(instance, service(instance, image, env.get(part)));
            }
        }

        if (cluster == null) {
            containers.get(Part.KAFKA.single()).start();
            awaitKafka();
            createTopics();
        }
        containers.get(Part.MAIL.single()).start();
        awaitHealthy(Part.MAIL.single());
        long servicesStarted = System.nanoTime();
        List<Instance> services = services();
        for (Instance instance : services) {
            containers.get(instance).start();
        }
        for (Instance instance : services) {
            awaitHealthy(instance);
        }
        log.info("system up in {} s on {} ({} service instances healthy {} s after the first was started)",
                (System.nanoTime() - started) / 1_000_000_000, baseImage, services.size(),
                (System.nanoTime() - servicesStarted) / 1_000_000_000);
    }

    /**
     * A service's environment on the secured cluster: its own Kafka user over SASL_SSL, as the production overlay
     * sets it, and the replication the Kubernetes manifests give the topics a service creates (Kafka Streams'
     * changelogs; the others exist already).
     */
    private static Map<String, String> securedEnvironment(SecuredCluster cluster, Part part, Map<String, String> env) {
        Map<String, String> secured = new HashMap<>(env);
        secured.putAll(cluster.serviceEnvironment(part.containerName() + "-service"));
        secured.put("HOTLINE_TOPIC_REPLICATION_FACTOR", "3");
        secured.put("HOTLINE_INTAKE_TOPICS_REPLICATIONFACTOR", "3");
        secured.put("HOTLINE_INTAKE_TOPICS_MININSYNCREPLICAS", "2");
        secured.put("HOTLINE_NOTIFICATION_TOPICS_REPLICATIONFACTOR", "3");
        return secured;
    }

    /** The secured cluster the services run on, when they do ({@link Settings#secured}). */
    SecuredCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the system runs on one PLAINTEXT broker, not a secured cluster");
        }
        return cluster;
    }

    /** Every instance of the three services. */
    List<Instance> services() {
        return Part.SERVICES.stream().flatMap(part -> part.all().stream()).toList();
    }

    private GenericContainer<?> kafka() {
        ImageFromDockerfile image = new ImageFromDockerfile("hotline/kafka:" + imageTag, false)
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
                    cmd.withName(containerName(Part.KAFKA.single())).withExposedPorts(new ExposedPort(external));
                    cmd.getHostConfig().withPortBindings(binding(external, external));
                });
    }

    /** One image per part, shared by its instances (built once). */
    private ImageFromDockerfile image(Part part, String jar, String healthPath) {
        return new ImageFromDockerfile("hotline/" + part.containerName() + ":" + imageTag, false)
                .withDockerfilePath("deploy/docker/Dockerfile")
                .withFileFromPath("deploy/docker/Dockerfile", root.resolve("deploy/docker/Dockerfile"))
                .withFileFromPath(jar, root.resolve(jar))
                .withBuildArg("BASE_IMAGE", baseImage)
                .withBuildArg("JAR", jar)
                .withBuildArg("MANAGEMENT_PORT", String.valueOf(part.managementPort))
                .withBuildArg("HEALTH_PATH", healthPath);
    }

    private GenericContainer<?> service(Instance instance, ImageFromDockerfile image, Map<String, String> env) {
        Part part = instance.part();
        int app = hostPorts.computeIfAbsent(instance, any -> freePort());
        int management = part.appPort == part.managementPort ? app : freePort();
        hostManagementPorts.put(instance, management);
        List<PortBinding> bindings = new ArrayList<>(List.of(binding(app, part.appPort)));
        if (management != app) {
            bindings.add(binding(management, part.managementPort));
        }
        if (part == Part.MAIL) {
            // The benchmark's plain Jakarta Mail baseline sends to the same SMTP server from the test JVM.
            bindings.add(binding(smtpHostPort, SMTP_PORT));
        }
        GenericContainer<?> container = new GenericContainer<>(image);
        if (part != Part.MAIL) {
            // The dev profile's keys and accounts are not in the images: they are public, and live beside the local
            // stack. Spring Boot reads ./config/ of the working directory (/app).
            container.withCopyFileToContainer(MountableFile.forHostPath(root.resolve("deploy/dev-config/"
                    + part.containerName() + "-service/application-dev.yml"), 0644), "/app/config/application-dev.yml");
        }
        return container
                .withNetwork(network)
                .withNetworkAliases(part == Part.MAIL ? MAIL_ALIAS : instance.name())
                .withEnv(env)
                // Started all at once, then each awaited on its readiness probe (awaitHealthy), not one by one.
                .waitingFor(new AbstractWaitStrategy() {
                    @Override
                    protected void waitUntilReady() {
                    }
                })
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName(containerName(instance)).withExposedPorts(bindings.stream()
                            .map(PortBinding::getExposedPort).toList());
                    cmd.getHostConfig().withPortBindings(bindings)
                            .withMemory(part == Part.MAIL ? settings.mailMemoryMiB() * 1024 * 1024 : SERVICE_MEMORY);
                });
    }

    private String containerName(Instance instance) {
        return "hotline-" + instance.name() + "-" + kafkaHostPort;
    }

    private static PortBinding binding(int hostPort, int containerPort) {
        return new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(containerPort));
    }

    /**
     * A port free now and not handed out before: Docker binds a container's ports only when it starts, so the kernel
     * may offer a port again before then ("Bind for 0.0.0.0:34581 failed: port is already allocated").
     */
    static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    String bootstrapServers() {
        return cluster != null ? cluster.externalBootstrap() : "localhost:" + kafkaHostPort;
    }

    /**
     * What a client in this JVM needs to read every topic: the brokers and, on the secured cluster, the super user's
     * login (the tests' own look at the topics; no service has it).
     */
    Map<String, Object> clientSettings() {
        return cluster != null ? cluster.clientSettings(SecuredCluster.ADMIN)
                : Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** Every intake instance's API, for clients that spread their requests over them. */
    List<URI> intakes() {
        return Part.INTAKE.all().stream().map(instance -> URI.create("http://localhost:" + hostPorts.get(instance)))
                .toList();
    }

    /** The repository the images and configuration come from. */
    Path root() {
        return root;
    }

    /** The instance's own API port (the case service's caseworker endpoint, for example). */
    URI api(Instance instance) {
        return URI.create("http://localhost:" + hostPorts.get(instance));
    }

    URI mailbox() {
        return URI.create("http://localhost:" + hostPorts.get(Part.MAIL.single()));
    }

    /** The mail catcher's SMTP port on the host. */
    int smtpPort() {
        return smtpHostPort;
    }

    URI management(Instance instance) {
        return URI.create("http://localhost:" + hostManagementPorts.get(instance));
    }

    /** A request to the instance's management port with the dev profile's scraper account (dev-ops). */
    private HttpRequest.Builder asOps(Instance instance, String path) {
        return HttpRequest.newBuilder(management(instance).resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "dev-ops:dev-ops-password".getBytes(StandardCharsets.UTF_8)));
    }

    /** The instance's Prometheus page, read with the dev profile's scraper account. */
    String prometheus(Instance instance) {
        HttpRequest request = asOps(instance, "/actuator/prometheus").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the metrics of " + instance + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Moves a case instance's simulated clock (the dev profile's, docs/case.md) forward by {@code by} (e.g.
     * {@code 40d}) and returns its offset now. Each instance has its own; a restarted one starts again at none.
     */
    String advanceClock(Instance instance, String by) {
        if (instance.part() != Part.CASE) {
            throw new IllegalArgumentException(instance + " has no simulated clock");
        }
        HttpRequest request = asOps(instance, "/actuator/devclock")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"" + by + "\"}")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moving the clock of " + instance + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            log.info("clock of {} moved by {}: {}", instance, by, response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful anything; the container and its disk stay. */
    void kill(Instance instance) {
        log.info("SIGKILL {}", instance);
        docker.killContainerCmd(id(instance)).withSignal("KILL").exec();
        awaitStopped(instance);
    }

    /** SIGTERM, then SIGKILL after 60 s as Docker and Kubernetes do; returns once the process has exited. */
    void stopGracefully(Instance instance) {
        log.info("SIGTERM {}", instance);
        docker.stopContainerCmd(id(instance)).withTimeout(60).exec();
        awaitStopped(instance);
    }

    /** Starts the same container again (its disk as it was) and waits until it is healthy. */
    void restart(Instance instance) {
        log.info("starting {} again", instance);
        docker.startContainerCmd(id(instance)).exec();
        if (instance.part() == Part.KAFKA) {
            awaitKafka();
        } else {
            awaitHealthy(instance);
        }
    }

    /** Starts the same containers again, side by side, and waits until every one is healthy. */
    void restartAll(List<Instance> instances) {
        log.info("starting {} again", instances);
        instances.forEach(instance -> docker.startContainerCmd(id(instance)).exec());
        instances.forEach(this::awaitHealthy);
    }

    /**
     * Freezes every process of the container: connections to it hang, as to a host that went away. The kernel's
     * freezer can miss runc's deadline on a loaded machine ("OCI runtime pause failed: unable to freeze"; runc
     * thaws the container again), so a failed freeze is tried again a few times.
     */
    void pause(Instance instance) {
        log.info("pausing {}", instance);
        for (int attempt = 1; ; attempt++) {
            try {
                docker.pauseContainerCmd(id(instance)).exec();
                return;
            } catch (InternalServerErrorException e) {
                if (attempt == 10 || !String.valueOf(e.getMessage()).contains("unable to freeze")) {
                    throw e;
                }
                log.warn("pausing {} failed (attempt {}), trying again: {}", instance, attempt, e.getMessage());
                hold(Duration.ofMillis(500));
            }
        }
    }

    void unpause(Instance instance) {
        log.info("unpausing {}", instance);
        docker.unpauseContainerCmd(id(instance)).exec();
    }

    boolean running(Instance instance) {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(id(instance)).exec().getState().getRunning());
    }

    /**
     * When the container's process was last started, and whether the kernel ever OOM-killed it: a service that
     * crashed or was restarted behind the test's back shows here.
     */
    String startedAt(Instance instance) {
        return docker.inspectContainerCmd(id(instance)).exec().getState().getStartedAt();
    }

    boolean oomKilled(Instance instance) {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(id(instance)).exec().getState().getOOMKilled());
    }

    /**
     * The resident set size of the service's JVM (PID 1 in its container), in bytes. Read from the host's /proc
     * where the engine runs on this machine (free); otherwise with an exec in the container, which costs a process
     * start on every sample.
     */
    long residentBytes(Instance instance) {
        Long hostPid = docker.inspectContainerCmd(id(instance)).exec().getState().getPidLong();
        Path hostStatus = Path.of("/proc", String.valueOf(hostPid), "status");
        String status;
        try {
            status = hostPid != null && hostPid > 0 && Files.isReadable(hostStatus) ? Files.readString(hostStatus)
                    : exec(instance, "cat", "/proc/1/status");
        } catch (IOException e) {
            status = exec(instance, "cat", "/proc/1/status");
        }
        return status.lines().filter(line -> line.startsWith("VmRSS:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                .orElseThrow(() -> new IllegalStateException("no VmRSS in /proc/1/status of " + instance));
    }

    /**
     * The CPU time the process of an instance (PID 1 of its container: the JVM, or the broker) has used so far, with
     * that process's host PID, so that a caller sees a restart; empty where the host's /proc does not show it.
     */
    java.util.Optional<CpuTime> cpuTime(Instance instance) {
        Long hostPid = docker.inspectContainerCmd(id(instance)).exec().getState().getPidLong();
        if (hostPid == null || hostPid <= 0) {
            return java.util.Optional.empty();
        }
        try {
            Path process = Path.of("/proc", String.valueOf(hostPid));
            return java.util.Optional.of(new CpuTime(hostPid, CpuTime.ticks(Files.readString(process.resolve("stat"))),
                    CpuTime.compilerTicks(process.resolve("task"))));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * User and system time of one process, in clock ticks (1/100 s on Linux), and the part of it its JVM's JIT
     * compiler threads used (0 for a process that is not a JVM).
     */
    record CpuTime(long pid, long ticks, long compilerTicks) {

        static final double TICKS_PER_SECOND = 100.0;

        /** The ticks used since {@code earlier}; all of them when there was none or the process was restarted. */
        long ticksSince(@Nullable CpuTime earlier) {
            return earlier == null || earlier.pid != pid ? ticks : ticks - earlier.ticks;
        }

        /** The same, of the JIT compiler threads. */
        long compilerTicksSince(@Nullable CpuTime earlier) {
            return earlier == null || earlier.pid != pid ? compilerTicks : compilerTicks - earlier.compilerTicks;
        }

        /** The threads of a HotSpot JVM's JIT compilers are named "C1 CompilerThread0", "C2 CompilerThread0"…. */
        static long compilerTicks(Path tasks) throws IOException {
            long ticks = 0;
            try (java.util.stream.Stream<Path> threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(thread.resolve("stat"));
                    } catch (IOException e) {
                        continue; // the thread ended since the listing
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        ticks += ticks(stat);
                    }
                }
            }
            return ticks;
        }

        /** utime and stime, the 14th and 15th fields of /proc/&lt;pid&gt;/stat (counted after the command's ")"). */
        static long ticks(String stat) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
    }

    /** Runs a command in a part's container and returns its standard output; fails unless it exits with 0. */
    String exec(Instance instance, String... command) {
        try {
            Container.ExecResult result = containers.get(instance).execInContainer(command);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " in " + instance + " exited with "
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
    String logs(Instance instance) {
        return containers.get(instance).getLogs();
    }

    Admin admin() {
        if (cluster != null) {
            return cluster.admin();
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(properties);
    }

    private String id(Instance instance) {
        return containers.get(instance).getContainerId();
    }

    private void awaitStopped(Instance instance) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> !running(instance));
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
        String listed = exec(Part.KAFKA.single(), "bash", "/opt/kafka/bin/create-topics.sh", "localhost:9092", "1",
                "1");
        log.info("topics: {}", listed.replace('\n', ' '));
    }

    private void awaitHealthy(Instance instance) {
        URI health = management(instance).resolve(instance.part() == Part.MAIL ? "/health"
                : "/actuator/health/readiness");
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    if (!running(instance)) {
                        throw new IllegalStateException(instance + " exited:\n" + tail(logs(instance)));
                    }
                    return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    private static String tail(String logs) {
        return logs.length() <= 4000 ? logs : logs.substring(logs.length() - 4000);
    }

    /** Polls a health endpoint once: 200 or not. */
    int healthStatus(Instance instance, String path) {
        try {
            return http.send(HttpRequest.newBuilder(management(instance).resolve(path)).timeout(Duration.ofSeconds(5))
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
        for (Map.Entry<Instance, GenericContainer<?>> entry : containers.entrySet()) {
            GenericContainer<?> container = entry.getValue();
            try {
                if (container.getContainerId() != null) {
                    Files.writeString(logFolder.resolve(entry.getKey().name() + ".log"), container.getLogs(),
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
        if (cluster != null) {
            cluster.close(logFolder);
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
