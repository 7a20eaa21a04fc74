package io.hashop.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentTraceparentTests {

	private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
		.setTracerProvider(SdkTracerProvider.builder().build())
		.setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
		.build();

	private final OtelTracer tracer = new OtelTracer(this.openTelemetry.getTracer("test"),
			new OtelCurrentTraceContext(), (event) -> {
			});

	private final OtelPropagator propagator = new OtelPropagator(this.openTelemetry.getPropagators(),
			this.openTelemetry.getTracer("test"));

	@Test
	void isTheW3cContextOfTheSpanInScope() {
		Span span = this.tracer.nextSpan().name("work").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			assertThat(CurrentTraceparent.of(this.tracer, this.propagator).get())
				.isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
		}
		finally {
			span.end();
		}
	}

	@Test
	void isNullOutsideAnySpanAndWithoutATracer() {
		assertThat(CurrentTraceparent.of(this.tracer, this.propagator).get()).isNull();
		assertThat(CurrentTraceparent.of(null, null).get()).isNull();
	}

}
