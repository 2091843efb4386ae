package org.hotline.cases.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a write (any method but GET, HEAD, OPTIONS, TRACE) whose {@code Origin} is neither the service's own
 * (the {@code Host} it was sent to) nor one of the allowed origins: 403 {@code cross-origin-request}.
 * <p>
 * The acknowledgement form is a plain HTML form, so unlike routing's staff endpoints the writes here cannot be
 * required to be JSON: the page posts {@code application/x-www-form-urlencoded} to itself, and browsers send an
 * {@code Origin} with it (their own). A page of another site that has learnt a link could make a body's browser
 * confirm receipt with a number of its choosing; its {@code Origin} gives it away. Requests without an
 * {@code Origin} (curl, scripts, old browsers on same-origin posts) pass: they carry no ambient credential
 * here, the token in the path is the only one. The status API needs no account either; it is checked alike so
 * that every write of the port follows one rule.
 */
public final class CrossOriginWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowedOrigins;
    private final ProblemResponder problems;

    public CrossOriginWriteFilter(List<String> allowedOrigins, ProblemResponder problems) {
        this.allowedOrigins = allowedOrigins.stream().map(CrossOriginWriteFilter::normalized)
                .collect(Collectors.toUnmodifiableSet());
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!SAFE_METHODS.contains(request.getMethod()) && origin != null && !sameOrigin(origin, request)
                && !allowedOrigins.contains(normalized(origin))) {
            problems.write(response, HttpStatus.FORBIDDEN, "cross-origin-request",
                    "Requests from other sites are refused",
                    "This service accepts writes only from its own pages and the configured origins.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The Origin names the host and port the request was sent to (the scheme may differ behind a TLS proxy). A
     * proxy that does not pass the {@code Host} through needs the public origin in the allowed origins.
     * {@code null} (sandboxed pages, some redirects) is never same-origin.
     */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            String authority = (uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort())
                    .toLowerCase(Locale.ROOT);
            String target = host.toLowerCase(Locale.ROOT);
            return authority.equals(target) || authority.equals(target.replaceFirst(":(80|443)$", ""));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalized(String origin) {
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
