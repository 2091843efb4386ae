package org.hotline.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files of deploy/monitoring, and the metric names a PromQL expression uses. */
final class Monitoring {

    static final Path FOLDER = Repository.path("deploy/monitoring");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN", "e");

    /**
     * One metric of metrics.yml.
     *
     * @param firstUse registered at its first use, so absent until then (otherwise it exists at 0 from start)
     */
    record Metric(String name, String type, String meter, String service, boolean firstUse) {

        /** The series names Prometheus stores for it. */
        Set<String> series() {
            return type.equals("timer")
                    ? Set.of(name + "_bucket", name + "_count", name + "_sum", name + "_max")
                    : Set.of(name);
        }
    }

    private Monitoring() {
    }

    static JsonNode yaml(String file) {
        try {
            return YAML.readTree(FOLDER.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String file) {
        try {
            return JSON.readTree(FOLDER.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Metric> catalogue() {
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode metric : yaml("metrics.yml").path("metrics")) {
            metrics.add(new Metric(metric.path("name").asText(), metric.path("type").asText(),
                    metric.hasNonNull("meter") ? metric.get("meter").asText() : null,
                    metric.hasNonNull("service") ? metric.get("service").asText() : null,
                    metric.path("first_use").asBoolean(false)));
        }
        return metrics;
    }

    /** Every series name the catalogue allows a query to use. */
    static Set<String> catalogueSeries() {
        Set<String> series = new TreeSet<>();
        catalogue().forEach(metric -> series.addAll(metric.series()));
        return series;
    }

    /** The metric names in a PromQL expression: identifiers that are neither functions, keywords nor labels. */
    static Set<String> metricsIn(String promQl) {
        String bare = STRING.matcher(promQl).replaceAll(" ");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
            boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name)) {
                metrics.add(name);
            }
        }
        return metrics;
    }

    /** Every alert rule of alerts.yml: its name and expression. */
    static List<JsonNode> alertRules() {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode group : yaml("alerts.yml").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }
}
