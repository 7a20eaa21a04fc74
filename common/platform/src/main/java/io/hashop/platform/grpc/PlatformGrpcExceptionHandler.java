package io.hashop.platform.grpc;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.hashop.platform.error.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * Maps what no service-specific handler claimed: invalid requests to
 * {@code INVALID_ARGUMENT} with field violations, status exceptions to themselves, and
 * anything else to a bare {@code INTERNAL} whose cause stays in the log.
 */
class PlatformGrpcExceptionHandler implements GrpcExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(PlatformGrpcExceptionHandler.class);

	@Override
	public StatusException handleException(Throwable exception) {
		if (exception instanceof InvalidRequestException invalid) {
			return GrpcErrors.invalidArgument(invalid.violations());
		}
		if (exception instanceof StatusException status) {
			return status;
		}
		if (exception instanceof StatusRuntimeException status) {
			return new StatusException(status.getStatus(), status.getTrailers());
		}
		logger.error("Unexpected error in a gRPC call", exception);
		return Status.INTERNAL.withDescription("Internal error").asException();
	}

}
