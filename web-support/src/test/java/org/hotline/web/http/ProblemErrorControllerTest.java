package org.hotline.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void answersEachErrorAsAProblemOfItsStatusNeverCachedAndRepeatingNothingOfTheRequest() {
        assertThat(answer(400)).satisfies(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
            assertThat(answer.getBody().getType().toString()).isEqualTo("urn:hotline:problem:request-rejected");
            assertThat(answer.getBody().getDetail()).doesNotContain("..;");
        });
        assertThat(type(404)).isEqualTo("urn:hotline:problem:not-found");
        assertThat(type(405)).isEqualTo("urn:hotline:problem:method-not-allowed");
        assertThat(type(415)).isEqualTo("urn:hotline:problem:unsupported-media-type");
        assertThat(type(503)).isEqualTo("urn:hotline:problem:internal-error");
        assertThat(type(409)).isEqualTo("urn:hotline:problem:request-refused");
    }

    @Test
    void takesAnErrorWithoutAStatusOrWithOneThatIsNoErrorForAnInternalError() {
        assertThat(controller.error(new MockHttpServletRequest()).getStatusCode().value()).isEqualTo(500);
        assertThat(answer(200).getStatusCode().value()).isEqualTo(500);
        assertThat(answer(999).getStatusCode().value()).isEqualTo(500);
    }

    private ResponseEntity<ProblemDetail> answer(int status) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/..;/actuator");
        return controller.error(request);
    }

    private String type(int status) {
        return answer(status).getBody().getType().toString();
    }
}
