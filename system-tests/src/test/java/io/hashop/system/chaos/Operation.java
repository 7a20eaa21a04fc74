package io.hashop.system.chaos;

/** The public API calls a shopper makes, as they appear in the history. */
enum Operation {

	REGISTER("POST /api/auth/register"),

	LOGIN("POST /api/auth/login"),

	PLACE_ORDER("POST /api/orders"),

	DASHBOARD("GET /api/dashboard"),

	LIST_ORDERS("GET /api/orders");

	private final String call;

	Operation(String call) {
		this.call = call;
	}

	String call() {
		return this.call;
	}

}
