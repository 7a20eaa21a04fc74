package io.hashop.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Sends a batch of outbox entries to Kafka at once and waits, up to one shared deadline,
 * for the broker's answer to each.
 */
final class OutboxPublisher {

	private final KafkaOperations<String, byte[]> kafka;

	private final Duration sendTimeout;

	OutboxPublisher(KafkaOperations<String, byte[]> kafka, Duration sendTimeout) {
		this.kafka = kafka;
		this.sendTimeout = sendTimeout;
	}

	/**
	 * What the broker made of a batch: the ids it acknowledged, and the error of every
	 * entry it did not, in lease order.
	 */
	record Published(List<Long> acknowledged, Map<OutboxEntry, Throwable> failures) {

	}

	/** Sends every entry and waits for each outcome. */
	Published publish(List<OutboxEntry> entries) {
		Map<OutboxEntry, Throwable> failures = new LinkedHashMap<>();
		Map<OutboxEntry, CompletableFuture<?>> sends = new LinkedHashMap<>();
		for (OutboxEntry entry : entries) {
			try {
				sends.put(entry, this.kafka.send(entry.toRecord()));
			}
			catch (RuntimeException ex) {
				failures.put(entry, ex);
			}
		}
		long deadline = System.nanoTime() + this.sendTimeout.toNanos();
		List<Long> acknowledged = new ArrayList<>();
		for (Map.Entry<OutboxEntry, CompletableFuture<?>> send : sends.entrySet()) {
			try {
				send.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				acknowledged.add(send.getKey().id());
			}
			catch (ExecutionException ex) {
				failures.put(send.getKey(), (ex.getCause() != null) ? ex.getCause() : ex);
			}
			catch (TimeoutException ex) {
				failures.put(send.getKey(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while publishing the outbox", ex);
			}
		}
		return new Published(acknowledged, failures);
	}

}
