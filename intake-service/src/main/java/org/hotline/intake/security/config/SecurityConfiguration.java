package org.hotline.intake.security.config;

import org.hotline.web.security.Accounts;
import org.hotline.web.security.CrossOriginWriteFilter;
import org.hotline.web.security.ProblemResponder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three stateless filter chains, HTTP Basic against the users of {@code hotline.security.users} on the first:
 * <ul>
 *   <li>the management port: liveness and readiness open (status only), everything else OPS;</li>
 *   <li>the complaint form ({@code /}, {@code GET} and {@code POST /complaint}, its files under {@code /assets/}),
 *       open to all; its post is refused when it comes from another site's page ({@code Origin}, as the case
 *       service's pages: CrossOriginWriteFilter), so that no site can send complaints from a person's browser;</li>
 *   <li>the complaint API (POST /api/v1/complaints and what lies under it), open to all: it is the public
 *       front door, and nothing on this port needs an account. It takes JSON only, which a page of another site
 *       cannot send without a CORS preflight that nothing here grants.</li>
 * </ul>
 * No session, no cookie, no form login: each request carries its credential, and the form needs none (a person
 * reporting harassment may be watched, and a cookie is a trace).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

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
                .httpBasic(basic -> basic.realmName(ProblemResponder.REALM).authenticationEntryPoint(problems));
        return stateless(http, problems).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, ProblemResponder problems, SecurityProperties properties)
            throws Exception {
        http.securityMatcher("/", "/complaint", "/assets/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(CrossOriginWriteFilter.forHtmlForms(properties.allowedOrigins(), problems),
                        AuthorizationFilter.class);
        return stateless(http, problems).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemResponder problems) throws Exception {
        // No HTTP Basic here: a credential sent to a public endpoint is ignored, never a reason to refuse it.
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return stateless(http, problems).build();
    }

    private static HttpSecurity stateless(HttpSecurity http, ProblemResponder problems) throws Exception {
        return http
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // Token CSRF protects cookie sessions; there are none, and no write here needs an account.
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { });
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager users(SecurityProperties properties) {
        return Accounts.userDetailsManager(properties.users(), "health details and metrics");
    }
}
