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
import org.hotline.web.http.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/complaints}: the hotline's front door. */
@RestController
class ComplaintController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String PROBLEM = Problems.SCHEMA_REF;
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
            description = "Checks the body against the published request schema and the intake's rules (every "
                    + "problem named at once), seals the complainant's identity and the description, and answers "
                    + "202 with a receipt only once the complaint's event is committed to Kafka: any other answer "
                    + "means nothing was published. Send an Idempotency-Key to retry safely after a timeout or a "
                    + "503: the same key and content return the first receipt. A partner organisation sends its "
                    + "key as Authorization: Bearer; its idempotency keys and its rate limit are then its own. "
                    + "Every answer carries Cache-Control: no-store: the receipt holds the complainant's secret "
                    + "tracking code, to be shown to them once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "A complaint, as docs/schemas/complaint-request.v1.schema.json defines it",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(ref = ComplaintRequestDocs.REF))),
            responses = {
                @ApiResponse(responseCode = "202", description = "Durable: the receipt",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                schema = @Schema(implementation = ComplaintReceipt.class))),
                @ApiResponse(responseCode = "400", description = "invalid-complaint (every bad field named in "
                        + "errors), malformed-json or invalid-idempotency-key",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "401", description = "authentication-required: a Bearer key that is no "
                        + "partner's; nothing was read or stored",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "413", description = "payload-too-large: the body is above 64 KiB",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "415", description = "unsupported-media-type: the body is not "
                        + "application/json",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "422", description = "idempotency-key-reused (the key belongs to another "
                        + "complaint), identity-in-anonymous-complaint (an ANONYMOUS complaint that names its "
                        + "complainant) or invalid-text (a lone UTF-16 surrogate)",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "429", description = "too-many-requests: over the client's or the "
                        + "hotline's rate limit; nothing was stored; retry after Retry-After seconds",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "503", description = "broker-unavailable or service-starting: nothing "
                        + "was published; retry after Retry-After seconds with the same Idempotency-Key",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))})
    @PostMapping(path = "/api/v1/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ComplaintReceipt> submit(
            @Parameter(description = "Client-chosen key, 1 to 255 visible ASCII characters, such as a UUID made per "
                    + "complaint", schema = @Schema(type = "string", minLength = 1, maxLength = 255,
                            pattern = "^[\\x21-\\x7E]{1,255}$"), example = "8d3c7f0e-2b4a-4c1e-9f5d-6a7b8c9d0e1f")
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
