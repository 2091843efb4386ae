package org.hotline.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemsTest {

    @Test
    void namesTheProblemTypeInTheHotlinesNamespaceWithItsTitleAndDetail() {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "already-recorded", "Already recorded",
                "The first closure of a case stands.");

        assertThat(problem.getType()).isEqualTo(URI.create("urn:hotline:problem:already-recorded"));
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getTitle()).isEqualTo("Already recorded");
        assertThat(problem.getDetail()).isEqualTo("The first closure of a case stands.");
    }

    @Test
    void answersWithTheProblemsStatusNeverCachedAndWithRetryAfterWhenAsked() {
        ProblemDetail unavailable = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-starting",
                "The case files are loading", "Retry in a few seconds.");

        ResponseEntity<ProblemDetail> plain = Problems.noStore(unavailable);
        ResponseEntity<ProblemDetail> later = Problems.noStoreRetryAfter(unavailable, 5);

        assertThat(plain.getStatusCode().value()).isEqualTo(503);
        assertThat(plain.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(plain.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(later.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(later.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(later.getBody()).isSameAs(unavailable);
    }
}
