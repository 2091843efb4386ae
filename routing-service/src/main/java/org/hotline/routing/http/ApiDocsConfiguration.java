package org.hotline.routing.http;

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
 * The OpenAPI document of routing's API ({@code /api-docs}, Swagger UI at {@code /swagger-ui.html}; docs/api.md):
 * its title, the build's version, the problem detail every error answers with, and the staff's HTTP Basic login.
 * The operations are the features' (PreviewController, DirectoryReloadController).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    /** The security scheme the operations name: HTTP Basic against {@code hotline.security.users}. */
    static final String BASIC = "basic";

    @Bean
    OpenAPI routingOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Complaint hotline: routing API")
                        // Running from classes without the build's build-info.properties (an IDE), no version.
                        .version(properties == null ? "unknown" : properties.getVersion())
                        .description("For the hotline's staff: what the routing service would decide for a "
                                + "complaint (which bodies it would go to, and why) with the directory loaded now, "
                                + "and the reload of that directory. Routing itself works from Kafka "
                                + "(docs/routing.md). Every operation needs an account (HTTP Basic): the preview "
                                + "STAFF, the reload ADMIN. Every error is an RFC 9457 problem detail "
                                + "(application/problem+json) whose type is a URN urn:hotline:problem:…."))
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
