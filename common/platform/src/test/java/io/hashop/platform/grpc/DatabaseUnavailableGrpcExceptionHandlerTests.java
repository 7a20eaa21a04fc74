package io.hashop.platform.grpc;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableGrpcExceptionHandlerTests {

	private final DatabaseUnavailableGrpcExceptionHandler handler = new DatabaseUnavailableGrpcExceptionHandler();

	@Test
	void answersUnavailableWhenTheDatabaseCannotServeTheCall() {
		assertThat(this.handler.handleException(new QueryTimeoutException("statement timeout")).getStatus().getCode())
			.isEqualTo(Status.Code.UNAVAILABLE);
		assertThat(this.handler.handleException(new CannotAcquireLockException("lock timeout")).getStatus().getCode())
			.isEqualTo(Status.Code.UNAVAILABLE);
		assertThat(this.handler.handleException(new CannotGetJdbcConnectionException("pool exhausted"))
			.getStatus()
			.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
		assertThat(this.handler.handleException(new CannotCreateTransactionException("no connection"))
			.getStatus()
			.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
	}

	@Test
	void leavesOtherErrorsToTheNextHandler() {
		assertThat(this.handler.handleException(new DataIntegrityViolationException("duplicate"))).isNull();
		assertThat(this.handler.handleException(new IllegalStateException("bug"))).isNull();
	}

}
