package org.hotline.intake.partner.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.hotline.web.security.ProblemResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells a partner's complaint submission from the public's, before the rate limit: a request with
 * {@code Authorization: Bearer <key>} is the partner's whose key it is, and is refused with 401 when the key is
 * nobody's (a partner with a mistyped key must not pass for the public, whose idempotency keys and limits are
 * not its own). A request without it, or with another scheme, is the public's, as before.
 */
public final class PartnerKeyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PartnerKeyFilter.class);
    private static final String BEARER = "bearer ";

    /** Requests with a partner's previous key, by partner: the old key may go once this stays flat. */
    static final String PREVIOUS_KEY_REQUESTS = "hotline.intake.partner.previous.key.requests";

    /** Requests with a withdrawn key, by partner: someone still holds it (a leak, or a partner not yet told). */
    static final String WITHDRAWN_KEY_REQUESTS = "hotline.intake.partner.withdrawn.key.requests";

    private final PartnerKeys partners;
    private final ProblemResponder problems;
    private final MeterRegistry meters;

    public PartnerKeyFilter(PartnerKeys partners, ProblemResponder problems, MeterRegistry meters) {
        this.partners = partners;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        PartnerKeys.Found found = partners.find(authorization.substring(BEARER.length()).strip());
        if (found != null && found.withdrawn()) {
            // Answered as a key that is nobody's (whoever holds a leaked key learns nothing), counted rather than
            // logged at each request, so that a flood with the key cannot fill the log.
            meters.counter(WITHDRAWN_KEY_REQUESTS, "partner", found.partner().name()).increment();
            log.debug("complaint submission refused: a withdrawn key of partner {}", found.partner().name());
            found = null;
        }
        if (found == null) {
            log.debug("complaint submission refused: a partner key that is nobody's");
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + ProblemResponder.REALM
                    + "\", error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "authentication-required", "Unknown partner key",
                    "The Bearer key is not a partner's key of this hotline. Nothing was read or stored. Send the "
                    + "key you were given, or no Authorization header to submit as the public.");
            return;
        }
        if (found.previousKey()) {
            meters.counter(PREVIOUS_KEY_REQUESTS, "partner", found.partner().name()).increment();
        }
        found.partner().attachTo(request);
        chain.doFilter(request, response);
    }
}
