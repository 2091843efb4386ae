package org.hotline.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For tests that read a service's {@code /actuator/prometheus} as a Prometheus server does: in OpenMetrics, where a
 * sample may carry an exemplar (a trace's id, after {@code " # "}), and where a Prometheus older than 2.43 refuses
 * the whole page for an exemplar on a series that is neither a counter's {@code _total} nor a histogram's
 * {@code _bucket} (docs/operations.md, "Logs and traces").
 */
public final class ScrapePages {

    /** The Accept header of a Prometheus 2 scrape: OpenMetrics first, the older text format after it. */
    public static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    /**
     * A sample's line with an exemplar: the series' name, its labels (whose quoted values may hold braces, as in
     * {@code uri="/ack/{token}"}) and value, then {@code # {…}}.
     */
    private static final Pattern WITH_EXEMPLAR = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*})? \\S+ # \\{");

    private ScrapePages() {
    }

    /** A scrape of {@code url} as Prometheus makes it: the account's HTTP Basic login, OpenMetrics asked for first. */
    public static HttpRequest.Builder request(String url, String user, String password) {
        String login = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + login).header("Accept", PROMETHEUS_ACCEPT).GET();
    }

    /** The page's samples that carry an exemplar. */
    public static List<String> withExemplars(String page) {
        return page.lines().filter(line -> WITH_EXEMPLAR.matcher(line).find()).toList();
    }

    /** The samples with an exemplar where OpenMetrics 1.0 allows none: not a counter's total, not a bucket. */
    public static List<String> misplacedExemplars(String page) {
        return page.lines().filter(line -> {
            Matcher sample = WITH_EXEMPLAR.matcher(line);
            return sample.find() && !sample.group(1).endsWith("_total") && !sample.group(1).endsWith("_bucket");
        }).toList();
    }
}
