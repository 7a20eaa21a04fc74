package io.hashop.system.chaos;

import java.time.Instant;

/**
 * One HTTP request and what came of it, as a client saw it. Times are nanoseconds of the
 * run's monotonic clock (for windows and latencies) and wall-clock instants (for people
 * reading the report).
 *
 * @param operation the API call
 * @param user the shopper's name
 * @param idempotencyKey the {@code Idempotency-Key} of an order, else {@code null}
 * @param gateway the base URL the request went to
 * @param startNanos when it was sent
 * @param endNanos when the answer or the error came
 * @param startedAt the wall-clock time it was sent
 * @param endedAt the wall-clock time it ended
 * @param status the HTTP status, 0 when there was no answer
 * @param failure why there was no answer
 * @param orderId the order id of a 201 to {@code POST /api/orders}, else {@code null}
 * @param totalCents that order's total, else 0
 */
record Exchange(Operation operation, String user, String idempotencyKey, String gateway, long startNanos, long endNanos,
		Instant startedAt, Instant endedAt, int status, Failure failure, String orderId, long totalCents) {

	/** The order was accepted: this is what "nothing accepted is lost" is about. */
	boolean isAcceptedOrder() {
		return this.operation == Operation.PLACE_ORDER && this.status == 201 && this.orderId != null;
	}

	/**
	 * The platform answered and did not blame itself: any status below 500 counts, a 401
	 * after a lost session included, since the client knows what to do with it.
	 */
	boolean isAvailable() {
		return this.failure == Failure.NONE && this.status < 500;
	}

	long latencyNanos() {
		return this.endNanos - this.startNanos;
	}

	/** The status, or the kind of failure, as the report prints it. */
	String outcome() {
		return (this.failure == Failure.NONE) ? String.valueOf(this.status) : this.failure.label();
	}

	/** Why a request got no HTTP answer. */
	enum Failure {

		NONE(""),

		/** Refused, reset or closed before an answer: the process is gone or going. */
		CONNECTION_ERROR("connection error"),

		/** No answer within the client's timeout. */
		TIMEOUT("timeout");

		private final String label;

		Failure(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

}
