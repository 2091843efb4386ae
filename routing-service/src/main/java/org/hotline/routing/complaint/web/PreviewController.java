package org.hotline.routing.complaint.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.hotline.routing.complaint.application.ComplaintRouter;
import org.hotline.routing.complaint.config.RoutingProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/routing/preview}: what the service would decide for a complaint, publishing nothing. */
@RestController
class PreviewController {

    private final ComplaintRouter router;
    private final PreviewRequestReader reader;
    private final int maxBodyBytes;

    PreviewController(ComplaintRouter router, Clock clock, RoutingProperties properties) {
        this.router = router;
        this.reader = new PreviewRequestReader(clock);
        this.maxBodyBytes = properties.maxPreviewBodyBytes();
    }

    @Operation(summary = "Preview the routing decision for a complaint",
            description = "Takes the body of POST /api/v1/complaints (intake API) and answers the decision the "
                    + "service would make with the directory loaded now. Nothing is published.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The decision",
                        content = @Content(schema = @Schema(implementation = PreviewResponse.class))),
                @ApiResponse(responseCode = "400", description = "Not JSON, or not a complaint; every bad field is named",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "413", description = "Body too large"),
                @ApiResponse(responseCode = "415", description = "Body is not application/json")})
    @PostMapping(path = "/api/v1/routing/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
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
