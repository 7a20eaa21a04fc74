package io.hashop.bff.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page ({@code /error}: a
 * {@code sendError} from a filter or the container, an exception escaping the filters) as
 * problem+json with the original status, in place of Boot's own JSON. Never shows the
 * exception or its message; a 5xx keeps its status but only its reason phrase.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatus(status));
	}

	/**
	 * The status of the failed request; 404 when {@code /error} is asked for directly.
	 */
	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(code instanceof Integer value)) {
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = HttpStatus.resolve(value);
		if (status == HttpStatus.NOT_IMPLEMENTED) {
			// An HTTP method nobody here implements (CONNECT): not allowed on this
			// resource.
			return HttpStatus.METHOD_NOT_ALLOWED;
		}
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
