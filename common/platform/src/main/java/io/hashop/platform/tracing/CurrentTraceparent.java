package io.hashop.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C {@code traceparent} of the span current on this thread, for work that leaves
 * the process later than the call that caused it (an outbox entry is published by the
 * relay, on another thread, after the commit). {@code null} when no span is current.
 */
public final class CurrentTraceparent implements Supplier<String> {

	private static final String HEADER = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	private CurrentTraceparent(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * The current traceparent from this tracer, or always {@code null} when tracing is
	 * off (either is {@code null}).
	 * @param tracer the tracer, or {@code null}
	 * @param propagator its propagator, or {@code null}
	 * @return the supplier
	 */
	public static Supplier<String> of(Tracer tracer, Propagator propagator) {
		return (tracer != null && propagator != null) ? new CurrentTraceparent(tracer, propagator) : () -> null;
	}

	@Override
	public String get() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>(4);
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(HEADER);
	}

}
