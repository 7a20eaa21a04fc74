package io.hashop.gateway.requestid;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The request id: accepted when well-formed, else generated. */
public final class RequestIds {

	/** The header that carries the request id, in both directions. */
	public static final String HEADER = "X-Request-Id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private RequestIds() {
	}

	/**
	 * The client's id when it sent exactly one well-formed value, else a new UUID.
	 * @param values the values of the client's header, possibly empty
	 * @return the id to use
	 */
	static String acceptOrGenerate(List<String> values) {
		if (values.size() == 1 && WELL_FORMED.matcher(values.get(0)).matches()) {
			return values.get(0);
		}
		return UUID.randomUUID().toString();
	}

}
