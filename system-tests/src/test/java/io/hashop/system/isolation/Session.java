package io.hashop.system.isolation;

import io.hashop.devinfra.test.ApiClient;

/** A signed-in browser's two cookies, as a raw request carries them. */
record Session(String name, String sessionCookie, String xsrfToken) {

	static Session of(String name, ApiClient client) {
		return new Session(name, client.cookie("SESSION").orElseThrow(), client.cookie("XSRF-TOKEN").orElseThrow());
	}

	String cookieHeader() {
		return "SESSION=" + this.sessionCookie + "; XSRF-TOKEN=" + this.xsrfToken;
	}

}
