package io.hashop.order.order;

import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusException;
import io.hashop.order.order.OrderExceptions.IdempotencyKeyReusedException;
import io.hashop.order.order.OrderExceptions.MixedCurrenciesException;
import io.hashop.order.order.OrderExceptions.OrderNotFoundException;
import io.hashop.order.order.OrderExceptions.UnknownProductException;
import io.hashop.platform.grpc.GrpcErrors;
import io.hashop.platform.identity.InvalidInternalTokenException;

import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.stereotype.Component;

/** Maps order failures to precise gRPC statuses; the platform handles the rest. */
@Component
class OrderGrpcExceptionHandler implements GrpcExceptionHandler {

	@Override
	public StatusException handleException(Throwable exception) {
		return switch (exception) {
			case IdempotencyKeyReusedException ex ->
				GrpcErrors.withReason(Code.FAILED_PRECONDITION, "IDEMPOTENCY_KEY_REUSED", ex.getMessage());
			case UnknownProductException ex ->
				GrpcErrors.withReason(Code.FAILED_PRECONDITION, "UNKNOWN_PRODUCT", ex.getMessage());
			case MixedCurrenciesException ex ->
				GrpcErrors.withReason(Code.FAILED_PRECONDITION, "MIXED_CURRENCIES", ex.getMessage());
			case OrderNotFoundException ex -> Status.NOT_FOUND.withDescription(ex.getMessage()).asException();
			case InvalidInternalTokenException ex ->
				Status.UNAUTHENTICATED.withDescription(ex.getMessage()).asException();
			default -> null;
		};
	}

}
