package io.hashop.platform.grpc;

import java.util.List;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import io.hashop.platform.error.FieldViolation;

/**
 * Builds rich gRPC errors (google.rpc.Status with details) that clients can map
 * precisely.
 */
public final class GrpcErrors {

	/** At most this many field violations are reported; the first ones say enough. */
	static final int MAX_VIOLATIONS = 20;

	static final int MAX_TEXT = 120;

	/** The domain of the {@code ErrorInfo} reasons used by this platform. */
	public static final String DOMAIN = "hashop.io";

	private GrpcErrors() {
	}

	/**
	 * {@code INVALID_ARGUMENT} with a {@code BadRequest} detail listing the violations
	 * (the first {@value #MAX_VIOLATIONS}, each cut to {@value #MAX_TEXT} characters).
	 */
	public static StatusException invalidArgument(List<FieldViolation> violations) {
		BadRequest.Builder badRequest = BadRequest.newBuilder();
		// The details travel in a trailer, which clients cap at 8 KB by default: a
		// request
		// with hundreds of bad fields must still get its INVALID_ARGUMENT through.
		violations.stream()
			.limit(MAX_VIOLATIONS)
			.forEach((violation) -> badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
				.setField(truncate(violation.field()))
				.setDescription(truncate(violation.message()))));
		return StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
			.setCode(Code.INVALID_ARGUMENT_VALUE)
			.setMessage("The request is invalid")
			.addDetails(Any.pack(badRequest.build()))
			.build());
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT);
	}

	/** A status with an {@code ErrorInfo} detail whose reason a client can switch on. */
	public static StatusException withReason(Code code, String reason, String message) {
		return StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
			.setCode(code.getNumber())
			.setMessage(message)
			.addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(reason).build()))
			.build());
	}

}
