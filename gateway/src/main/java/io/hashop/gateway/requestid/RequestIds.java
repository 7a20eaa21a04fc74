package io.hashop.gateway.requestid;

import java.util.List;
import java.util.UUID;

/**
 * The request id: accepted when well-formed, else generated. What is well-formed is the
 * platform's rule ({@link io.hashop.platform.requestid.RequestIds}), the one the services
 * apply again behind the gateway.
 */
public final class RequestIds {

	/** The header that carries the request id, in both directions. */
	public static final String HEADER = io.hashop.platform.requestid.RequestIds.HEADER;

	private RequestIds() {
	}

	/**
	 * The client's id when it sent exactly one well-formed value, else a new UUID.
	 * @param values the values of the client's header, possibly empty
	 * @return the id to use
	 */
	static String acceptOrGenerate(List<String> values) {
		if (values.size() == 1) {
			return io.hashop.platform.requestid.RequestIds.acceptOrCreate(values.get(0));
		}
		return UUID.randomUUID().toString();
	}

}
