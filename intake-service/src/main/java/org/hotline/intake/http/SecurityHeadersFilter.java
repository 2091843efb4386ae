package org.hotline.intake.http;

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
 *   <li>{@code Cache-Control: no-store}: the 202 carries the tracking code, the complainant's secret, which no
 *       browser, proxy or shared cache may keep.</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser must not read a JSON answer as HTML or script.</li>
 *   <li>{@code Referrer-Policy: no-referrer}: a page opened from an answer learns nothing of the request.</li>
 *   <li>{@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'}: the answers are data, never
 *       a page; nothing in them may load, run or be framed. Swagger UI, the one page the port serves, is left
 *       without it because it needs its scripts and styles.</li>
 * </ul>
 * A plain servlet filter, so that the headers do not depend on how the service authenticates.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!isSwaggerUi(request.getRequestURI())) {
            response.setHeader("Content-Security-Policy", API_POLICY);
        }
        chain.doFilter(request, response);
    }

    /** Also for error dispatches, so that a problem rendered by Boot's error page carries the headers too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static boolean isSwaggerUi(String path) {
        return path.startsWith("/swagger-ui");
    }
}
