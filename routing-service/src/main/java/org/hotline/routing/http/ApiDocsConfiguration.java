package org.hotline.routing.http;

import io.swagger.v3.oas.models.OpenAPI;
import org.hotline.web.http.ApiDocs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of routing's API: its description, with what every service's has ({@link ApiDocs}) and the
 * staff's login. The operations are the features' (PreviewController, DirectoryReloadController).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI routingOpenApi(ObjectProvider<BuildProperties> build) {
        return ApiDocs.withStaffLogin(ApiDocs.document("Complaint hotline: routing API", build.getIfAvailable(),
                "For the hotline's staff: what the routing service would decide for a complaint (which bodies it "
                        + "would go to, and why) with the directory loaded now, and the reload of that directory. "
                        + "Routing itself works from Kafka (docs/routing.md). Every operation needs an account "
                        + "(HTTP Basic): the preview STAFF, the reload ADMIN. Every error is an RFC 9457 problem "
                        + "detail (application/problem+json) whose type is a URN urn:hotline:problem:…."));
    }
}
