package io.hashop.system.isolation;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import static io.hashop.system.isolation.HostileRequest.ascii;
import static io.hashop.system.isolation.HostileValues.pick;

/**
 * Generates hostile requests from a seed: a route, a caller (anonymous or one of the
 * sessions) and one kind of damage each, so that every answer can be traced to its cause.
 */
final class HostileRequests {

	private static final List<String> KINDS = List.of("wrong-type", "broken-json", "deep-json", "extra-fields",
			"encoding", "oversized-body", "content-type", "headers", "oversized-header", "path", "query", "method",
			"cookie", "xsrf", "idempotency-key", "order-id");

	private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "text/html",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "multipart/form-data",
			"application/json; charset=utf-16", "application/json; charset=bogus", "application/json;;;", "*/*", "",
			"application/problem+json", "application/json-patch+json", "application/" + "x".repeat(2000),
			"application/json\u00ff", "json");

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD",
			"TRACE", "FOO", "get", "PROPFIND", "CONNECT");

	private final Random random;

	private final List<Session> sessions;

	private final Session admin;

	HostileRequests(long seed, List<Session> sessions, Session admin) {
		this.random = new Random(seed);
		this.sessions = sessions;
		this.admin = admin;
	}

	HostileRequest next() {
		Route route = pick(this.random, List.of(Route.values()));
		String kind = pick(this.random, KINDS);
		Session session = this.random.nextBoolean() ? null : (route == Route.ADMIN_PRICE && this.random.nextBoolean())
				? this.admin : pick(this.random, this.sessions);
		HostileRequest request = new HostileRequest(route, kind, session);
		if (route == Route.LOGOUT && session != null && session != this.admin) {
			// A valid logout would end a session the rest of the run needs: forge its
			// XSRF header.
			request.xsrfHeader = false;
			request.header("X-XSRF-TOKEN", "forged-" + this.random.nextInt(1000));
		}
		if (route == Route.PLACE_ORDER) {
			request.header("Idempotency-Key", "hostile-base");
		}
		damage(request, kind);
		return request;
	}

	private void damage(HostileRequest request, String kind) {
		Route route = request.route;
		switch (kind) {
			case "wrong-type" -> body(request, HostileBodies.wrongField(this.random, route));
			case "broken-json" -> body(request, HostileBodies.broken(this.random, route));
			case "deep-json" -> body(request, HostileBodies.deeplyNested(this.random));
			case "extra-fields" -> body(request, HostileBodies.extraFields(this.random, route));
			case "encoding" -> body(request, HostileBodies.badEncoding(this.random, route));
			case "oversized-body" -> {
				body(request, HostileBodies.oversized(this.random));
				request.chunked = this.random.nextBoolean();
			}
			case "content-type" -> contentType(request);
			case "headers" -> HostileHeaders.odd(this.random, request);
			case "oversized-header" -> HostileHeaders.oversized(this.random, request);
			case "path" -> request.target = HostilePaths.path(this.random, route);
			case "query" ->
				request.target = ascii(route.path.replaceFirst("\\?.*", "") + HostilePaths.query(this.random));
			case "method" -> request.method = pick(this.random, METHODS);
			case "cookie" -> HostileHeaders.cookie(this.random, request);
			case "xsrf" -> HostileHeaders.xsrf(this.random, request, this.sessions);
			case "idempotency-key" -> idempotencyKey(request);
			default -> request.target = orderTarget(route);
		}
	}

	private void body(HostileRequest request, byte[] body) {
		request.body = body;
		if (request.contentType == null) {
			request.contentType = "application/json";
		}
	}

	private void contentType(HostileRequest request) {
		request.contentType = pick(this.random, CONTENT_TYPES);
		if (this.random.nextInt(4) == 0) {
			request.header("Content-Type", pick(this.random, CONTENT_TYPES));
		}
		if (request.contentType.startsWith("application/x-www-form")) {
			request.body = ascii("email=a%40b.c&password=x&items[0].productId=1");
		}
		else if (request.contentType.contains("xml")) {
			request.body = ascii(
					"<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>");
		}
	}

	private void idempotencyKey(HostileRequest request) {
		request.headers.removeIf((header) -> header.name().equals("Idempotency-Key"));
		switch (this.random.nextInt(4)) {
			case 0 -> {
				// none at all
			}
			case 1 -> request.header("Idempotency-Key", pick(this.random, HostileValues.BYTES));
			case 2 -> request.header("Idempotency-Key", "a").header("Idempotency-Key", "b");
			default -> request.header("Idempotency-Key", pick(this.random, HostileValues.KEYS));
		}
	}

	private byte[] orderTarget(Route route) {
		String id = pick(this.random, HostileValues.IDS);
		if (route == Route.ADMIN_PRICE) {
			// Never a real product: only ids that cannot name one.
			return ascii("/api/admin/products/" + pick(this.random, List.of("0", "-1", "abc", "424243", "1.5",
					"9223372036854775808", "%00", "%2e%2e", "null", "1e3", "%C0%AE", "99999999999999999999")));
		}
		ByteArrayOutputStream target = new ByteArrayOutputStream();
		target.writeBytes(ascii("/api/orders/" + id));
		return target.toByteArray();
	}

}
