package io.hashop.bff.downstream;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

	private static final Request REQUEST = Request.create(Request.HttpMethod.GET, "http://payment-service/payments",
			Map.of(), null, StandardCharsets.UTF_8, null);

	/** What Feign throws when the connection could not be made: nothing was sent. */
	private static final RetryableException NOT_SENT = new RetryableException(-1, "Connection refused",
			Request.HttpMethod.GET, new ConnectException("refused"), (Long) null, REQUEST);

	@Test
	void neverCountsAnAnswerAboutTheClientsRequest() {
		for (Status.Code code : new Status.Code[] { Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
				Status.Code.ALREADY_EXISTS, Status.Code.FAILED_PRECONDITION, Status.Code.PERMISSION_DENIED,
				Status.Code.OUT_OF_RANGE, Status.Code.UNAUTHENTICATED }) {
			assertThat(Failures.isFailure(Status.fromCode(code).asRuntimeException())).as(code.name()).isFalse();
		}
		assertThat(Failures.isFailure(new FeignException.BadRequest("bad", REQUEST, null, Map.of()))).isFalse();
		assertThat(Failures.isFailure(new FeignException.NotFound("missing", REQUEST, null, Map.of()))).isFalse();
		assertThat(Failures.isFailure(new FeignException.UnprocessableEntity("no", REQUEST, null, Map.of()))).isFalse();
	}

	@Test
	void countsUnavailabilityDeadlinesExhaustionAndServerErrors() {
		for (Status.Code code : new Status.Code[] { Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
				Status.Code.RESOURCE_EXHAUSTED, Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.CANCELLED,
				Status.Code.DATA_LOSS, Status.Code.UNIMPLEMENTED }) {
			assertThat(Failures.isFailure(Status.fromCode(code).asRuntimeException())).as(code.name()).isTrue();
		}
		assertThat(Failures.isFailure(new FeignException.ServiceUnavailable("down", REQUEST, null, Map.of()))).isTrue();
		assertThat(Failures.isFailure(new ConnectException("refused"))).isTrue();
		assertThat(Failures.isFailure(new FeignException.InternalServerError("boom", REQUEST, null, Map.of())))
			.isTrue();
		assertThat(Failures.isFailure(NOT_SENT)).isTrue();
	}

	@Test
	void leavesOtherExceptionsToTheCaller() {
		assertThat(Failures.isFailure(new IllegalStateException("a bug of the BFF's own"))).isFalse();
		assertThat(Failures.isFailure(new DownstreamUnavailableException("order-service", null))).isFalse();
	}

	@Test
	void retriesOnlyWhatSurelyDidNotGetThrough() {
		assertThat(Failures.isRetryable(Status.UNAVAILABLE.asRuntimeException())).isTrue();
		assertThat(Failures.isRetryable(NOT_SENT)).isTrue();
		for (Status.Code code : new Status.Code[] { Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED,
				Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.CANCELLED, Status.Code.NOT_FOUND,
				Status.Code.INVALID_ARGUMENT }) {
			assertThat(Failures.isRetryable(Status.fromCode(code).asRuntimeException())).as(code.name()).isFalse();
		}
		assertThat(Failures.isRetryable(new FeignException.ServiceUnavailable("down", REQUEST, null, Map.of())))
			.isFalse();
		assertThat(Failures.isRetryable(new FeignException.InternalServerError("boom", REQUEST, null, Map.of())))
			.isFalse();
		assertThat(Failures.isRetryable(new IllegalStateException("a bug of the BFF's own"))).isFalse();
	}

}
