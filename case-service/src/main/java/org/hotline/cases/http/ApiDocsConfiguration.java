package org.hotline.cases.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.hotline.web.http.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the case service's API ({@code /api-docs}, Swagger UI at {@code /swagger-ui.html};
 * docs/api.md): its title, the build's version, the problem detail every error answers with, and the staff's HTTP
 * Basic login. The operations are the features' (StatusController, CaseworkerController, ErasureController); the
 * pages for people (/status, /ack/{token}) are left out (springdoc.paths-to-match).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    /** The security scheme the staff's operations name: HTTP Basic against {@code hotline.security.users}. */
    static final String BASIC = "basic";

    @Bean
    OpenAPI caseOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Complaint hotline: case API")
                        // Running from classes without the build's build-info.properties (an IDE), no version.
                        .version(properties == null ? "unknown" : properties.getVersion())
                        .description("A complaint's case after the intake took it: the complainant asks where it "
                                + "stands with the reference and tracking code of their receipt (open to all, no "
                                + "account); the hotline's caseworkers record what bodies sent by post or said on "
                                + "the phone and close cases (role STAFF), and an administrator erases a "
                                + "complaint's personal data (role ADMIN), each with HTTP Basic and audited "
                                + "(docs/case.md). Every answer carries Cache-Control: no-store. Every error is "
                                + "an RFC 9457 problem detail (application/problem+json) whose type is a URN "
                                + "urn:hotline:problem:…."))
                .components(new Components()
                        .addSchemas(Problems.SCHEMA_NAME, problemSchema())
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A staff account of hotline.security.users "
                                        + "(docs/security.md, \"Roles and credentials\"); ADMIN includes STAFF.")));
    }

    private static Schema<?> problemSchema() {
        try {
            return Json31.mapper().readValue(Problems.SCHEMA, Schema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Problems.SCHEMA is not a JSON Schema", e);
        }
    }
}
