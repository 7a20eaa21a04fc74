package io.hashop.platform.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaProducerException;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxFailuresTests {

	@Test
	void tellsAnOutageFromAnEntrysOwnFailure() {
		assertThat(OutboxFailures.isTransient(wrapped(new TimeoutException("Topic not present in metadata")))).isTrue();
		assertThat(OutboxFailures.isTransient(wrapped(new NotEnoughReplicasException("1 of 3")))).isTrue();
		assertThat(OutboxFailures.isTransient(new java.util.concurrent.TimeoutException())).isTrue();

		assertThat(OutboxFailures.isTransient(wrapped(new RecordTooLargeException("too large")))).isFalse();
		assertThat(OutboxFailures.isTransient(new SerializationException("cannot serialize"))).isFalse();
		assertThat(OutboxFailures.isTransient(wrapped(new TopicAuthorizationException("denied")))).isFalse();
	}

	@Test
	void describesTheInnermostCause() {
		assertThat(OutboxFailures.describe(new ExecutionException(wrapped(new RecordTooLargeException("1.1 MB")))))
			.isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException: 1.1 MB (in ExecutionException)");
	}

	@Test
	void doublesTheBackOffUpToItsCap() {
		Duration first = Duration.ofSeconds(1);
		Duration max = Duration.ofMinutes(5);

		assertThat(OutboxFailures.backOff(1, first, max)).isEqualTo(Duration.ofSeconds(1));
		assertThat(OutboxFailures.backOff(2, first, max)).isEqualTo(Duration.ofSeconds(2));
		assertThat(OutboxFailures.backOff(9, first, max)).isEqualTo(Duration.ofSeconds(256));
		assertThat(OutboxFailures.backOff(10, first, max)).isEqualTo(max);
		assertThat(OutboxFailures.backOff(Integer.MAX_VALUE, first, max)).isEqualTo(max);
	}

	private static KafkaProducerException wrapped(Exception cause) {
		return new KafkaProducerException(new ProducerRecord<>("topic", "value"), "Failed to send", cause);
	}

}
