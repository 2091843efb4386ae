package org.hotline.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.systemtest.HotlineSystem.Instance;
import org.hotline.systemtest.HotlineSystem.Part;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (Debian's {@code prometheus} package, or {@code -Dhotline.prometheus=/path}) that scrapes every
 * service instance of a running {@link HotlineSystem} with the scraper account operators use, and evaluates the alert
 * rules of {@code deploy/monitoring/alerts.yml} on them.
 *
 * <p>The rules run on a compressed clock: every duration in them ({@code for:}, a range {@code [15m]}, an
 * {@code offset}) is divided by {@link #TIME_SCALE} (10 s at least), Prometheus scrapes every 2 seconds and
 * evaluates every second. The
 * expressions, thresholds and labels are the deployed ones: an alert that needs 15 minutes of a backlog in production
 * needs 15 seconds of it here, so a test can cause a condition, see its alert fire, remove it and see the alert
 * resolve.
 */
final class PrometheusServer implements AutoCloseable {

    /** How many times faster than production the rules' durations run. */
    static final int TIME_SCALE = 60;

    private static final Logger log = LoggerFactory.getLogger(PrometheusServer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * No compressed duration is shorter: a range needs a few scrapes in it, and a {@code for:} must outlast one slow
     * scrape of a busy service (production's 2 minutes of HotlineServiceDown are eight 15-second scrapes).
     */
    private static final int FLOOR_SECONDS = 10;
    private static final Pattern DURATION = Pattern.compile("(for: |\\[|offset )(\\d+)([smhdw])\\b");

    /** An alert as Prometheus holds it: its name, {@code pending} or {@code firing}, and its labels. */
    record Alert(String name, String state, Map<String, String> labels) {

        boolean firing() {
            return "firing".equals(state);
        }
    }

    private final Process process;
    private final URI api;
    private final Path folder;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Process process, URI api, Path folder) {
        this.process = process;
        this.api = api;
        this.folder = folder;
    }

    /** Starts Prometheus on a free local port with the compressed rules, and waits until it answers. */
    static PrometheusServer start(HotlineSystem system) {
        String binary = System.getProperty("hotline.prometheus", "/usr/bin/prometheus");
        if (!Files.isExecutable(Path.of(binary))) {
            String message = binary + " is missing: install Debian's prometheus package (./test.sh does, as root)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort("skipped: " + message);
        }
        try {
            Path folder = Files.createTempDirectory("hotline-prometheus");
            String rules = Files.readString(system.root().resolve("deploy/monitoring/alerts.yml"));
            Files.writeString(folder.resolve("alerts.yml"), compressed(rules, TIME_SCALE));
            Files.writeString(folder.resolve("scraper-password"), "dev-ops-password");
            Files.writeString(folder.resolve("prometheus.yml"), configuration(system));
            int port = freePort();
            Process process = new ProcessBuilder(binary, "--config.file=" + folder.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile()).start();
            PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port), folder);
            server.awaitReady();
            log.info("Prometheus on {} with the rules at 1/{} of their durations, files in {}", server.api,
                    TIME_SCALE, folder);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule file with every duration divided by {@code scale}, and at least {@link #FLOOR_SECONDS}. */
    static String compressed(String rules, int scale) {
        Matcher matcher = DURATION.matcher(rules);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            long seconds = Long.parseLong(matcher.group(2)) * switch (matcher.group(3)) {
                case "s" -> 1;
                case "m" -> 60;
                case "h" -> 3_600;
                case "d" -> 86_400;
                default -> 604_800;
            };
            matcher.appendReplacement(result, matcher.group(1) + Math.max(FLOOR_SECONDS, seconds / scale) + "s");
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /**
     * The deployed jobs and labels (deploy/monitoring/prometheus.yml), each instance a target labelled with its
     * name.
     */
    private static String configuration(HotlineSystem system) {
        StringBuilder yaml = new StringBuilder("""
                global:
                  scrape_interval: 2s
                  scrape_timeout: 2s
                  evaluation_interval: 1s
                rule_files:
                  - alerts.yml
                scrape_configs:
                """);
        for (Part part : Part.SERVICES) {
            yaml.append("  - job_name: ").append(part.containerName()).append("-service\n")
                    .append("    metrics_path: /actuator/prometheus\n")
                    .append("    basic_auth:\n      username: dev-ops\n      password_file: scraper-password\n")
                    .append("    static_configs:\n");
            for (Instance instance : part.all()) {
                URI management = system.management(instance);
                yaml.append("      - targets: [\"").append(management.getHost()).append(':')
                        .append(management.getPort()).append("\"]\n")
                        .append("        labels: {environment: system-test, hotline_instance: \"")
                        .append(instance.name()).append("\"}\n");
            }
        }
        return yaml.toString();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus stopped: " + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            HotlineSystem.hold(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Prometheus was not ready within 60 s: " + logTail());
    }

    /** Every active alert, pending or firing. */
    List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode alert : get("/api/v1/alerts").path("data").path("alerts")) {
            Map<String, String> labels = new LinkedHashMap<>();
            alert.path("labels").properties().forEach(label -> labels.put(label.getKey(),
                    label.getValue().asString()));
            alerts.add(new Alert(labels.getOrDefault("alertname", ""), alert.path("state").asString(), labels));
        }
        return alerts;
    }

    /** The alerts of that name now firing. */
    List<Alert> firing(String name) {
        return alerts().stream().filter(alert -> alert.name().equals(name) && alert.firing()).toList();
    }

    /** How many alert rules Prometheus loaded. */
    int rules() {
        int rules = 0;
        for (JsonNode group : get("/api/v1/rules").path("data").path("groups")) {
            rules += group.path("rules").size();
        }
        return rules;
    }

    /**
     * The health of every scrape target, by its {@code hotline_instance} label: {@code up}, or {@code down} with
     * the last scrape's error in brackets.
     */
    Map<String, String> targets() {
        Map<String, String> health = new LinkedHashMap<>();
        for (JsonNode target : get("/api/v1/targets").path("data").path("activeTargets")) {
            String error = target.path("lastError").asString("");
            health.put(target.path("labels").path("hotline_instance").asString(),
                    target.path("health").asString() + (error.isEmpty() ? "" : " (" + error + ")"));
        }
        return health;
    }

    /** An instant query's result, one line per series, for messages when an expectation fails. */
    String query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("data")
                .path("result").toString();
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Prometheus answered " + response.statusCode() + " to " + path
                        + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(folder.resolve("prometheus.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops Prometheus and keeps its log beside the containers' (target/system-test-logs). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Path logs = Path.of(System.getProperty("hotline.logs", "target/system-test-logs"));
            Files.createDirectories(logs);
            Files.copy(folder.resolve("prometheus.log"), logs.resolve("prometheus.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("the Prometheus log was not kept: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
