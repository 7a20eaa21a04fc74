package io.hashop.platform.grpc;

import io.grpc.Status;
import io.grpc.StatusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A database that cannot serve a call right now (no pooled connection within the
 * connection timeout, a statement or lock wait cut off by its server-side timeout, the
 * server unreachable) makes the call {@code UNAVAILABLE}, which callers retry elsewhere
 * or answer with 503, instead of an {@code INTERNAL} error. Nothing was committed: the
 * statement or transaction failed.
 */
class DatabaseUnavailableGrpcExceptionHandler implements GrpcExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseUnavailableGrpcExceptionHandler.class);

	@Override
	public StatusException handleException(Throwable exception) {
		if (exception instanceof TransientDataAccessException || exception instanceof DataAccessResourceFailureException
				|| exception instanceof CannotCreateTransactionException) {
			logger.warn("Database unavailable for a gRPC call: {}", exception.toString());
			return Status.UNAVAILABLE.withDescription("The database is unavailable; try again shortly").asException();
		}
		return null;
	}

}
