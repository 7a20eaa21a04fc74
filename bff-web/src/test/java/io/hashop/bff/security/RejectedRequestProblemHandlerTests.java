package io.hashop.bff.security;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;

import static org.assertj.core.api.Assertions.assertThat;

class RejectedRequestProblemHandlerTests {

	@Test
	void answersAHeaderTheFirewallRejectsInsideAHandlerWith400() {
		ProblemDetail problem = new RejectedRequestProblemHandler().rejected(new RequestRejectedException(
				"The request was rejected because the header: \"Idempotency-Key\" has a value \"À\" that is not allowed."));

		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getDetail()).doesNotContain("Idempotency-Key", "À");
	}

}
