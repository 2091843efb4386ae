package org.hotline.routing.security.config;

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
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two stateless filter chains with HTTP Basic against the users of {@code hotline.security.users}:
 * <ul>
 *   <li>the management port: liveness and readiness open (status only), everything else OPS;</li>
 *   <li>the API: the preview STAFF, the directory reload ADMIN (an ADMIN is also STAFF), the API docs open,
 *       anything else refused; writes must be same-origin JSON (CrossOriginWriteFilter) and every staff or admin
 *       request of an authenticated account is audited (AuditFilter).</li>
 * </ul>
 * No session, no cookie, no form login: each request carries its credential.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String PREVIEW = "/api/v1/routing/preview";
    private static final String RELOAD = "/api/v1/routing/directory/reload";

    /** The audited endpoints (POST) and the action each is recorded as. */
    private static final Map<Pattern, String> AUDITED = Map.of(Pattern.compile(Pattern.quote(PREVIEW)),
            "routing.preview", Pattern.compile(Pattern.quote(RELOAD)), "directory.reload");

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
                        .anyRequest().hasRole("OPS"));
        return stateless(http, problems).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemResponder problems, SecurityProperties properties,
            AuditTrail trail, Clock clock) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, PREVIEW).hasRole("STAFF")
                        .requestMatchers(HttpMethod.POST, RELOAD).hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api-docs", "/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .addFilterBefore(CrossOriginWriteFilter.forJsonApi(properties.allowedOrigins(), problems),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new AuditFilter(AUDITED, trail, clock), ExceptionTranslationFilter.class);
        return stateless(http, problems).build();
    }

    private static HttpSecurity stateless(HttpSecurity http, ProblemResponder problems) throws Exception {
        return http
                .httpBasic(basic -> basic.realmName(ProblemResponder.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // Token CSRF protects cookie sessions; there are none. CrossOriginWriteFilter guards the writes.
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { });
    }

    /** An ADMIN may do everything a STAFF account may. */
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
        return Accounts.userDetailsManager(properties.users(), "the staff, admin and ops endpoints");
    }
}
