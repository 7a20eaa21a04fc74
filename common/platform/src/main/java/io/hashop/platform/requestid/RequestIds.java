package io.hashop.platform.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The request id of the work on the current thread, and the one rule for accepting a
 * caller's id (1-64 characters of {@code A-Z a-z 0-9 . _ -}), which the gateway applies
 * too.
 */
public final class RequestIds {

	/** The HTTP header (and, lower-cased, the gRPC metadata key) carrying the id. */
	public static final String HEADER = "X-Request-Id";

	/** The logging context key; structured logs show it as a field. */
	public static final String MDC_KEY = "request_id";

	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private RequestIds() {
	}

	/**
	 * The caller's id when it is safe to log and pass on, else a new one.
	 * @param candidate the caller's id, possibly {@code null}
	 * @return the id to use
	 */
	public static String acceptOrCreate(String candidate) {
		return (candidate != null && ACCEPTED.matcher(candidate).matches()) ? candidate : UUID.randomUUID().toString();
	}

	/** The id of the work on this thread, or {@code null} outside a request. */
	public static String current() {
		return MDC.get(MDC_KEY);
	}

}
