package org.hotline.routing.rules.web;

import static org.hotline.web.http.Problems.problem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.hotline.routing.directory.domain.InvalidDirectoryException;
import org.hotline.routing.rules.application.CurrentRoutingEngine;
import org.hotline.routing.rules.domain.RoutingEngine;
import org.hotline.web.http.ApiDocs;
import org.hotline.web.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/routing/directory/reload}: reload the directory now instead of at the next check.
 * A failed reload answers 422 with every problem's file and line, and the previous directory stays in use.
 */
@RestController
class DirectoryReloadController {

    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String PROBLEM = Problems.SCHEMA_REF;

    private final CurrentRoutingEngine directory;

    DirectoryReloadController(CurrentRoutingEngine directory) {
        this.directory = directory;
    }

    @Operation(summary = "Reload the jurisdiction directory",
            description = "Reads the directory's files (units, authorities, rules) now instead of at the next "
                    + "check, and routes every complaint from then on with it. A directory with mistakes is refused "
                    + "as a whole, with every mistake's file and line, and the previous one stays in use. No body. "
                    + "Role ADMIN; the request is audited.",
            security = @SecurityRequirement(name = ApiDocs.BASIC),
            responses = {
                @ApiResponse(responseCode = "200", description = "Loaded: the new directory's rules version and size",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                schema = @Schema(implementation = ReloadedDirectory.class))),
                @ApiResponse(responseCode = "401", description = "authentication-required: no account, or a wrong "
                        + "password", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "403", description = "access-denied: the account is not ADMIN; or "
                        + "cross-origin-request: sent from another site's page",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "422", description = "invalid-directory (errors: each mistake's file, "
                        + "line and problem) or directory-unreadable; rulesVersion names the directory still in use",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))})
    @PostMapping("/api/v1/routing/directory/reload")
    ResponseEntity<?> reload() {
        try {
            RoutingEngine engine = directory.reload();
            return ResponseEntity.ok(new ReloadedDirectory(engine.rulesVersion(), engine.directory().unitCount(),
                    engine.directory().authorityCount(), engine.ruleBook().rules().size()));
        } catch (InvalidDirectoryException e) {
            List<Map<String, Object>> errors = e.problems().stream()
                    .map(p -> Map.<String, Object>of("file", p.file(), "line", p.line(), "problem", p.problem()))
                    .toList();
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-directory",
                    "The directory has mistakes; the previous one is still in use",
                    errors.size() + " problem(s); see errors.");
            problem.setProperty("errors", errors);
            problem.setProperty("rulesVersion", directory.engine().rulesVersion());
            return ResponseEntity.unprocessableContent().body(problem);
        } catch (IOException e) {
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "directory-unreadable",
                    "The directory's files could not be read; the previous one is still in use", e.getMessage());
            problem.setProperty("rulesVersion", directory.engine().rulesVersion());
            return ResponseEntity.unprocessableContent().body(problem);
        }
    }
}
