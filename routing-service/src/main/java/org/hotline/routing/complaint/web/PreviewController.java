package org.hotline.routing.complaint.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.hotline.routing.complaint.application.ComplaintRouter;
import org.hotline.routing.complaint.config.RoutingProperties;
import org.hotline.web.http.ApiDocs;
import org.hotline.web.http.Problems;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/routing/preview}: what the service would decide for a complaint, publishing nothing. */
@RestController
class PreviewController {

    static final String PATH = "/api/v1/routing/preview";
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String PROBLEM = Problems.SCHEMA_REF;

    private final ComplaintRouter router;
    private final PreviewRequestReader reader;
    private final int maxBodyBytes;

    PreviewController(ComplaintRouter router, Clock clock, RoutingProperties properties) {
        this.router = router;
        this.reader = new PreviewRequestReader(clock);
        this.maxBodyBytes = properties.maxPreviewBodyBytes();
    }

    @Operation(summary = "Preview the routing decision for a complaint",
            description = "Takes the body of the intake's POST /api/v1/complaints, checked as the intake checks "
                    + "it, and answers the decision the service would make with the directory loaded now: the "
                    + "bodies, the first the primary, each with the rule that chose it and why. Nothing is "
                    + "published or stored; the request is audited. Role STAFF.",
            security = @SecurityRequirement(name = ApiDocs.BASIC),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "A complaint, as docs/schemas/complaint-request.v1.schema.json defines it",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(ref = PreviewRequestDocs.REF))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The decision",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                schema = @Schema(implementation = PreviewResponse.class))),
                @ApiResponse(responseCode = "400", description = "invalid-complaint (every bad field named in "
                        + "errors) or malformed-json",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "401", description = "authentication-required: no account, or a wrong "
                        + "password", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "403", description = "access-denied: the account is not STAFF; or "
                        + "cross-origin-request: sent from another site's page",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "413", description = "payload-too-large: the body is too large",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "415", description = "unsupported-media-type: the body is not "
                        + "application/json",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))})
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    PreviewResponse preview(HttpServletRequest request) throws IOException {
        return PreviewResponse.of(router.preview(reader.read(readBody(request))));
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new PayloadTooLargeException(maxBodyBytes);
            }
            return body;
        }
    }

    static final class PayloadTooLargeException extends RuntimeException {
        PayloadTooLargeException(int limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }
}
