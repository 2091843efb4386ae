package org.hotline.intake.complaint.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.hotline.intake.complaint.application.ComplaintIntake;
import org.hotline.intake.complaint.application.IntakeReceipt;
import org.hotline.intake.complaint.config.IntakeProperties;
import org.hotline.intake.complaint.domain.ComplaintForm;
import org.hotline.intake.partner.web.Partner;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/complaints}: the hotline's front door. */
@RestController
class ComplaintController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final ComplaintIntake intake;
    private final ComplaintRequestReader reader = new ComplaintRequestReader();
    private final LaneAssigner lanes;
    private final int maxBodyBytes;

    ComplaintController(ComplaintIntake intake, LaneAssigner lanes, IntakeProperties properties) {
        this.intake = intake;
        this.lanes = lanes;
        this.maxBodyBytes = properties.maxBodyBytes();
    }

    @Operation(summary = "Submit a complaint",
            description = "Answers 202 only once the complaint's event is committed to Kafka. Send an "
                    + "Idempotency-Key to retry safely: the same key and body return the same receipt. A partner "
                    + "organisation sends its key as Authorization: Bearer; its idempotency keys and its rate "
                    + "limit are then its own.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ComplaintForm.class))),
            responses = {
                @ApiResponse(responseCode = "202", description = "Durable; the receipt",
                        content = @Content(schema = @Schema(implementation = ComplaintReceipt.class))),
                @ApiResponse(responseCode = "400", description = "Invalid complaint; every bad field is named",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "401", description = "A Bearer key that is no partner's: nothing was "
                        + "read or stored",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "413", description = "Body above 64 KiB"),
                @ApiResponse(responseCode = "415", description = "Body is not application/json"),
                @ApiResponse(responseCode = "422", description = "Idempotency-Key reused for another complaint, "
                        + "or an ANONYMOUS complaint that names its complainant",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "429", description = "Over the client's or the hotline's rate limit: "
                        + "nothing was read or stored; retry after Retry-After seconds",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "503", description = "Broker unavailable: nothing was published; "
                        + "retry after Retry-After seconds with the same Idempotency-Key")})
    @PostMapping(path = "/api/v1/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ComplaintReceipt> submit(
            @Parameter(description = "Client-chosen key, 1 to 255 visible ASCII characters")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
            HttpServletRequest request) throws IOException {
        if (idempotencyKey != null && !VALID_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidIdempotencyKeyException();
        }
        ComplaintForm form = reader.read(readBody(request));
        Partner partner = Partner.of(request);
        IntakeReceipt receipt = intake.submit(form, idempotencyKey, partner == null ? null : partner.name(),
                () -> lanes.laneOf(request));
        return ResponseEntity.accepted().body(new ComplaintReceipt(receipt.complaintId(), receipt.reference(),
                receipt.trackingCode(), receipt.receivedAt()));
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

    static final class InvalidIdempotencyKeyException extends RuntimeException {
        InvalidIdempotencyKeyException() {
            super("Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
    }
}
