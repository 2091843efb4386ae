package org.hotline.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void answersEachErrorAsAProblemOfItsStatusNeverCachedWithTheServicesRootAsItsInstance() {
        assertThat(answer(400)).satisfies(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
            assertThat(answer.getBody().getType().toString()).isEqualTo("urn:hotline:problem:request-rejected");
            assertThat(answer.getBody().getInstance().toString()).isEqualTo("/");
        });
        assertThat(type(404)).isEqualTo("urn:hotline:problem:not-found");
        assertThat(type(405)).isEqualTo("urn:hotline:problem:method-not-allowed");
        assertThat(type(415)).isEqualTo("urn:hotline:problem:unsupported-media-type");
        assertThat(type(503)).isEqualTo("urn:hotline:problem:internal-error");
        assertThat(type(409)).isEqualTo("urn:hotline:problem:request-refused");
    }

    @Test
    void takesAnErrorWithoutAStatusOrWithOneThatIsNoErrorForAnInternalError() {
        MockHttpServletRequest noStatus = new MockHttpServletRequest("GET", "/error");
        noStatus.setDispatcherType(DispatcherType.ERROR);

        assertThat(controller.error(noStatus).getStatusCode().value()).isEqualTo(500);
        assertThat(answer(200).getStatusCode().value()).isEqualTo(500);
        assertThat(answer(999).getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void answersARequestForTheErrorPathItselfAsAPathNoEndpointHas() {
        ResponseEntity<ProblemDetail> answer = controller.error(new MockHttpServletRequest("GET", "/error"));

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:hotline:problem:not-found");
    }

    private ResponseEntity<ProblemDetail> answer(int status) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/..;/actuator");
        return controller.error(request);
    }

    private String type(int status) {
        return answer(status).getBody().getType().toString();
    }
}
