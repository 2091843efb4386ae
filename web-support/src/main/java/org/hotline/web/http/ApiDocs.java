package org.hotline.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.info.BuildProperties;

/**
 * What the OpenAPI documents of the services' APIs ({@code /api-docs}, Swagger UI at {@code /swagger-ui.html};
 * docs/api.md) share: the title and the build's version, the problem detail every error answers with
 * ({@link Problems#SCHEMA}), and the staff's HTTP Basic login. Each service writes its own description, and its
 * features their operations.
 */
public final class ApiDocs {

    /** The security scheme the staff's operations name: HTTP Basic against {@code hotline.security.users}. */
    public static final String BASIC = "basic";

    private ApiDocs() {
    }

    /**
     * A document with the problem schema, of the build's version; "unknown" when the service runs from classes
     * without the build's {@code build-info.properties} (an IDE).
     */
    public static OpenAPI document(String title, @Nullable BuildProperties build, String description) {
        return new OpenAPI()
                .info(new Info()
                        .title(title)
                        .version(build == null ? "unknown" : build.getVersion())
                        .description(description))
                .components(new Components().addSchemas(Problems.SCHEMA_NAME, problemSchema()));
    }

    /** The document, with the staff's login ({@link #BASIC}) that its operations for staff name. */
    public static OpenAPI withStaffLogin(OpenAPI document) {
        document.getComponents().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description("A staff account of hotline.security.users (docs/security.md, "
                        + "\"Roles and credentials\"); ADMIN includes STAFF."));
        return document;
    }

    private static Schema<?> problemSchema() {
        try {
            return Json31.mapper().readValue(Problems.SCHEMA, Schema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Problems.SCHEMA is not a JSON Schema", e);
        }
    }
}
