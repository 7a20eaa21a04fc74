package io.hashop.system.isolation;

import java.util.List;

/**
 * Every public route of the API contract, with a base request the fuzz mutates. Bases of
 * the sign-up and sign-in routes are invalid on purpose (a blank or short field), so no
 * mutation of one other field reaches Argon2id: the fuzz measures input handling, not the
 * password hasher.
 */
enum Route {

	REGISTER("POST", "/api/auth/register", "{\"email\":\"not-an-email\",\"password\":\"short\",\"displayName\":\"\"}",
			List.of("email", "password", "displayName"), false),

	LOGIN("POST", "/api/auth/login", "{\"email\":\"\",\"password\":\"\"}", List.of("email", "password"), false),

	LOGOUT("POST", "/api/auth/logout", null, List.of(), true),

	ME("GET", "/api/me", null, List.of(), true),

	PRODUCTS("GET", "/api/products", null, List.of(), false),

	PLACE_ORDER("POST", "/api/orders", "{\"items\":[{\"productId\":1,\"quantity\":1}]}", List.of("items"), true),

	LIST_ORDERS("GET", "/api/orders?limit=5", null, List.of(), true),

	GET_ORDER("GET", "/api/orders/00000000-0000-4000-8000-000000000000", null, List.of(), true),

	DASHBOARD("GET", "/api/dashboard", null, List.of(), true),

	/**
	 * Always on a product that does not exist, so no mutation can change a real price.
	 */
	ADMIN_PRICE("PUT", "/api/admin/products/424242", "{\"priceCents\":1300}", List.of("priceCents"), true),

	OPENAPI("GET", "/api/openapi", null, List.of(), false),

	HEALTH("GET", "/healthz", null, List.of(), false);

	final String method;

	final String path;

	final String body;

	final List<String> fields;

	final boolean needsSession;

	Route(String method, String path, String body, List<String> fields, boolean needsSession) {
		this.method = method;
		this.path = path;
		this.body = body;
		this.fields = fields;
		this.needsSession = needsSession;
	}

	boolean unsafe() {
		return !this.method.equals("GET");
	}

	String key() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
