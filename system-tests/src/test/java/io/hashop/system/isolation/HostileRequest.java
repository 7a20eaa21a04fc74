package io.hashop.system.isolation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated request, kept as bytes so that anything a hostile client can put on the
 * wire can be put here. The session's cookies and XSRF header are added unless a mutation
 * replaced them.
 */
final class HostileRequest {

	final Route route;

	final String kind;

	String method;

	byte[] target;

	byte[] body;

	String contentType = "application/json";

	boolean chunked;

	Session session;

	boolean sessionCookies = true;

	boolean xsrfHeader = true;

	final List<Header> headers = new ArrayList<>();

	HostileRequest(Route route, String kind, Session session) {
		this.route = route;
		this.kind = kind;
		this.session = session;
		this.method = route.method;
		this.target = ascii(route.path);
		this.body = (route.body != null) ? utf8(route.body) : null;
		if (this.body == null) {
			this.contentType = null;
		}
	}

	HostileRequest header(String name, String value) {
		return header(name, utf8(value));
	}

	HostileRequest header(String name, byte[] value) {
		this.headers.add(new Header(name, value));
		return this;
	}

	boolean head() {
		return this.method.equals("HEAD");
	}

	/** Who sent it, for the report: {@code anonymous} or the session's name. */
	String caller() {
		return (this.session != null) ? this.session.name() : "anonymous";
	}

	byte[] toBytes(int port) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(ascii(this.method + " "));
		out.writeBytes(this.target);
		out.writeBytes(ascii(" HTTP/1.1\r\nHost: localhost:" + port + "\r\n"));
		if (this.session != null && this.sessionCookies) {
			line(out, "Cookie", ascii(this.session.cookieHeader()));
		}
		if (this.session != null && this.xsrfHeader && !this.method.equals("GET")) {
			line(out, "X-XSRF-TOKEN", ascii(this.session.xsrfToken()));
		}
		if (this.contentType != null) {
			line(out, "Content-Type", ascii(this.contentType));
		}
		this.headers.forEach((header) -> line(out, header.name(), header.value()));
		byte[] payload = (this.body != null) ? this.body : new byte[0];
		if (this.chunked) {
			line(out, "Transfer-Encoding", ascii("chunked"));
			out.writeBytes(ascii("\r\n"));
			for (int from = 0; from < payload.length; from += 8192) {
				int size = Math.min(8192, payload.length - from);
				out.writeBytes(ascii(Integer.toHexString(size) + "\r\n"));
				out.write(payload, from, size);
				out.writeBytes(ascii("\r\n"));
			}
			out.writeBytes(ascii("0\r\n\r\n"));
		}
		else {
			if (this.body != null || !this.method.equals("GET")) {
				line(out, "Content-Length", ascii(Integer.toString(payload.length)));
			}
			out.writeBytes(ascii("\r\n"));
			out.writeBytes(payload);
		}
		return out.toByteArray();
	}

	private static void line(ByteArrayOutputStream out, String name, byte[] value) {
		out.writeBytes(ascii(name));
		out.writeBytes(ascii(": "));
		out.writeBytes(value);
		out.writeBytes(ascii("\r\n"));
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	record Header(String name, byte[] value) {

	}

}
