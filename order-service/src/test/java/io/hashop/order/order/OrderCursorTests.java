package io.hashop.order.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.hashop.platform.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class OrderCursorTests {

	@Test
	void decodesWhatItEncodes() {
		OrderCursor cursor = new OrderCursor(Instant.now().truncatedTo(ChronoUnit.MICROS), UUID.randomUUID());

		assertThat(OrderCursor.decode(cursor.encode())).isEqualTo(cursor);
	}

	@Test
	void pointsAfterTheLastOrderSeen() {
		Order last = new Order(UUID.randomUUID(), UUID.randomUUID(), "key", "hash", OrderStatus.PAID, 2490, "EUR",
				List.of(), Instant.parse("2025-03-01T10:15:30.123456Z"));

		OrderCursor decoded = OrderCursor.decode(OrderCursor.after(last).encode());

		assertThat(decoded.createdAt()).isEqualTo(last.createdAt());
		assertThat(decoded.id()).isEqualTo(last.id());
	}

	@Test
	void rejectsAWellFormedCursorOfAnOutOfRangeTimestamp() {
		String farFuture = base64(Long.MAX_VALUE + ":" + UUID.randomUUID());
		String yearTenThousand = base64("253402300800000000:" + UUID.randomUUID());
		String beforePostgres = base64(Long.MIN_VALUE + ":" + UUID.randomUUID());

		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> OrderCursor.decode(farFuture));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> OrderCursor.decode(yearTenThousand));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> OrderCursor.decode(beforePostgres));
	}

	@Test
	void rejectsNegativeTimesExtraFieldsAndOtherSpellings() {
		UUID id = UUID.randomUUID();

		for (String hostile : new String[] { base64("-1:" + id), base64("5:" + id + ":x"), base64("05:" + id),
				base64("+5:" + id), base64("5:" + id.toString().toUpperCase()), base64("5"), base64(id + ":5"),
				base64("5:" + id) + "=", "!!!", "", "a".repeat(OrderCursor.MAX_LENGTH + 1) }) {
			assertThat(catchThrowable(() -> OrderCursor.decode(hostile))).as(hostile)
				.isInstanceOfSatisfying(InvalidRequestException.class,
						(ex) -> assertThat(ex.violations()).singleElement()
							.satisfies((violation) -> assertThat(violation.field()).isEqualTo("cursor")));
		}
	}

	@Test
	void answersEveryGeneratedHostileCursorWithAnInvalidRequestOrAPosition() {
		for (String hostile : HostileCursors.generate(9, 2_000)) {
			Throwable thrown = catchThrowable(() -> OrderCursor.decode(hostile));
			if (thrown == null) {
				assertThat(OrderCursor.decode(hostile).encode()).as(hostile).isEqualTo(hostile);
			}
			else {
				assertThat(thrown).as(hostile).isInstanceOf(InvalidRequestException.class);
			}
		}
	}

	private static String base64(String text) {
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes());
	}

}
