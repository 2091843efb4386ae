package org.hotline.cases.security.config;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.hotline.web.audit.AuditFilter;
import org.hotline.web.audit.AuditTrail;
import org.hotline.web.security.Accounts;
import org.hotline.web.security.CrossOriginWriteFilter;
import org.hotline.web.security.ProblemResponder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four stateless filter chains:
 * <ul>
 *   <li>the management port: liveness and readiness open (status only), everything else OPS with HTTP Basic
 *       against the users of {@code hotline.security.users};</li>
 *   <li>the caseworker endpoints on the API port ({@code POST /api/v1/cases/{reference}/assignments/{authorityId}/
 *       acknowledgement}, {@code .../answer}, {@code .../escalation-hold} and {@code .../escalation},
 *       {@code POST /api/v1/cases/{reference}/closure}): STAFF with HTTP
 *       Basic (an ADMIN is also STAFF); {@code POST /api/v1/cases/{reference}/erasure}: ADMIN only; every request
 *       of an authenticated account audited (AuditFilter), writes from other sites refused;</li>
 *   <li>the caseworker console ({@code /console} and everything under it): STAFF with HTTP Basic, every write
 *       (the console's forms, opening a complainant, exporting a dossier) of an authenticated account audited, the
 *       opening and the export with the case's reference; writes from other sites refused;</li>
 *   <li>the rest of the API port, which takes no credential: the complaint status
 *       ({@code POST /api/v1/complaints/status} and its page, {@code GET} and {@code POST /status})
 *       and the acknowledgement pages ({@code GET} and {@code POST /ack/{token}}, the token being their
 *       credential) are open to all, as are the API's OpenAPI document ({@code /api-docs}) and Swagger UI
 *       ({@code /swagger-ui.html}); any other path is answered 404. Writes from another site's pages are
 *       refused (CrossOriginWriteFilter).</li>
 * </ul>
 * No session, no cookie, no form login: each request carries its credential. Closed by default, so that an
 * endpoint added later is not public until it is listed here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String CASES = "/api/v1/cases";
    private static final String ACKNOWLEDGEMENT = CASES + "/*/assignments/*/acknowledgement";
    private static final String ANSWER = CASES + "/*/assignments/*/answer";
    private static final String HOLD = CASES + "/*/assignments/*/escalation-hold";
    private static final String ESCALATION = CASES + "/*/assignments/*/escalation";
    private static final String CLOSURE = CASES + "/*/closure";
    private static final String ERASURE = CASES + "/*/erasure";
    /** The audited endpoints (POST) and the action each is recorded as. */
    private static final Map<Pattern, String> AUDITED = Map.of(
            Pattern.compile(CASES + "/[^/]+/assignments/[^/]+/acknowledgement"), "case.acknowledgement.record",
            Pattern.compile(CASES + "/[^/]+/assignments/[^/]+/answer"), "case.answer.record",
            Pattern.compile(CASES + "/[^/]+/assignments/[^/]+/escalation-hold"), "case.escalation.hold",
            Pattern.compile(CASES + "/[^/]+/assignments/[^/]+/escalation"), "case.escalation.request",
            Pattern.compile(CASES + "/[^/]+/closure"), "case.closure.record",
            Pattern.compile(CASES + "/[^/]+/erasure"), "case.erasure");
    private static final String CONSOLE_CASE = "/console/cases/";
    /** The console's writes: its forms record as the endpoints above do, under the same actions. */
    private static final Map<Pattern, String> CONSOLE_AUDITED = Map.of(
            Pattern.compile(CONSOLE_CASE + "([^/]+)/complainant"), "case.complainant.open",
            Pattern.compile(CONSOLE_CASE + "([^/]+)/dossier"), "case.dossier.export",
            Pattern.compile(CONSOLE_CASE + "[^/]+/assignments/[^/]+/acknowledgement"), "case.acknowledgement.record",
            Pattern.compile(CONSOLE_CASE + "[^/]+/assignments/[^/]+/answer"), "case.answer.record",
            Pattern.compile(CONSOLE_CASE + "[^/]+/assignments/[^/]+/escalation-hold"), "case.escalation.hold",
            Pattern.compile(CONSOLE_CASE + "[^/]+/assignments/[^/]+/escalation"), "case.escalation.request",
            Pattern.compile(CONSOLE_CASE + "[^/]+/closure"), "case.closure.record");

    @Bean
    ProblemResponder problemResponder(JsonMapper json) {
        return new ProblemResponder(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain managementChain(HttpSecurity http, ProblemResponder problems) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .anyRequest().hasRole("OPS"))
                .httpBasic(basic -> basic.realmName(ProblemResponder.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems));
        return stateless(http, problems).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain staffChain(HttpSecurity http, ProblemResponder problems, SecurityProperties properties,
            AuditTrail trail, Clock clock) throws Exception {
        // Only these paths: any other under /api/v1/cases stays the API port's 404, with no login prompt.
        http.securityMatcher(ACKNOWLEDGEMENT, ANSWER, HOLD, ESCALATION, CLOSURE, ERASURE)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, ERASURE).hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, ACKNOWLEDGEMENT, ANSWER, HOLD, ESCALATION, CLOSURE)
                        .hasRole("STAFF")
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("hotline").authenticationEntryPoint(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems))
                .addFilterBefore(CrossOriginWriteFilter.forJsonApi(properties.allowedOrigins(), problems),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new AuditFilter(AUDITED, trail, clock), ExceptionTranslationFilter.class);
        return stateless(http, problems).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain consoleChain(HttpSecurity http, ProblemResponder problems, SecurityProperties properties,
            AuditTrail trail, Clock clock) throws Exception {
        http.securityMatcher("/console", "/console/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("STAFF"))
                .httpBasic(basic -> basic.realmName(ProblemResponder.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems))
                .addFilterBefore(CrossOriginWriteFilter.forHtmlForms(properties.allowedOrigins(), problems),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new AuditFilter(CONSOLE_AUDITED, trail, clock), ExceptionTranslationFilter.class);
        return stateless(http, problems).build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemResponder problems, SecurityProperties properties)
            throws Exception {
        // No HTTP Basic here: nothing on this port needs an account, and a credential sent is ignored.
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/complaints/status").permitAll()
                        .requestMatchers(HttpMethod.GET, "/status").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/status").permitAll()
                        .requestMatchers(HttpMethod.POST, "/status").permitAll()
                        .requestMatchers(HttpMethod.GET, "/ack/*").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/ack/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/ack/*").permitAll()
                        // The API's description, open as the intake's and routing's are: it tells no more than
                        // docs/ (published with the code), and a body's or a partner's developer needs no account.
                        .requestMatchers(HttpMethod.GET, "/api-docs", "/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                // Not a 401 challenge: a browser would show a login prompt that no account can answer.
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> notServed(problems, response)))
                .addFilterBefore(CrossOriginWriteFilter.forHtmlForms(properties.allowedOrigins(), problems),
                        AuthorizationFilter.class);
        return stateless(http, problems).build();
    }

    private static HttpSecurity stateless(HttpSecurity http, ProblemResponder problems) throws Exception {
        return http
                .exceptionHandling(handling -> handling.accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // Token CSRF protects cookie sessions; there are none. CrossOriginWriteFilter guards the writes.
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { });
    }

    /** An ADMIN may do everything a STAFF account may, as in routing-service. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("STAFF").build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager users(SecurityProperties properties) {
        return Accounts.userDetailsManager(properties.users(),
                "health details, metrics, the caseworker endpoints and the console");
    }

    /** A path of the API port that is not one of the public pages: nothing to log in to, nothing here. */
    private static void notServed(ProblemResponder problems, HttpServletResponse response) throws IOException {
        problems.write(response, HttpStatus.NOT_FOUND, "not-found", "Nothing is served here",
                "This port serves the complaint status (POST /api/v1/complaints/status, /status), the acknowledgement "
                        + "pages (/ack/{token}), the caseworker endpoints (/api/v1/cases/...), the caseworker "
                        + "console (/console) and the API's description (/api-docs, /swagger-ui.html) only.");
    }
}
