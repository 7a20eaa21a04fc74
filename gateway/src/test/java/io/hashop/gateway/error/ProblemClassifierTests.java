package io.hashop.gateway.error;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemClassifierTests {

	private final ProblemClassifier classifier = new ProblemClassifier(Duration.ofSeconds(5));

	@Test
	void answers503WithRetryAfterWhenNoInstanceCanBeReached() {
		for (Throwable ex : new Throwable[] { new ConnectException("Connection refused"),
				new ConnectTimeoutException("connection timed out"), NotFoundException.create(false, "no instance"),
				new IllegalStateException(new ConnectException("wrapped")) }) {
			Problem problem = this.classifier.classify(ex);
			assertThat(problem.status().value()).as(ex.toString()).isEqualTo(503);
			assertThat(problem.retryAfterSeconds()).as(ex.toString()).isEqualTo(5);
			assertThat(problem.detail()).doesNotContain("instance");
		}
	}

	@Test
	void answers504WhenTheUpstreamTimedOut() {
		assertThat(this.classifier.classify(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT)).status().value())
			.isEqualTo(504);
		assertThat(this.classifier.classify(new TimeoutException()).status().value()).isEqualTo(504);
	}

	@Test
	void answers502WhenTheUpstreamBrokeTheConnection() {
		assertThat(this.classifier.classify(PrematureCloseException.TEST_EXCEPTION).status().value()).isEqualTo(502);
		assertThat(this.classifier.classify(new IOException("reset")).status().value()).isEqualTo(502);
	}

	@Test
	void answers413ForABufferOverItsLimit() {
		assertThat(this.classifier.classify(new DataBufferLimitException("too big")).status().value()).isEqualTo(413);
	}

	@Test
	void keepsTheStatusDetailAndRetryAfterOfAnEdgeRejection() {
		Problem problem = this.classifier.classify(new EdgeRejectionException(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests; try again later.", Duration.ofMillis(1500)));

		assertThat(problem.status().value()).isEqualTo(429);
		assertThat(problem.detail()).isEqualTo("Too many requests; try again later.");
		assertThat(problem.retryAfterSeconds()).isEqualTo(2);
	}

	@Test
	void answersABare500ForAnythingUnexpected() {
		Problem problem = this.classifier.classify(new IllegalStateException("secret internals"));

		assertThat(problem.status().value()).isEqualTo(500);
		assertThat(problem.detail()).doesNotContain("secret");
		assertThat(problem.retryAfter()).isNull();
	}

}
