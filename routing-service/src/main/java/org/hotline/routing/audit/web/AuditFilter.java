package org.hotline.routing.audit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.routing.audit.application.AuditTrail;
import org.hotline.routing.audit.application.StaffAction;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every request of an audited endpoint made by an authenticated account, once it has been answered:
 * done, refused for lack of role (403), rejected or failed. It sits in the security chain after authentication
 * and around the authorisation, so it sees the 403s too. Requests without a valid credential never reach it:
 * they name no account, and logging them would let anyone fill the trail.
 */
public final class AuditFilter extends OncePerRequestFilter {

    private final Map<String, String> actionsByPath;
    private final AuditTrail trail;
    private final Clock clock;

    /**
     * @param actionsByPath the audited endpoints (POST path) and the action name each is recorded as
     */
    public AuditFilter(Map<String, String> actionsByPath, AuditTrail trail, Clock clock) {
        this.actionsByPath = Map.copyOf(actionsByPath);
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !actionsByPath.containsKey(request.getRequestURI());
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
                trail.record(new StaffAction(caller.getName(), roles, actionsByPath.get(request.getRequestURI()),
                        StaffAction.Outcome.of(status), status, clock.instant()));
            }
        }
    }
}
