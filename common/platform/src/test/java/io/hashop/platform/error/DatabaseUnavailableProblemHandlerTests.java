package io.hashop.platform.error;

import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableProblemHandlerTests {

	@Test
	void answersADatabaseThatCannotServe503WithRetryAfter() {
		ResponseEntity<ProblemDetail> answer = new DatabaseUnavailableProblemHandler()
			.handleUnavailable(new QueryTimeoutException("canceling statement due to statement timeout"));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(answer.getBody().getDetail()).doesNotContain("statement timeout");
	}

}
