package io.hashop.order.catalog;

import io.grpc.Status;
import io.grpc.StatusException;

import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.stereotype.Component;

/** Maps catalog failures to precise gRPC statuses; the platform handles the rest. */
@Component
class CatalogGrpcExceptionHandler implements GrpcExceptionHandler {

	@Override
	public StatusException handleException(Throwable exception) {
		return switch (exception) {
			case ProductNotFoundException ex -> Status.NOT_FOUND.withDescription(ex.getMessage()).asException();
			case AdminRequiredException ex -> Status.PERMISSION_DENIED.withDescription(ex.getMessage()).asException();
			default -> null;
		};
	}

}
