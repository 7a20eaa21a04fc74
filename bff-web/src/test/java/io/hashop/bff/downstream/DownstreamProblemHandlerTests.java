package io.hashop.bff.downstream;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class DownstreamProblemHandlerTests {

	private final DownstreamProblemHandler handler = new DownstreamProblemHandler();

	/** What user-service answers when every password-hashing permit is taken. */
	private static final StatusRuntimeException HASHING_BUSY = StatusProto
		.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(Code.RESOURCE_EXHAUSTED_VALUE)
			.setMessage("Too many password checks at once; try again shortly")
			.addDetails(
					Any.pack(ErrorInfo.newBuilder().setDomain("hashop.io").setReason("PASSWORD_HASHING_BUSY").build()))
			.build());

	@Test
	void answersADownstreamsResourceExhaustion503WithRetryAfter() {
		assertServiceUnavailable(this.handler.grpcAnswer(HASHING_BUSY));
	}

	@Test
	void answersAResourceExhaustionCountedAgainstTheGuard503WithRetryAfter() {
		assertServiceUnavailable(
				this.handler.unavailable(new DownstreamUnavailableException("user-service", HASHING_BUSY)));
	}

	private static void assertServiceUnavailable(ResponseEntity<ProblemDetail> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
			.isEqualTo(DownstreamProblemHandler.RETRY_AFTER_SECONDS);
		assertThat(response.getBody()).isNotNull();
		assertThat(response.getBody().getStatus()).isEqualTo(503);
		assertThat(response.getBody().getDetail()).doesNotContain("password", "RESOURCE_EXHAUSTED");
	}

}
