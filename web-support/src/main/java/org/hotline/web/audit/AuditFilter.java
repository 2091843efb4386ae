package org.hotline.web.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every POST to a staff or admin endpoint made by an authenticated account, once it has been answered: done,
 * refused for lack of role (403), rejected or failed. It sits in the security chain after authentication and
 * around the authorisation, so it sees the 403s too. Requests without a valid credential never reach it: they
 * name no account, and logging them would let anyone fill the trail.
 *
 * <p>A path pattern with a capturing group names the case acted on: the group's text is recorded as the action's
 * reference when it has the form of a reference ({@code HL-7F3K-9QX2-ABCD}), and left out otherwise, so that
 * nothing a caller typed into a path reaches the trail.
 */
public final class AuditFilter extends OncePerRequestFilter {

    /** docs/schemas: HL- and three groups of four Crockford base32 letters. */
    private static final Pattern REFERENCE = Pattern.compile(
            "HL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    private final Map<Pattern, String> actionsByPath;
    private final AuditTrail trail;
    private final Clock clock;

    /**
     * @param actionsByPath the audited endpoints (POST, a pattern of the whole path, with a group around the case's
     *     reference where the action names one) and each one's action name
     */
    public AuditFilter(Map<Pattern, String> actionsByPath, AuditTrail trail, Clock clock) {
        this.actionsByPath = Map.copyOf(actionsByPath);
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || action(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
                // Roles only: Spring Security 7 adds factor authorities (FACTOR_PASSWORD) that are not roles.
                Set<String> roles = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(authority -> authority.startsWith("ROLE_"))
                        .map(authority -> authority.substring("ROLE_".length()))
                        .collect(Collectors.toSet());
                trail.record(new StaffAction(caller.getName(), roles, action(request).orElseThrow(),
                        StaffAction.Outcome.of(status), status, clock.instant(), reference(request)));
            }
        }
    }

    private @Nullable String reference(HttpServletRequest request) {
        String path = request.getRequestURI();
        for (Pattern pattern : actionsByPath.keySet()) {
            Matcher matcher = pattern.matcher(path);
            if (matcher.matches() && matcher.groupCount() >= 1 && matcher.group(1) != null
                    && REFERENCE.matcher(matcher.group(1)).matches()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private Optional<String> action(HttpServletRequest request) {
        String path = request.getRequestURI();
        return actionsByPath.entrySet().stream().filter(entry -> entry.getKey().matcher(path).matches())
                .map(Map.Entry::getValue).findFirst();
    }
}
