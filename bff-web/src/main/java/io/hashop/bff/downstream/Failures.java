package io.hashop.bff.downstream;

import java.io.IOException;
import java.util.Set;

import feign.FeignException;
import feign.RetryableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Tells a downstream's failure (it is down, slow or broken: counts against its breaker)
 * from a business answer (not found, invalid, conflict: it is working fine).
 * {@code INTERNAL} and {@code UNKNOWN} count: the services answer whatever a client can
 * send with {@code INVALID_ARGUMENT} (tested with hostile input, e.g. order-service's
 * cursors), so an internal error is the downstream's own.
 */
final class Failures {

	private static final Set<Status.Code> FAILURE_CODES = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
			Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.RESOURCE_EXHAUSTED, Status.Code.CANCELLED,
			Status.Code.DATA_LOSS, Status.Code.UNIMPLEMENTED);

	private Failures() {
	}

	static boolean isFailure(Throwable ex) {
		if (ex instanceof StatusRuntimeException status) {
			return FAILURE_CODES.contains(status.getStatus().getCode());
		}
		if (ex instanceof FeignException feign) {
			return feign instanceof RetryableException || feign.status() >= 500 || feign.status() < 0;
		}
		return ex instanceof IOException;
	}

	/**
	 * Worth another attempt of an idempotent read: the call surely did not get through.
	 */
	static boolean isRetryable(Throwable ex) {
		if (ex instanceof StatusRuntimeException status) {
			return status.getStatus().getCode() == Status.Code.UNAVAILABLE;
		}
		return ex instanceof RetryableException;
	}

}
