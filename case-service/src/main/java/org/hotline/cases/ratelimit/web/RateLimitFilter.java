package org.hotline.cases.ratelimit.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hotline.web.ratelimit.ClientIdentifier;
import org.hotline.web.ratelimit.Decision;
import org.hotline.web.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a POST over a limit with 429 before its body is read: a refused status request is never looked up,
 * and a refused acknowledgement is never checked nor recorded. The answer is a problem detail of type
 * {@code urn:hotline:problem:too-many-requests} with {@code Retry-After} in seconds; it names the limit but
 * nothing of the client nor of the request. A form posted by a browser (the status page, the acknowledgement pages)
 * gets a page instead, in Kazakh, Russian and English at once (the language of the page it came from is not known
 * before the body is read), with the same status and {@code Retry-After}. Each refusal counts in
 * {@code hotline_cases_requests_throttled_total}, labelled by the endpoint and the limit alone.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    /** The endpoints limited, each with its own buckets and words. */
    public enum Endpoint {
        STATUS("Too many status requests",
                "This address asked for more case statuses than the hotline answers from one address in a short time.",
                "The hotline is answering more status requests than it can right now.",
                "Nothing was looked up."),
        ACKNOWLEDGEMENT("Too many acknowledgements",
                "This address sent the acknowledgement form more often than the hotline takes from one address in a "
                        + "short time.",
                "The hotline is receiving more acknowledgements than it can take right now.",
                "Nothing was recorded.");

        private final String title;
        private final String byClient;
        private final String byEveryone;
        private final String consequence;

        Endpoint(String title, String byClient, String byEveryone, String consequence) {
            this.title = title;
            this.byClient = byClient;
            this.byEveryone = byEveryone;
            this.consequence = consequence;
        }
    }

    private final Endpoint endpoint;
    private final RateLimiter limiter;
    private final ClientIdentifier clients;
    private final JsonMapper json;
    private final Map<Decision.Limit, Counter> refusals = new EnumMap<>(Decision.Limit.class);

    public RateLimitFilter(Endpoint endpoint, RateLimiter limiter, ClientIdentifier clients, JsonMapper json,
            MeterRegistry registry) {
        this.endpoint = endpoint;
        this.limiter = limiter;
        this.clients = clients;
        this.json = json;
        for (Decision.Limit limit : Decision.Limit.values()) {
            refusals.put(limit, Counter.builder("hotline.cases.requests.throttled")
                    .description("Requests to a public endpoint refused with 429, by endpoint and refusing limit")
                    .tag("endpoint", endpoint.name().toLowerCase(Locale.ROOT))
                    .tag("limit", limit.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Decision decision = limiter.tryAcquire(clients.identify(request));
        Decision.Limit refusedBy = decision.refusedBy();
        if (refusedBy == null) {
            chain.doFilter(request, response);
            return;
        }
        refusals.get(refusedBy).increment();
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:hotline:problem:too-many-requests");
        problem.put("title", endpoint.title);
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", (refusedBy == Decision.Limit.CLIENT ? endpoint.byClient : endpoint.byEveryone) + " "
                + endpoint.consequence + " Retry after " + seconds + " s.");
        problem.put("limit", refusedBy.name().toLowerCase(Locale.ROOT));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        if (formPost(request)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
            response.getOutputStream().write(PAGE.replace("{seconds}", String.valueOf(seconds))
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static boolean formPost(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /** What a person sees: nothing of the request, when to try again, in the three languages. */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="ru">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex, nofollow">
              <title>Тым көп әрекет · Слишком много попыток · Too many attempts</title>
            </head>
            <body>
              <main>
                <section lang="kk">
                  <h1>Тым көп әрекет</h1>
                  <p>Осы мекенжайдан қысқа уақытта тым көп сұрау келді, сондықтан ештеңе жасалмады.
                    {seconds} секундтан кейін қайталап көріңіз.</p>
                </section>
                <section lang="ru">
                  <h1>Слишком много попыток</h1>
                  <p>С этого адреса за короткое время пришло слишком много запросов, поэтому ничего не сделано.
                    Повторите попытку через {seconds} с.</p>
                </section>
                <section lang="en">
                  <h1>Too many attempts</h1>
                  <p>This address sent too many requests in a short time, so nothing was done.
                    Please try again in {seconds} s.</p>
                </section>
              </main>
            </body>
            </html>
            """;
}
