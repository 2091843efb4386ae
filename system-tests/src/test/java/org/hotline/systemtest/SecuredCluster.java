package org.hotline.systemtest;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;

/**
 * A Kafka cluster shaped like production (docs/kafka-production.md): three KRaft nodes, each broker and controller,
 * on one Docker network; replication factor 3 and min ISR 2 for every topic, the offsets and the transaction log;
 * every listener SASL_SSL (SCRAM-SHA-512 for clients and between brokers, PLAIN between brokers and controllers,
 * since the controllers must authenticate the brokers before any SCRAM credential is in the metadata they serve);
 * Kafka's StandardAuthorizer with {@code allow.everyone.if.no.acl.found=false} and one super user, {@code admin},
 * used only between the nodes and by the tests' own look at the topics. Each service and the integrator has a SCRAM
 * user of its own with the rights of deploy/kafka/acls.txt, granted through the Admin API.
 *
 * <p>The TLS material is made at test time with the JDK's keytool: a CA, one certificate for the three brokers
 * (their container names and {@code localhost} as subject alternative names), a trust store.
 */
final class SecuredCluster implements AutoCloseable {

    /** The principal the nodes use between themselves, and the only super user. */
    static final String ADMIN = "admin";
    static final String INTEGRATOR = "integrator";
    static final List<String> SERVICES = List.of("intake-service", "routing-service", "notification-service",
            "case-service");
    static final int BROKERS = 3;

    private static final Logger log = LoggerFactory.getLogger(SecuredCluster.class);
    private static final String SECRETS = "/opt/kafka/secrets/";
    private static final int INTERNAL_PORT = 9092;
    private static final int CONTROLLER_PORT = 9093;

    private final Path root;
    private final String baseImage;
    private final String imageTag;
    private final Network network;
    private final String clusterId = Uuid.randomUuid().toString();
    private final String storePassword = secret();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<Integer, GenericContainer<?>> brokers = new LinkedHashMap<>();
    private final Map<Integer, Integer> hostPorts = new HashMap<>();
    private final DockerClient docker = DockerClientFactory.instance().client();
    private final Path tls;
    private final String caPem;

    private SecuredCluster(Path root, String baseImage, String imageTag, Network network) {
        this.root = root;
        this.baseImage = baseImage;
        this.imageTag = imageTag;
        this.network = network;
        passwords.put(ADMIN, secret());
        SERVICES.forEach(service -> passwords.put(service, secret()));
        passwords.put(INTEGRATOR, secret());
        try {
            this.tls = Files.createTempDirectory("hotline-tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.caPem = makeCertificates();
    }

    /**
     * Starts the three nodes on {@code network}, creates the topics with deploy/compose/create-topics.sh (3
     * replicas, min ISR 2), the users, and the ACLs of deploy/kafka/acls.txt.
     */
    static SecuredCluster start(Path root, String baseImage, String imageTag, Network network) {
        SecuredCluster cluster = new SecuredCluster(root, baseImage, imageTag, network);
        try {
            cluster.startAll();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startAll() {
        long started = System.nanoTime();
        ImageFromDockerfile image = new ImageFromDockerfile("hotline/kafka:" + imageTag, false)
                .withDockerfilePath("deploy/docker/kafka/Dockerfile")
                .withFileFromPath("deploy/docker/kafka", root.resolve("deploy/docker/kafka"))
                .withFileFromPath("deploy/local-kafka/target/kafka-libs",
                        root.resolve("deploy/local-kafka/target/kafka-libs"))
                .withFileFromPath("deploy/local-kafka/log4j2.properties",
                        root.resolve("deploy/local-kafka/log4j2.properties"))
                .withFileFromPath("deploy/compose/create-topics.sh", root.resolve("deploy/compose/create-topics.sh"))
                .withBuildArg("BASE_IMAGE", baseImage);
        IntStream.rangeClosed(1, BROKERS).forEach(node -> hostPorts.put(node, HotlineSystem.freePort()));
        for (int node = 1; node <= BROKERS; node++) {
            brokers.put(node, broker(image, node));
        }
        // Started side by side: a controller quorum of three needs two of them before any answers.
        CompletableFuture.allOf(brokers.values().stream().map(broker -> CompletableFuture.runAsync(broker::start))
                .toArray(CompletableFuture[]::new)).join();
        awaitBrokers(BROKERS);
        String topics = exec(1, "bash", "/opt/kafka/bin/create-topics.sh", "broker-1:" + INTERNAL_PORT, "3", "2",
                SECRETS + "admin.properties");
        log.info("topics: {}", topics.replace('\n', ' '));
        try (Admin admin = admin()) {
            List<UserScramCredentialAlteration> users = passwords.entrySet().stream()
                    .filter(user -> !ADMIN.equals(user.getKey()))
                    .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.getKey(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), user.getValue()))
                    .toList();
            admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
            List<AclBinding> acls = acls(root.resolve("deploy/kafka/acls.txt"));
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            log.info("{} users and {} ACLs (deploy/kafka/acls.txt) created", users.size(), acls.size());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the users and ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        log.info("secured cluster of {} nodes up in {} s", BROKERS, (System.nanoTime() - started) / 1_000_000_000);
    }

    private GenericContainer<?> broker(ImageFromDockerfile image, int node) {
        int external = hostPorts.get(node);
        String admin = passwords.get(ADMIN);
        String voters = IntStream.rangeClosed(1, BROKERS).mapToObj(n -> n + "@broker-" + n + ":" + CONTROLLER_PORT)
                .collect(Collectors.joining(","));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CLUSTER_ID", clusterId);
        env.put("KAFKA_NODE_ID", String.valueOf(node));
        env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", voters);
        env.put("KAFKA_LISTENERS", "INTERNAL://:" + INTERNAL_PORT + ",EXTERNAL://:" + external + ",CONTROLLER://:"
                + CONTROLLER_PORT);
        env.put("KAFKA_ADVERTISED_LISTENERS", "INTERNAL://broker-" + node + ":" + INTERNAL_PORT
                + ",EXTERNAL://localhost:" + external);
        env.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "INTERNAL:SASL_SSL,EXTERNAL:SASL_SSL,CONTROLLER:SASL_SSL");
        env.put("KAFKA_INTER_BROKER_LISTENER_NAME", "INTERNAL");
        env.put("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "SCRAM-SHA-512");
        env.put("KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL", "PLAIN");
        env.put("KAFKA_LISTENER_NAME_INTERNAL_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512");
        env.put("KAFKA_LISTENER_NAME_EXTERNAL_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512");
        env.put("KAFKA_LISTENER_NAME_CONTROLLER_SASL_ENABLED_MECHANISMS", "PLAIN");
        env.put("KAFKA_LISTENER_NAME_INTERNAL_SCRAM___SHA___512_SASL_JAAS_CONFIG", scramLogin(ADMIN, admin));
        env.put("KAFKA_LISTENER_NAME_EXTERNAL_SCRAM___SHA___512_SASL_JAAS_CONFIG",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        env.put("KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                        + "\" password=\"" + admin + "\" user_" + ADMIN + "=\"" + admin + "\";");
        env.put("KAFKA_FORMAT_SCRAM", "SCRAM-SHA-512=[name=" + ADMIN + ",password=" + admin + "]");
        env.put("KAFKA_SSL_KEYSTORE_LOCATION", SECRETS + "broker.p12");
        env.put("KAFKA_SSL_KEYSTORE_TYPE", "PKCS12");
        env.put("KAFKA_SSL_KEYSTORE_PASSWORD", storePassword);
        env.put("KAFKA_SSL_KEY_PASSWORD", storePassword);
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", SECRETS + "truststore.p12");
        env.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
        env.put("KAFKA_SSL_TRUSTSTORE_PASSWORD", storePassword);
        env.put("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        env.put("KAFKA_SUPER_USERS", "User:" + ADMIN);
        env.put("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
        env.put("KAFKA_DEFAULT_REPLICATION_FACTOR", "3");
        env.put("KAFKA_MIN_INSYNC_REPLICAS", "2");
        env.put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3");
        env.put("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3");
        env.put("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
        env.put("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false");
        env.put("KAFKA_HEAP_OPTS", "-Xmx512m -Xms512m");
        List<PortBinding> bindings = List.of(new PortBinding(Ports.Binding.bindPort(external),
                new ExposedPort(external)));
        return new GenericContainer<>(image)
                .withNetwork(network)
                .withNetworkAliases("broker-" + node)
                .withEnv(env)
                .withCopyToContainer(Transferable.of(read(tls.resolve("broker.p12")), 0644), SECRETS + "broker.p12")
                .withCopyToContainer(Transferable.of(read(tls.resolve("truststore.p12")), 0644),
                        SECRETS + "truststore.p12")
                .withCopyToContainer(Transferable.of(adminProperties().getBytes(StandardCharsets.UTF_8), 0644),
                        SECRETS + "admin.properties")
                // Started side by side and awaited together (awaitBrokers), not one by one.
                .waitingFor(new AbstractWaitStrategy() {
                    @Override
                    protected void waitUntilReady() {
                    }
                })
                .withCreateContainerCmdModifier(cmd -> {
                    // The image's health check speaks PLAINTEXT, which no listener here takes.
                    cmd.withHealthcheck(new HealthCheck().withTest(List.of("NONE")));
                    cmd.withName("hotline-secured-broker-" + node + "-" + external)
                            .withExposedPorts(new ExposedPort(external));
                    cmd.getHostConfig().withPortBindings(bindings);
                });
    }

    /** The admin client settings of the tools in a broker's container (create-topics.sh, kafka-acls.sh). */
    private String adminProperties() {
        return "security.protocol=SASL_SSL\n"
                + "sasl.mechanism=SCRAM-SHA-512\n"
                + "sasl.jaas.config=" + scramLogin(ADMIN, passwords.get(ADMIN)) + "\n"
                + "ssl.truststore.location=" + SECRETS + "truststore.p12\n"
                + "ssl.truststore.type=PKCS12\n"
                + "ssl.truststore.password=" + storePassword + "\n";
    }

    /** The brokers as the services' containers reach them. */
    String internalBootstrap() {
        return IntStream.rangeClosed(1, BROKERS).mapToObj(node -> "broker-" + node + ":" + INTERNAL_PORT)
                .collect(Collectors.joining(","));
    }

    /** The brokers as this JVM reaches them. */
    String externalBootstrap() {
        return hostPorts.values().stream().map(port -> "localhost:" + port).collect(Collectors.joining(","));
    }

    /**
     * The settings a service's container takes to connect as {@code user}: those of the production overlay
     * (deploy/k8s/overlays/production), the JAAS configuration and the CA's certificate included.
     */
    Map<String, String> serviceEnvironment(String user) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", internalBootstrap());
        env.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", scramLogin(user, password(user)));
        env.put("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM");
        env.put("SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES", caPem);
        return env;
    }

    /** Client settings for this JVM as {@code user}, with the password it was given. */
    Map<String, Object> clientSettings(String user) {
        return clientSettings(user, password(user));
    }

    /** Client settings for this JVM as {@code user}, with any password. */
    Map<String, Object> clientSettings(String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, externalBootstrap());
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        settings.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, scramLogin(user, password));
        settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        settings.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, caPem);
        return settings;
    }

    /** The super user's admin client: for the tests' own look at the cluster, never for a service. */
    Admin admin() {
        Map<String, Object> settings = clientSettings(ADMIN);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(settings);
    }

    private String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no user " + user);
        }
        return password;
    }

    /** SIGKILL to one node (1 to 3); its container and its disk stay. */
    void kill(int node) {
        log.info("SIGKILL broker-{}", node);
        docker.killContainerCmd(id(node)).withSignal("KILL").exec();
        awaitStopped(node);
    }

    /** SIGTERM to one node, as a rolling restart stops it: the broker hands its leaderships over first. */
    void stopGracefully(int node) {
        log.info("SIGTERM broker-{}", node);
        docker.stopContainerCmd(id(node)).withTimeout(120).exec();
        awaitStopped(node);
    }

    /** Starts the node's container again (its disk as it was) and waits until all three nodes answer. */
    void restart(int node) {
        log.info("starting broker-{} again", node);
        docker.startContainerCmd(id(node)).exec();
        awaitBrokers(BROKERS);
    }

    /** Waits until every partition of every topic has all three replicas in sync again. */
    void awaitFullyReplicated(Duration within) {
        await().atMost(within).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            try (Admin admin = admin()) {
                Map<String, TopicDescription> topics = admin.describeTopics(admin.listTopics().names()
                        .get(10, TimeUnit.SECONDS)).allTopicNames().get(20, TimeUnit.SECONDS);
                long behind = topics.values().stream().flatMap(topic -> topic.partitions().stream())
                        .filter(partition -> partition.isr().size() < partition.replicas().size()).count();
                if (behind > 0) {
                    log.info("{} partitions not yet fully in sync", behind);
                }
                return behind == 0;
            }
        });
    }

    boolean running(int node) {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(id(node)).exec().getState().getRunning());
    }

    /** Everything the node has printed since its container was created, across restarts. */
    String logs(int node) {
        return brokers.get(node).getLogs();
    }

    private String id(int node) {
        return brokers.get(node).getContainerId();
    }

    private void awaitStopped(int node) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> !running(node));
    }

    private void awaitBrokers(int count) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            try (Admin admin = admin()) {
                return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= count
                        && admin.describeCluster().controller().get(5, TimeUnit.SECONDS) != null;
            }
        });
    }

    private String exec(int node, String... command) {
        try {
            Container.ExecResult result = brokers.get(node).execInContainer(command);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " in broker-" + node + " exited with "
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

    /**
     * The ACLs of deploy/kafka/acls.txt, the file deploy/kafka/apply-acls.sh reads: principal, resource type,
     * pattern type, name, operations, one line each.
     */
    static List<AclBinding> acls(Path file) {
        List<AclBinding> acls = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] columns = trimmed.split("\\s+");
            if (columns.length != 5) {
                throw new IllegalArgumentException(file + ": not five columns: " + line);
            }
            ResourceType type = switch (columns[1]) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                case "transactional-id" -> ResourceType.TRANSACTIONAL_ID;
                default -> throw new IllegalArgumentException(file + ": unknown resource type: " + line);
            };
            PatternType pattern = switch (columns[2]) {
                case "literal" -> PatternType.LITERAL;
                case "prefixed" -> PatternType.PREFIXED;
                default -> throw new IllegalArgumentException(file + ": unknown pattern type: " + line);
            };
            for (String operation : columns[4].split(",")) {
                acls.add(new AclBinding(new ResourcePattern(type, columns[3], pattern), new AccessControlEntry(
                        "User:" + columns[0], "*", operation(operation), AclPermissionType.ALLOW)));
            }
        }
        return acls;
    }

    /** kafka-acls.sh's operation names (DescribeConfigs) as the Admin API's (DESCRIBE_CONFIGS). */
    private static AclOperation operation(String name) {
        AclOperation operation = AclOperation.fromString(name.replaceAll("(?<=[a-z])(?=[A-Z])", "_")
                .toUpperCase(Locale.ROOT));
        if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY) {
            throw new IllegalArgumentException("unknown ACL operation " + name);
        }
        return operation;
    }

    /** The CA, the brokers' key and certificate (signed by the CA) and a trust store; returns the CA's PEM. */
    private String makeCertificates() {
        String san = "SAN=" + IntStream.rangeClosed(1, BROKERS).mapToObj(node -> "dns:broker-" + node)
                .collect(Collectors.joining(",")) + ",dns:localhost";
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=hotline-system-test-ca", "-keyalg", "EC", "-groupname",
                "secp256r1", "-validity", "2", "-ext", "bc:c", "-keystore", "ca.p12", "-storetype", "PKCS12",
                "-storepass", storePassword);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", storePassword,
                "-file", "ca.pem");
        keytool("-genkeypair", "-alias", "broker", "-dname", "CN=hotline-broker", "-keyalg", "EC", "-groupname",
                "secp256r1", "-validity", "2", "-ext", san, "-keystore", "broker.p12", "-storetype", "PKCS12",
                "-storepass", storePassword);
        keytool("-certreq", "-alias", "broker", "-keystore", "broker.p12", "-storepass", storePassword,
                "-file", "broker.csr");
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", storePassword,
                "-infile", "broker.csr", "-outfile", "broker.pem", "-validity", "2", "-ext", san,
                "-ext", "ku:c=digitalSignature,keyAgreement", "-ext", "eku=serverAuth,clientAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "broker.p12",
                "-storepass", storePassword);
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", "broker.pem", "-keystore", "broker.p12",
                "-storepass", storePassword);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "truststore.p12",
                "-storetype", "PKCS12", "-storepass", storePassword);
        return new String(read(tls.resolve("ca.pem")), StandardCharsets.US_ASCII);
    }

    private void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(tls.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Letters and digits only: the passwords go through JAAS, properties files and kafka-storage's syntax. */
    private static String secret() {
        SecureRandom random = new SecureRandom();
        String letters = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return random.ints(24, 0, letters.length()).mapToObj(i -> String.valueOf(letters.charAt(i)))
                .collect(Collectors.joining());
    }

    /** Keeps each node's log in {@code logFolder}, then removes the containers and the TLS files. */
    void close(Path logFolder) {
        for (Map.Entry<Integer, GenericContainer<?>> broker : brokers.entrySet()) {
            try {
                if (broker.getValue().getContainerId() != null) {
                    Files.createDirectories(logFolder);
                    Files.writeString(logFolder.resolve("broker-" + broker.getKey() + ".log"),
                            broker.getValue().getLogs(), StandardCharsets.UTF_8);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("no log kept for broker-{}: {}", broker.getKey(), e.toString());
            }
        }
        close();
    }

    @Override
    public void close() {
        for (Map.Entry<Integer, GenericContainer<?>> broker : brokers.entrySet()) {
            try {
                broker.getValue().stop();
            } catch (RuntimeException e) {
                log.warn("broker-{} could not be removed: {}", broker.getKey(), e.toString());
            }
        }
        try (var files = Files.list(tls)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(tls);
        } catch (IOException e) {
            log.warn("the TLS files in {} could not be removed: {}", tls, e.toString());
        }
    }
}
