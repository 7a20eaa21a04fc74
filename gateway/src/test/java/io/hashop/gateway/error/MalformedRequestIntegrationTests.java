package io.hashop.gateway.error;

import io.hashop.gateway.EdgeIntegrationTest;
import io.hashop.gateway.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the HTTP decoder refuses before any filter runs are problem+json too, with the
 * connection closed, and never reach the BFF.
 */
class MalformedRequestIntegrationTests extends EdgeIntegrationTest {

	@Test
	void answersProblem414ForARequestLineOver4Kb() {
		assertProblem(send("GET /api/products?q=" + "a".repeat(5_000) + " HTTP/1.1\nHost: localhost"), 414);
	}

	@Test
	void answersProblem431ForHeadersOverNettysHardLimit() {
		assertProblem(send("GET /api/products HTTP/1.1\nHost: localhost\nX-Big: " + "x".repeat(40 * 1024)), 431);
	}

	@Test
	void answersProblem400ForAHeaderNameWithASpace() {
		assertProblem(send("GET /api/products HTTP/1.1\nHost: localhost\nX Bad: 1"), 400);
	}

	@Test
	void answersProblem400ForAControlCharacterInAHeaderValue() {
		assertProblem(send("GET /api/products HTTP/1.1\nHost: localhost\nX-Bad: a\u0001b"), 400);
	}

	@Test
	void answersProblem400ForARequestTargetThatIsNotAUri() {
		assertProblem(send("GET /api/products?q={x|y} HTTP/1.1\nHost: localhost"), 400);
		assertProblem(send("GET /api/%zz HTTP/1.1\nHost: localhost"), 400);
	}

	@Test
	void answersProblem400ForARequestLineThatIsNotHttp() {
		assertProblem(send("GET /api/products HTTP/1.1 extra\nHost: localhost"), 400);
	}

	@Test
	void answersProblem417ForAnExpectationOtherThan100Continue() {
		assertProblem(send("GET /api/products HTTP/1.1\nHost: localhost\nExpect: 200-ok"), 417);
	}

	@Test
	void stillServesAWellFormedRequest() {
		assertThat(send("GET /api/products HTTP/1.1\nHost: localhost").status()).isEqualTo(200);
	}

	private RawHttp.Answer send(String head) {
		return RawHttp.exchange(this.port, head, new byte[0]);
	}

	private static void assertProblem(RawHttp.Answer answer, int status) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
		assertThat(answer.headers()).containsEntry("connection", "close");
		assertThat(answer.body()).contains("\"status\":" + status).doesNotContain("Exception");
		assertThat(reachedBff()).isZero();
	}

}
