package org.hotline.cases.http;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.TreeMap;
import org.hotline.web.http.ApiDocs;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the case service's API: its description, with what every service's has
 * ({@link ApiDocs}) and the staff's login. The operations are the features' (StatusController,
 * CaseworkerController, ErasureController); the pages for people (/status, /ack/{token}) are left out
 * (springdoc.paths-to-match).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI caseOpenApi(ObjectProvider<BuildProperties> build) {
        return ApiDocs.withStaffLogin(ApiDocs.document("Complaint hotline: case API", build.getIfAvailable(),
                "A complaint's case after the intake took it: the complainant asks where it stands with the "
                        + "reference and tracking code of their receipt (open to all, no account); the hotline's "
                        + "caseworkers record what bodies sent by post or said on the phone and close cases (role "
                        + "STAFF), and an administrator erases a complaint's personal data (role ADMIN), each with "
                        + "HTTP Basic and audited (docs/case.md). Every answer carries Cache-Control: no-store. "
                        + "Every error is an RFC 9457 problem detail (application/problem+json) whose type is a URN "
                        + "urn:hotline:problem:…."));
    }

    /**
     * Each operation's answers in the order of their status codes: the caseworker's operations take some from their
     * controller (the ones they share) and some from themselves, and springdoc lists the operation's own first.
     */
    @Bean
    OpenApiCustomizer answersByStatusCode() {
        return document -> document.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            ApiResponses ordered = new ApiResponses();
            new TreeMap<>(operation.getResponses()).forEach(ordered::addApiResponse);
            ordered.setExtensions(operation.getResponses().getExtensions());
            operation.setResponses(ordered);
        }));
    }
}
