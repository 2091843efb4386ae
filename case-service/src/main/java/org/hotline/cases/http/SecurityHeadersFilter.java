package org.hotline.cases.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the same security headers on every answer of the API port (not the management port, a server of its
 * own), successes and problems alike, before anything else can write the answer:
 * <ul>
 *   <li>{@code Cache-Control: no-store}: a status answer is one person's case, and an acknowledgement page is
 *       reached through a link whose token is its only credential; neither is for a cache to keep.</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser must not read a JSON answer as HTML or script.</li>
 *   <li>{@code Referrer-Policy: no-referrer}: a page opened from an answer learns nothing of the request, and
 *       above all not the token in the acknowledgement page's address.</li>
 *   <li>{@code Content-Security-Policy}: the API's answers are data, never a page ({@code default-src 'none';
 *       frame-ancestors 'none'}). The acknowledgement pages are pages with a form but no script and no inline
 *       style: they may load style sheets of this origin only and post their form only to this origin, and no
 *       other site may frame them (which would let it trick a body into confirming).</li>
 * </ul>
 * A plain servlet filter, so that the headers do not depend on how the service authenticates.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy",
                request.getRequestURI().startsWith("/ack/") ? PAGE_POLICY : API_POLICY);
        chain.doFilter(request, response);
    }

    /** Also for error dispatches, so that a problem rendered by Boot's error page carries the headers too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
