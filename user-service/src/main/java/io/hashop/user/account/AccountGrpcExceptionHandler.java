package io.hashop.user.account;

import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusException;
import io.hashop.platform.grpc.GrpcErrors;

import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.stereotype.Component;

/**
 * Maps account failures to precise gRPC statuses; the platform handles everything else.
 */
@Component
class AccountGrpcExceptionHandler implements GrpcExceptionHandler {

	@Override
	public StatusException handleException(Throwable exception) {
		return switch (exception) {
			case EmailTakenException ex -> GrpcErrors.withReason(Code.ALREADY_EXISTS, "EMAIL_TAKEN", ex.getMessage());
			case InvalidCredentialsException ex ->
				GrpcErrors.withReason(Code.UNAUTHENTICATED, "INVALID_CREDENTIALS", ex.getMessage());
			case AccountNotFoundException ex -> Status.NOT_FOUND.withDescription(ex.getMessage()).asException();
			case PasswordHashingBusyException ex ->
				GrpcErrors.withReason(Code.RESOURCE_EXHAUSTED, "PASSWORD_HASHING_BUSY", ex.getMessage());
			default -> null;
		};
	}

}
