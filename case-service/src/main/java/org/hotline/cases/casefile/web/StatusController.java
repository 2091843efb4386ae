package org.hotline.cases.casefile.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.cases.casefile.application.CaseStatusQuery;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.deadlines.domain.StatutoryClocks;
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
    private static final int MAX_LENGTH = 64;

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
