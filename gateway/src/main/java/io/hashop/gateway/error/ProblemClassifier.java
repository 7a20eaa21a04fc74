package io.hashop.gateway.error;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * Maps what went wrong to what the client is told. A refused or timed-out connection and
 * "no instance available" are all 503 with {@code Retry-After}; an upstream that accepted
 * the request but did not answer in time is 504; one that broke the connection is 502.
 */
class ProblemClassifier {

	private final Duration unavailableRetryAfter;

	ProblemClassifier(Duration unavailableRetryAfter) {
		this.unavailableRetryAfter = unavailableRetryAfter;
	}

	Problem classify(Throwable ex) {
		if (ex instanceof EdgeRejectionException rejection) {
			return new Problem(rejection.status(), rejection.detail(), rejection.retryAfter());
		}
		if (causedBy(ex, ConnectException.class)) {
			return unavailable();
		}
		if (ex instanceof ResponseStatusException statusException) {
			return fromStatus(statusException.getStatusCode());
		}
		if (causedBy(ex, DataBufferLimitException.class)) {
			return new Problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.", null);
		}
		if (causedBy(ex, TimeoutException.class)) {
			return fromStatus(HttpStatus.GATEWAY_TIMEOUT);
		}
		if (causedBy(ex, IOException.class)) {
			return new Problem(HttpStatus.BAD_GATEWAY, "The service closed the connection without an answer.", null);
		}
		return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway failed to handle the request.", null);
	}

	private Problem fromStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 503 -> unavailable();
			case 504 -> new Problem(status, "The service did not answer in time.", null);
			case 404 -> new Problem(status, "There is nothing at this path.", null);
			case 405 -> new Problem(status, "This method is not allowed here.", null);
			case 413 -> new Problem(status, "The request body is too large.", null);
			case 415 -> new Problem(status, "This content type is not supported.", null);
			default -> new Problem(status, (status.is5xxServerError()) ? "The gateway failed to handle the request."
					: "The request cannot be handled.", null);
		};
	}

	private Problem unavailable() {
		return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "The service is unavailable; try again later.",
				this.unavailableRetryAfter);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
		}
		return false;
	}

}
