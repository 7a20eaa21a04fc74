package io.hashop.platform.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on an error nothing else answered (the request never reached the
 * application: CONNECT, an encoded {@code /} in the path, a malformed request line): a
 * problem+json body in place of Tomcat's HTML page. A 501 for a method Tomcat does not
 * implement is a 405. Never shows the exception.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	/** The methods the API answers, for the {@code Allow} header of a 405. */
	static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		if (response.getStatus() < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(response.getStatus());
		if (status == null || status == HttpStatus.NOT_IMPLEMENTED) {
			status = (status == null) ? HttpStatus.BAD_REQUEST : HttpStatus.METHOD_NOT_ALLOWED;
		}
		try {
			response.setStatus(status.value());
			if (status == HttpStatus.METHOD_NOT_ALLOWED) {
				response.setHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
			}
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			var writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d}"
					.formatted(status.getReasonPhrase(), status.value()));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the response is committed: nothing more to say.
		}
	}

}
