package io.hashop.bff.config;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The parts of the API description no single controller owns: the problem+json schema,
 * one reusable response per error status, the headers every answer carries and the two
 * security schemes. Controllers name the error responses they add by
 * {@code #/components/responses/<status>}; {@link ApiResponsesCustomizer} adds those
 * every operation shares.
 */
final class ApiDescription {

	static final String SESSION = "session";

	static final String XSRF = "xsrf";

	static final String REQUEST_ID = "X-Request-Id";

	static final String RETRY_AFTER = "Retry-After";

	/** Problems answered with {@code Retry-After}. */
	static final List<String> RETRY_STATUSES = List.of("429", "503");

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final Map<String, String> ERRORS = Map.ofEntries(
			Map.entry("400",
					"Bad Request|The request is invalid: malformed JSON, a wrong type, an unknown field, "
							+ "a value out of range or a malformed URI. Validation failures list their fields under "
							+ "`errors`."),
			Map.entry("401",
					"Unauthorized|Not signed in (no valid SESSION cookie), or, at login, a wrong e-mail "
							+ "or password: one message for both."),
			Map.entry("403",
					"Forbidden|The X-XSRF-TOKEN header does not echo the XSRF-TOKEN cookie, or the "
							+ "signed-in user lacks the role the operation needs."),
			Map.entry("404", "Not Found|No such object among the caller's own: another user's object is a 404 too."),
			Map.entry("409", "Conflict|The e-mail address is taken."),
			Map.entry("413", "Content Too Large|The body is larger than 64 KB (answered by the gateway)."),
			Map.entry("414", "URI Too Long|The request line is longer than 4 KB (answered by the gateway)."),
			Map.entry("415",
					"Unsupported Media Type|The Content-Type is not JSON: the API takes " + "`application/json` only."),
			Map.entry("422",
					"Unprocessable Content|Well-formed but not acceptable: an unknown product, "
							+ "or an Idempotency-Key already used with another body."),
			Map.entry("429",
					"Too Many Requests|Rate limited by the gateway (per client IP, per session, and "
							+ "refused logins per account); retry after `Retry-After` seconds."),
			Map.entry("431",
					"Request Header Fields Too Large|More than 16 KB or 90 lines of headers "
							+ "(answered by the gateway)."),
			Map.entry("502", "Bad Gateway|An upstream answered unexpectedly or broke the connection."),
			Map.entry("503",
					"Service Unavailable|A service this request needs is down (the session store, a "
							+ "downstream service, or every BFF instance); retry after `Retry-After` seconds."),
			Map.entry("504", "Gateway Timeout|The BFF did not answer the gateway in time."));

	private ApiDescription() {
	}

	static Components components() {
		Components components = new Components().addSchemas("Problem", problem())
			.addSchemas("FieldViolation", fieldViolation())
			.addHeaders(REQUEST_ID,
					new Header()
						.description("The request's correlation id: the client's own when it sent a valid one "
								+ "(`[A-Za-z0-9._-]{1,64}`), else a new UUID. Quote it when reporting a problem.")
						.schema(new StringSchema().pattern("^[A-Za-z0-9._-]{1,64}$"))
						.example("5f0c3b9e-8f7a-4a43-9a55-6d1f0e2b7c11"))
			.addHeaders(RETRY_AFTER,
					new Header().description("Seconds to wait before trying again.")
						.required(true)
						.schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO))
						.example(5))
			.addSecuritySchemes(SESSION,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.COOKIE)
						.name("SESSION")
						.description("The HttpOnly session cookie that `POST /api/auth/login` sets; sessions live "
								+ "30 minutes after the last request."))
			.addSecuritySchemes(XSRF,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name("X-XSRF-TOKEN")
						.description("Unsafe methods (POST, PUT, PATCH, DELETE) other than register and login must "
								+ "echo the readable `XSRF-TOKEN` cookie that login sets in this header; else 403."));
		ERRORS.forEach((status, text) -> components.addResponses(status, errorResponse(status, text)));
		return components;
	}

	static String ref(String status) {
		return "#/components/responses/" + status;
	}

	private static ApiResponse errorResponse(String status, String text) {
		String title = text.substring(0, text.indexOf('|'));
		String description = text.substring(text.indexOf('|') + 1);
		Example example = new Example().summary(title)
			.value(Map.of("type", "about:blank", "title", title, "status", Integer.parseInt(status), "detail",
					description, "instance", "/api/orders", "requestId", "5f0c3b9e-8f7a-4a43-9a55-6d1f0e2b7c11"));
		ApiResponse response = new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
						.examples(Map.of(title.replace(" ", ""), example))));
		response.addHeaderObject(REQUEST_ID, new Header().$ref("#/components/headers/" + REQUEST_ID));
		if (RETRY_STATUSES.contains(status)) {
			response.addHeaderObject(RETRY_AFTER, new Header().$ref("#/components/headers/" + RETRY_AFTER));
		}
		return response;
	}

	@SuppressWarnings("rawtypes")
	private static Schema problem() {
		return new ObjectSchema().description("""
				An RFC 9457 problem. `type` is `about:blank` for every problem this API answers today, \
				and often left out, which means the same (RFC 9457, 3.1.1): the status and `title` (its \
				reason phrase) carry the meaning, `detail` says what to fix. Treat an unknown `type` like \
				`about:blank`.""")
			.addProperty("type",
					new StringSchema().format("uri-reference")
						._default("about:blank")
						.description("What kind of problem: `about:blank` (see the status), also when absent."))
			.addProperty("title", new StringSchema().description("The status's reason phrase."))
			.addProperty("status",
					new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
						.maximum(java.math.BigDecimal.valueOf(599))
						.description("The HTTP status, repeated."))
			.addProperty("detail", new StringSchema().description("What went wrong, safe to show."))
			.addProperty("instance",
					new StringSchema().format("uri-reference").description("The path of the request that failed."))
			.addProperty("requestId",
					new StringSchema().description("The X-Request-Id of the request (problems the gateway answers)."))
			.addProperty("errors",
					new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldViolation"))
						.description("400 validation failures: one entry per invalid field."))
			// Spring's ProblemDetail leaves out type about:blank: found by the contract
			// test.
			.required(List.of("title", "status"))
			.additionalProperties(false);
	}

	@SuppressWarnings("rawtypes")
	private static Schema fieldViolation() {
		return new ObjectSchema().description("One invalid field of a request.")
			.addProperty("field",
					new StringSchema().description("The field's path, such as `items[2].quantity`.")
						.example("items[0].quantity"))
			.addProperty("message",
					new StringSchema().description("What is wrong with it.")
						.example("must be less than or equal to 100"))
			.required(List.of("field", "message"))
			.additionalProperties(false);
	}

}
