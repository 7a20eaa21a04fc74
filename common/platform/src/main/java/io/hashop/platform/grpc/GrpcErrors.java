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

	/** The domain of the {@code ErrorInfo} reasons used by this platform. */
	public static final String DOMAIN = "hashop.io";

	private GrpcErrors() {
	}

	/**
	 * {@code INVALID_ARGUMENT} with a {@code BadRequest} detail listing every violation.
	 */
	public static StatusException invalidArgument(List<FieldViolation> violations) {
		BadRequest.Builder badRequest = BadRequest.newBuilder();
		violations.forEach((violation) -> badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
			.setField(violation.field())
			.setDescription(violation.message())));
		return StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
			.setCode(Code.INVALID_ARGUMENT_VALUE)
			.setMessage("The request is invalid")
			.addDetails(Any.pack(badRequest.build()))
			.build());
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
