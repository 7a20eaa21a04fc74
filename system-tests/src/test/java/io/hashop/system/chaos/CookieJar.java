package io.hashop.system.chaos;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser's cookies for one host. Kept by hand rather than by
 * {@link java.net.CookieManager} because cookies ignore ports, as in a browser: the
 * session cookie one gateway set goes to the other gateway on another port of the same
 * host.
 */
final class CookieJar {

	private final Map<String, String> cookies = new LinkedHashMap<>();

	/**
	 * Keeps what {@code Set-Cookie} sets; an empty value or {@code Max-Age=0} deletes.
	 */
	void keep(HttpHeaders headers) {
		for (String header : headers.allValues("Set-Cookie")) {
			String[] attributes = header.split(";");
			int equals = attributes[0].indexOf('=');
			if (equals <= 0) {
				continue;
			}
			String name = attributes[0].substring(0, equals).trim();
			String value = attributes[0].substring(equals + 1).trim();
			boolean expired = List.of(attributes)
				.stream()
				.anyMatch((attribute) -> attribute.trim().equalsIgnoreCase("Max-Age=0"));
			if (value.isEmpty() || expired) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, value);
			}
		}
	}

	Optional<String> get(String name) {
		return Optional.ofNullable(this.cookies.get(name));
	}

	/** The {@code Cookie} header's value, empty when there are none. */
	Optional<String> header() {
		return this.cookies.isEmpty() ? Optional.empty()
				: Optional.of(this.cookies.entrySet()
					.stream()
					.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
					.collect(Collectors.joining("; ")));
	}

}
