package io.hashop.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.google.protobuf.Timestamp;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IncomingEventTests {

	@Test
	void readsTypeIdAndPayload() {
		UUID id = UUID.randomUUID();
		Timestamp payload = Timestamp.newBuilder().setSeconds(42).build();
		IncomingEvent event = IncomingEvent
			.of(record("google.protobuf.Timestamp", id.toString(), payload.toByteArray()));

		assertThat(event.is(Timestamp.getDefaultInstance())).isTrue();
		assertThat(event.eventId()).isEqualTo(id);
		assertThat(event.parse(Timestamp.parser())).isEqualTo(payload);
	}

	@Test
	void treatsMissingTypeMissingIdAndGarbageAsPoison() {
		assertThatExceptionOfType(PoisonEventException.class)
			.isThrownBy(() -> IncomingEvent.of(record(null, UUID.randomUUID().toString(), new byte[] { 1 })));
		assertThatExceptionOfType(PoisonEventException.class)
			.isThrownBy(() -> IncomingEvent.of(record("google.protobuf.Timestamp", "not-an-id", new byte[] { 1 })));
		IncomingEvent garbage = IncomingEvent
			.of(record("google.protobuf.Timestamp", UUID.randomUUID().toString(), new byte[] { (byte) 0xff, 0x00 }));
		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> garbage.parse(Timestamp.parser()));
	}

	@Test
	void retriesOnlyTransientFailuresWithoutLimit() {
		assertThat(EventErrorHandlers.isTransient(new RuntimeException(new QueryTimeoutException("slow")))).isTrue();
		assertThat(EventErrorHandlers.isTransient(new RetryableEventException("down", null))).isTrue();
		assertThat(EventErrorHandlers.isTransient(new PoisonEventException("bad"))).isFalse();
		assertThat(EventErrorHandlers.isTransient(new IllegalStateException("bug"))).isFalse();
	}

	private static ConsumerRecord<String, byte[]> record(String type, String id, byte[] value) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("orders.v1", 0, 0, "key", value);
		if (type != null) {
			record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		}
		record.headers().add(EventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
