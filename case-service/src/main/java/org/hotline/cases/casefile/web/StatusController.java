package org.hotline.cases.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.cases.casefile.application.CaseStatusQuery;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.deadlines.domain.StatutoryClocks;
import org.hotline.web.http.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/complaints/status}: a POST, so the tracking code stays out of URLs and access logs. The
 * answer is never cached ({@code Cache-Control: no-store}): it is one person's case.
 */
@RestController
class StatusController {

    /** A reference ({@code HL-7F3K-9QX2-ABCD}) and a tracking code (four groups of four) are 17 and 19 characters. */
    static final int MAX_LENGTH = 64;
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String PROBLEM = Problems.SCHEMA_REF;

    private final CaseStatusQuery query;
    private final Clock clock;
    private final StatutoryClocks clocks;
    private final AuthorityNames names;

    StatusController(CaseStatusQuery query, Clock clock, StatutoryClocks clocks, AuthorityNames names) {
        this.query = query;
        this.clock = clock;
        this.clocks = clocks;
        this.names = names;
    }

    @Operation(summary = "Ask where a complaint stands",
            description = "For the complainant, with the reference and the tracking code of the intake's receipt "
                    + "(case and spaces do not matter); a POST, so that the code stays out of addresses and logs. "
                    + "Answers which bodies were told and when, their deadlines, who acknowledged and answered, "
                    + "escalations and closure, and where each stands today (Asia/Almaty); nothing that identifies "
                    + "the complainant. An unknown reference and a wrong code get the same 404. Open to all, no "
                    + "account; rate limited per client address.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StatusRequest.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The case, as the complainant may see it",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                schema = @Schema(implementation = StatusResponse.class))),
                @ApiResponse(responseCode = "400", description = "invalid-status-request (a value missing or longer "
                        + "than 64 characters, named in errors) or malformed-json",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "404", description = "case-not-found: no case with this reference and "
                        + "tracking code (the same answer for either being wrong)",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "415", description = "unsupported-media-type: the body is not "
                        + "application/json",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "429", description = "too-many-requests: over the client's or "
                        + "everyone's rate limit; nothing was looked up; retry after Retry-After seconds",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "503", description = "service-starting: the case files are loading; "
                        + "retry after Retry-After seconds",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))})
    @PostMapping(path = "/api/v1/complaints/status", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StatusResponse> status(@RequestBody StatusRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        String reference = field(request.reference(), "reference", errors);
        String trackingCode = field(request.trackingCode(), "trackingCode", errors);
        if (!errors.isEmpty()) {
            throw new InvalidStatusRequestException(errors);
        }
        LocalDate today = LocalDate.now(clock.withZone(clocks.zone()));
        return query.status(reference.strip().toUpperCase(Locale.ROOT), trackingCode)
                .map(file -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .body(StatusResponse.of(file, today, names)))
                .orElseThrow(CaseNotFoundException::new);
    }

    private static String field(@Nullable String value, String name, List<Map<String, String>> errors) {
        if (value == null || value.isBlank()) {
            errors.add(Map.of("field", name, "problem", "is required"));
            return "";
        }
        if (value.length() > MAX_LENGTH) {
            errors.add(Map.of("field", name, "problem", "must be at most " + MAX_LENGTH + " characters"));
        }
        return value;
    }

    /** Unknown reference or wrong code: deliberately one exception for both. */
    static final class CaseNotFoundException extends RuntimeException {
        CaseNotFoundException() {
            super("no case with this reference and tracking code");
        }
    }

    static final class InvalidStatusRequestException extends RuntimeException {
        final List<Map<String, String>> errors;

        InvalidStatusRequestException(List<Map<String, String>> errors) {
            super(errors.size() + " field(s) need fixing");
            this.errors = List.copyOf(errors);
        }
    }
}
