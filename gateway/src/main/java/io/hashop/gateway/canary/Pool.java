package io.hashop.gateway.canary;

import java.util.Locale;

/** A pool of BFF instances, each a load-balanced service of its own. */
public enum Pool {

	STABLE("bff-web"), CANARY("bff-web-canary");

	private final String serviceId;

	Pool(String serviceId) {
		this.serviceId = serviceId;
	}

	/** The load balancer's service id of the pool. */
	public String serviceId() {
		return this.serviceId;
	}

	/** The pool's name in the cookie, the header and the metrics. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The pool a cookie or header value names, or {@code null}. */
	static Pool of(String value) {
		for (Pool pool : values()) {
			if (pool.label().equalsIgnoreCase(value)) {
				return pool;
			}
		}
		return null;
	}

}
