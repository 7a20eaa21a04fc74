package io.hashop.platform.grpc;

import java.util.List;
import java.util.stream.IntStream;

import com.google.rpc.BadRequest;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import io.hashop.platform.error.FieldViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GrpcErrorsTests {

	@Test
	void keepsTheDetailsOfAHugelyInvalidRequestSmallEnoughForATrailer() throws Exception {
		List<FieldViolation> violations = IntStream.range(0, 400)
			.mapToObj((i) -> new FieldViolation("items[" + i + "].productId", "must be positive " + "x".repeat(500)))
			.toList();

		StatusException error = GrpcErrors.invalidArgument(violations);

		com.google.rpc.Status status = StatusProto.fromThrowable(error);
		BadRequest details = status.getDetails(0).unpack(BadRequest.class);
		assertThat(details.getFieldViolationsList()).hasSize(GrpcErrors.MAX_VIOLATIONS);
		assertThat(details.getFieldViolations(0).getField()).isEqualTo("items[0].productId");
		assertThat(details.getFieldViolations(0).getDescription()).hasSize(GrpcErrors.MAX_TEXT);
		assertThat(status.toByteArray().length).isLessThan(8 * 1024 / 2);
	}

}
