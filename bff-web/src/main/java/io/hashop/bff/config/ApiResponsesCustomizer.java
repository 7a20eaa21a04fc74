package io.hashop.bff.config;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every operation shares, added to each so that no controller can forget it: the
 * answers of the gateway in front (400 for a malformed URI, 413, 414, 431, 429, 502, 503,
 * 504), 400/413/415 for operations with a body, the session rules of
 * {@code security.SecurityConfiguration} (signed in unless marked public with an empty
 * {@code @SecurityRequirements}: 401; unsafe methods also need the XSRF header: 403; the
 * session store down: 503), and {@code X-Request-Id} on every answer.
 */
class ApiResponsesCustomizer implements OpenApiCustomizer {

	/** What the gateway may answer for any route, before or instead of the BFF. */
	private static final List<String> EDGE = List.of("400", "414", "431", "429", "502", "503", "504");

	private static final List<String> WITH_BODY = List.of("413", "415");

	private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getPaths().values().forEach((path) -> path.readOperationsMap().forEach(this::customise));
		if (openApi.getComponents().getSchemas() != null) {
			// Spring's own type, seen on handlers outside /api/**: the API uses Problem.
			openApi.getComponents().getSchemas().remove("ProblemDetail");
			openApi.getComponents().getSchemas().values().forEach(ApiResponsesCustomizer::nullableReferences);
		}
	}

	private void customise(HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses();
		boolean isPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();
		if (!isPublic) {
			SecurityRequirement requirement = new SecurityRequirement().addList(ApiDescription.SESSION);
			if (UNSAFE.contains(method)) {
				requirement.addList(ApiDescription.XSRF);
				addError(responses, "403");
			}
			operation.setSecurity(List.of(requirement));
			addError(responses, "401");
		}
		EDGE.forEach((status) -> addError(responses, status));
		if (operation.getRequestBody() != null) {
			WITH_BODY.forEach((status) -> addError(responses, status));
		}
		responses.values()
			.stream()
			.filter((response) -> response.get$ref() == null)
			.forEach(ApiResponsesCustomizer::addRequestId);
		sort(operation);
	}

	private static void addError(ApiResponses responses, String status) {
		responses.computeIfAbsent(status, (key) -> new ApiResponse().$ref(ApiDescription.ref(key)));
	}

	private static void addRequestId(ApiResponse response) {
		if (response.getHeaders() == null || !response.getHeaders().containsKey(ApiDescription.REQUEST_ID)) {
			response.addHeaderObject(ApiDescription.REQUEST_ID,
					new Header().$ref("#/components/headers/" + ApiDescription.REQUEST_ID));
		}
	}

	/**
	 * A nullable property of another schema's type comes out as {@code $ref} next to
	 * {@code type: null}, which no value matches: it is either of the two.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void nullableReferences(Schema<?> schema) {
		if (schema.getProperties() == null) {
			return;
		}
		schema.getProperties().replaceAll((name, property) -> {
			boolean nullable = "null".equals(property.getType())
					|| (property.getTypes() != null && property.getTypes().contains("null"));
			if (property.get$ref() == null || !nullable) {
				return property;
			}
			Schema either = new Schema().description(property.getDescription());
			either.setAnyOf(List.of(new Schema().$ref(property.get$ref()), new Schema().types(Set.of("null"))));
			return either;
		});
	}

	/** Statuses in ascending order, as a reader looks for them. */
	private static void sort(Operation operation) {
		ApiResponses sorted = new ApiResponses();
		operation.getResponses()
			.entrySet()
			.stream()
			.sorted(java.util.Map.Entry.comparingByKey())
			.forEach((entry) -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
		operation.setResponses(sorted);
	}

}
