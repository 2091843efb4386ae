package org.hotline.intake.ratelimit.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hotline.intake.partner.web.Partner;
import org.hotline.web.ratelimit.ClientIdentifier;
import org.hotline.web.ratelimit.Decision;
import org.hotline.web.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a complaint submission (POST) over a limit with 429, before its body is read (a partner's against the
 * partner's own limit, everyone else's against the limit of their address): a refused request reaches
 * neither the complaint's validation nor Kafka. The answer is a problem detail of type
 * {@code urn:hotline:problem:too-many-requests} with {@code Retry-After} in seconds; it names the limit but
 * nothing of the client. Each refusal counts in {@code hotline_intake_requests_throttled_total}, labelled by the
 * limit alone.
 *
 * <p>The complaint form's posts ({@link #forPages}) are counted by the same limiter, so a person has the same
 * allowance on the page as through the API, but a refusal is not answered here: it is left in the request attribute
 * {@link #REFUSAL} for the page, which shows the form again with everything the person wrote and says when to send
 * it. A JSON problem would be of no use to a person, and an answer that loses a written account does harm. The
 * complaint still reaches neither validation nor Kafka.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    /** On a refused page post: the seconds to wait before sending again, as a {@link Long}. */
    public static final String REFUSAL = RateLimitFilter.class.getName() + ".refusal";

    private final RateLimiter limiter;
    private final ClientIdentifier clients;
    private final JsonMapper json;
    private final boolean pages;
    private final Map<Decision.Limit, Counter> refusals = new EnumMap<>(Decision.Limit.class);

    public RateLimitFilter(RateLimiter limiter, ClientIdentifier clients, JsonMapper json, MeterRegistry registry) {
        this(limiter, clients, json, registry, false);
    }

    private RateLimitFilter(RateLimiter limiter, ClientIdentifier clients, JsonMapper json, MeterRegistry registry,
            boolean pages) {
        this.limiter = limiter;
        this.clients = clients;
        this.json = json;
        this.pages = pages;
        for (Decision.Limit limit : Decision.Limit.values()) {
            refusals.put(limit, Counter.builder("hotline.intake.requests.throttled")
                    .description("Complaint submissions refused with 429, by the limit that refused them")
                    .tag("limit", limit.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    /** For the complaint form's posts: refusals go to the page in {@link #REFUSAL}. */
    public static RateLimitFilter forPages(RateLimiter limiter, ClientIdentifier clients, JsonMapper json,
            MeterRegistry registry) {
        return new RateLimitFilter(limiter, clients, json, registry, true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Partner partner = Partner.of(request);
        Decision decision = partner == null ? limiter.tryAcquire(clients.identify(request))
                : limiter.tryAcquire(partner.clientKey(), partner.rate());
        Decision.Limit refusedBy = decision.refusedBy();
        if (refusedBy == null) {
            chain.doFilter(request, response);
            return;
        }
        refusals.get(refusedBy).increment();
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        if (pages) {
            request.setAttribute(REFUSAL, seconds);
            chain.doFilter(request, response);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:hotline:problem:too-many-requests");
        problem.put("title", "Too many complaints at once");
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", switch (refusedBy) {
            case CLIENT -> partner == null ? "This address sent more complaints than the hotline takes from one "
                    + "address in a short time. Nothing was stored. Retry after " + seconds + " s."
                    : "This partner account sent more complaints than its limit allows in a short time. Nothing was "
                    + "stored. Retry after " + seconds + " s.";
            case GLOBAL -> "The hotline is receiving more complaints than it can take right now. Nothing was "
                    + "stored. Retry after " + seconds + " s.";
        });
        problem.put("limit", refusedBy.name().toLowerCase(Locale.ROOT));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
