package org.hotline.intake.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import org.hotline.web.http.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the intake's API ({@code /api-docs}, Swagger UI at {@code /swagger-ui.html}; docs/api.md):
 * its title, the build's version, and the problem detail every error answers with. The operations and the request's
 * schema are the complaint feature's (ComplaintController, ComplaintRequestDocs).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI intakeOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Complaint hotline: intake API")
                        // Running from classes without the build's build-info.properties (an IDE), no version.
                        .version(properties == null ? "unknown" : properties.getVersion())
                        .description("Takes complaints of workplace sexual harassment, sexual extortion and "
                                + "retaliation (Kazakhstan and its neighbours) from the hotline's operators, its "
                                + "web form and partner organisations, and answers 202 with a receipt once the "
                                + "complaint is durable. Open to all; a partner organisation adds its key as "
                                + "Authorization: Bearer. Every error is an RFC 9457 problem detail "
                                + "(application/problem+json) whose type is a URN urn:hotline:problem:…, each "
                                + "listed in docs/api.md."))
                .components(new Components().addSchemas(Problems.SCHEMA_NAME, problemSchema()));
    }

    private static Schema<?> problemSchema() {
        try {
            return Json31.mapper().readValue(Problems.SCHEMA, Schema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Problems.SCHEMA is not a JSON Schema", e);
        }
    }
}
