package org.hotline.intake.http;

import io.swagger.v3.oas.models.OpenAPI;
import org.hotline.web.http.ApiDocs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the intake's API: its description, with what every service's has ({@link ApiDocs}). The
 * operations and the request's schema are the complaint feature's (ComplaintController, ComplaintRequestDocs).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI intakeOpenApi(ObjectProvider<BuildProperties> build) {
        return ApiDocs.document("Complaint hotline: intake API", build.getIfAvailable(),
                "Takes complaints of workplace sexual harassment, sexual extortion and retaliation (Kazakhstan and "
                        + "its neighbours) from the hotline's operators, its web form and partner organisations, "
                        + "and answers 202 with a receipt once the complaint is durable. Open to all; a partner "
                        + "organisation adds its key as Authorization: Bearer. Every error is an RFC 9457 problem "
                        + "detail (application/problem+json) whose type is a URN urn:hotline:problem:…, each listed "
                        + "in docs/api.md.");
    }
}
