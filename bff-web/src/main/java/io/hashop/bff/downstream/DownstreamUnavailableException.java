package io.hashop.bff.downstream;

/**
 * A downstream cannot answer now (down, slow, breaker open, bulkhead full): 503 with
 * Retry-After.
 */
public class DownstreamUnavailableException extends RuntimeException {

	private final String downstream;

	public DownstreamUnavailableException(String downstream, Throwable cause) {
		super(downstream + " is unavailable", cause);
		this.downstream = downstream;
	}

	public String downstream() {
		return this.downstream;
	}

}
