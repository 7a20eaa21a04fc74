package io.hashop.gateway.canary;

import java.net.http.HttpResponse;
import java.util.Optional;

/** Reads the pool cookie a gateway answer sets, as a browser would keep it. */
final class PoolCookies {

	private PoolCookies() {
	}

	/** The value of the {@code HASHOP_POOL} cookie the answer sets, if it sets one. */
	static Optional<String> set(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith(CanaryRouter.COOKIE + "="))
			.map((cookie) -> cookie.substring(CanaryRouter.COOKIE.length() + 1, cookie.indexOf(';')))
			.findFirst();
	}

	/** Which stub answered: its name, from the stub's body. */
	static String instance(HttpResponse<String> response) {
		return response.body().replaceAll(".*\"instance\":\"([^\"]+)\".*", "$1");
	}

}
