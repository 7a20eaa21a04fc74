package io.hashop.bff.downstream;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import feign.FeignException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.hashop.platform.error.FieldViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns downstream answers into the public API's problems: business answers keep their
 * meaning (404, 409, 422, 400 with field errors), outages become 503 with
 * {@code Retry-After}, and nothing internal (stack traces, hostnames, gRPC codes) leaks.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DownstreamProblemHandler {

	/** Seconds a client should wait before retrying after an outage answer. */
	static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger logger = LoggerFactory.getLogger(DownstreamProblemHandler.class);

	private static final Map<String, HttpStatus> STATUS_BY_REASON = Map.of("INVALID_CREDENTIALS",
			HttpStatus.UNAUTHORIZED, "EMAIL_TAKEN", HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
			HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_PRODUCT", HttpStatus.UNPROCESSABLE_CONTENT, "MIXED_CURRENCIES",
			HttpStatus.UNPROCESSABLE_CONTENT);

	@ExceptionHandler(DownstreamUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(DownstreamUnavailableException ex) {
		logger.warn("Downstream unavailable: {} ({})", ex.downstream(),
				(ex.getCause() != null) ? ex.getCause().toString() : "request budget exhausted");
		return serviceUnavailable();
	}

	@ExceptionHandler(StatusRuntimeException.class)
	ResponseEntity<ProblemDetail> grpcAnswer(StatusRuntimeException ex) {
		com.google.rpc.Status status = StatusProto.fromThrowable(ex);
		String message = (status != null) ? status.getMessage() : "";
		Optional<String> reason = detail(status, ErrorInfo.class).map(ErrorInfo::getReason);
		if (reason.isPresent() && STATUS_BY_REASON.containsKey(reason.get())) {
			HttpStatus http = STATUS_BY_REASON.get(reason.get());
			return problem(http, (http == HttpStatus.UNAUTHORIZED) ? "Invalid e-mail or password." : message);
		}
		return switch (ex.getStatus().getCode()) {
			case INVALID_ARGUMENT -> invalid(status);
			case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Not found.");
			case ALREADY_EXISTS -> problem(HttpStatus.CONFLICT, message);
			case FAILED_PRECONDITION -> problem(HttpStatus.UNPROCESSABLE_CONTENT, message);
			case PERMISSION_DENIED -> problem(HttpStatus.FORBIDDEN, "Forbidden.");
			case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, CANCELLED -> serviceUnavailable();
			default -> badGateway(ex);
		};
	}

	@ExceptionHandler(FeignException.class)
	ResponseEntity<ProblemDetail> httpAnswer(FeignException ex) {
		if (ex.status() == HttpStatus.NOT_FOUND.value()) {
			return problem(HttpStatus.NOT_FOUND, "Not found.");
		}
		return (ex.status() >= 500 || ex.status() < 0) ? serviceUnavailable() : badGateway(ex);
	}

	static ResponseEntity<ProblemDetail> serviceUnavailable() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"A service this request needs is unavailable; try again shortly."));
	}

	private static ResponseEntity<ProblemDetail> badGateway(Exception ex) {
		logger.error("Unexpected downstream answer", ex);
		return problem(HttpStatus.BAD_GATEWAY, "A service this request needs answered unexpectedly.");
	}

	private static ResponseEntity<ProblemDetail> invalid(com.google.rpc.Status status) {
		List<FieldViolation> violations = detail(status, BadRequest.class).stream()
			.flatMap((badRequest) -> badRequest.getFieldViolationsList().stream())
			.map((violation) -> new FieldViolation(violation.getField(), violation.getDescription()))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is invalid.");
		problem.setProperty("errors", violations);
		return ResponseEntity.badRequest().body(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	private static <T extends Message> Optional<T> detail(com.google.rpc.Status status, Class<T> type) {
		if (status == null) {
			return Optional.empty();
		}
		for (Any any : status.getDetailsList()) {
			if (any.is(type)) {
				try {
					return Optional.of(any.unpack(type));
				}
				catch (InvalidProtocolBufferException ex) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

}
