package io.hashop.bff.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies above 64 KB with 413 and headers above 20 KB with 431, both as
 * problem+json. The gateway enforces the same body limit and a 16 KB header limit at the
 * edge; this keeps the BFF safe when reached directly. A body of unknown length (chunked)
 * is read here up to one byte past the limit, so it cannot slip past a check of
 * {@code Content-Length}; what passes is handed on from memory (64 KB at most). The
 * header limit sits above the gateway's plus the forwarding headers the gateway adds, and
 * below Tomcat's own ({@code server.max-http-request-header-size}, answered with a bare
 * 400).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeFilter extends OncePerRequestFilter {

	static final int MAX_BODY_BYTES = 64 * 1024;

	static final int MAX_HEADER_BYTES = 20 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (headerBytes(request) > MAX_HEADER_BYTES) {
			ProblemResponses.write(response, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
					"Request headers are limited to 20 KB.");
			return;
		}
		long declared = request.getContentLengthLong();
		if (declared > MAX_BODY_BYTES) {
			tooLarge(response);
			return;
		}
		if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
			if (body.length > MAX_BODY_BYTES) {
				tooLarge(response);
				return;
			}
			chain.doFilter(new BufferedBodyRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void tooLarge(HttpServletResponse response) throws IOException {
		// The rest of the body is not read: the connection cannot be reused.
		response.setHeader(HttpHeaders.CONNECTION, "close");
		ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request bodies are limited to 64 KB.");
	}

	/** The size of the headers as sent: {@code name: value} and a line break for each. */
	static long headerBytes(HttpServletRequest request) {
		long size = 0;
		for (String name : Collections.list(request.getHeaderNames())) {
			for (String value : Collections.list(request.getHeaders(name))) {
				size += name.length() + value.length() + 4;
			}
		}
		return size;
	}

	/** A request whose body was read into memory, with its length now known. */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has been read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

}
