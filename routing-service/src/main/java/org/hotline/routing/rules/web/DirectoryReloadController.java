package org.hotline.routing.rules.web;

import static org.hotline.web.http.Problems.problem;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.hotline.routing.directory.domain.InvalidDirectoryException;
import org.hotline.routing.rules.application.CurrentRoutingEngine;
import org.hotline.routing.rules.domain.RoutingEngine;
import org.springframework.http.HttpStatus;
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

    private final CurrentRoutingEngine directory;

    DirectoryReloadController(CurrentRoutingEngine directory) {
        this.directory = directory;
    }

    @Operation(summary = "Reload the jurisdiction directory",
            description = "200 with the new rules version; 422 with the problems found, the old directory kept.")
    @PostMapping("/api/v1/routing/directory/reload")
    ResponseEntity<?> reload() {
        try {
            RoutingEngine engine = directory.reload();
            return ResponseEntity.ok(Map.of("rulesVersion", engine.rulesVersion(),
                    "units", engine.directory().unitCount(),
                    "authorities", engine.directory().authorityCount(),
                    "rules", engine.ruleBook().rules().size()));
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
