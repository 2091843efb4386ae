package org.hotline.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the same security headers on every answer of the API port (not the management port, a server of its
 * own), successes and problems alike, before anything else can write the answer:
 * <ul>
 *   <li>{@code Cache-Control: no-store}: an answer may hold a complainant's tracking code, one person's case or
 *       a routing decision; none is for a browser, proxy or shared cache to keep.</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser must not read a JSON answer as HTML or script.</li>
 *   <li>{@code Referrer-Policy: no-referrer}: a page opened from an answer learns nothing of the request, such as
 *       a token in the address.</li>
 *   <li>{@code Content-Security-Policy}: the one the service chooses for the path, {@link #API_POLICY} for data;
 *       none for a page that needs its scripts and styles (Swagger UI).</li>
 * </ul>
 * A plain servlet filter, so that the headers do not depend on how the service authenticates. Declared as a bean
 * by each service, which the servlet container then runs first.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class SecurityHeadersFilter extends OncePerRequestFilter {

    /** For answers that are data, never a page: nothing in them may load, run or be framed. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final Function<String, @Nullable String> policyByPath;

    /**
     * @param policyByPath the {@code Content-Security-Policy} for a request's path (the request URI), {@code null}
     *     for none
     */
    public SecurityHeadersFilter(Function<String, @Nullable String> policyByPath) {
        this.policyByPath = policyByPath;
    }

    /** {@link #API_POLICY} on every answer but Swagger UI's ({@code /swagger-ui*}), whose scripts it would stop. */
    public static SecurityHeadersFilter apiPolicyExceptSwaggerUi() {
        return new SecurityHeadersFilter(path -> path.startsWith("/swagger-ui") ? null : API_POLICY);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        String policy = policyByPath.apply(request.getRequestURI());
        if (policy != null) {
            response.setHeader("Content-Security-Policy", policy);
        }
        chain.doFilter(request, response);
    }

    /** Also for error dispatches, so that a problem rendered by Boot's error page carries the headers too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
