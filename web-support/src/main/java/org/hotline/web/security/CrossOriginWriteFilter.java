package org.hotline.web.security;

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
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF defence of the writes a browser may send to a service. A write (any method but GET, HEAD, OPTIONS, TRACE)
 * is refused before authentication when
 * <ol>
 *   <li>it carries an {@code Origin} that is neither the service's own (the {@code Host} it was sent to) nor
 *       one of the allowed origins: 403 {@code cross-origin-request}; browsers send {@code Origin} on every
 *       cross-origin POST, and on same-origin ones, while scripts and tools such as curl send none;</li>
 *   <li>only {@link #forJsonApi for a JSON API}: its body is not declared {@code application/json}: 415
 *       {@code unsupported-media-type}; an HTML form can only send urlencoded, multipart or text/plain, and a
 *       script that sets application/json on a cross-origin request must first pass a CORS preflight, which no
 *       service grants.</li>
 * </ol>
 * Either alone stops a cross-origin form post; both together also cover browsers that omit {@code Origin}. A
 * service whose own pages post HTML forms ({@link #forHtmlForms}) can only have the first.
 */
public final class CrossOriginWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowedOrigins;
    private final boolean jsonOnly;
    private final ProblemResponder problems;

    private CrossOriginWriteFilter(List<String> allowedOrigins, boolean jsonOnly, ProblemResponder problems) {
        this.allowedOrigins = allowedOrigins.stream().map(CrossOriginWriteFilter::normalized)
                .collect(Collectors.toUnmodifiableSet());
        this.jsonOnly = jsonOnly;
        this.problems = problems;
    }

    /** Both rules: for endpoints that take JSON only, such as routing's staff and admin endpoints. */
    public static CrossOriginWriteFilter forJsonApi(List<String> allowedOrigins, ProblemResponder problems) {
        return new CrossOriginWriteFilter(allowedOrigins, true, problems);
    }

    /**
     * The {@code Origin} rule alone: for a port whose own pages post plain HTML forms, such as the case service's
     * acknowledgement pages, and whose writes therefore cannot be required to be JSON.
     */
    public static CrossOriginWriteFilter forHtmlForms(List<String> allowedOrigins, ProblemResponder problems) {
        return new CrossOriginWriteFilter(allowedOrigins, false, problems);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameOrigin(origin, request) && !allowedOrigins.contains(normalized(origin))) {
            problems.write(response, HttpStatus.FORBIDDEN, "cross-origin-request",
                    "Requests from other sites are refused",
                    "This service accepts writes only from its own pages and the configured origins.");
            return;
        }
        if (jsonOnly && !declaresJson(request.getContentType())) {
            problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "The body must be application/json",
                    "Send Content-Type: application/json, also when the body is empty.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean declaresJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType declared = MediaType.parseMediaType(contentType);
            return declared.getType().equals("application") && declared.getSubtype().equals("json");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
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
