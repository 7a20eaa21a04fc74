package io.hashop.gateway.accesslog;

/**
 * What the access-log line of one request learns while the request runs; carried in the
 * Reactor context from {@link AccessLogDecorator} to {@link TraceIdCapture}.
 */
final class AccessLogEntry {

	private volatile String traceId;

	private volatile String spanId;

	void traced(String traceId, String spanId) {
		this.traceId = traceId;
		this.spanId = spanId;
	}

	String traceId() {
		return this.traceId;
	}

	String spanId() {
		return this.spanId;
	}

}
