package io.hashop.bff.payment;

import java.util.List;
import java.util.concurrent.TimeUnit;

import feign.Request;
import io.hashop.bff.downstream.Deadline;
import io.hashop.bff.downstream.DownstreamGuard;
import io.hashop.bff.downstream.DownstreamGuards;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;

import org.springframework.stereotype.Component;

/**
 * Reads payments through the guarded Feign client, with a token and a timeout per call.
 */
@Component
public class PaymentReader {

	static final String SERVICE = "payment-service";

	/**
	 * Connecting is the short part of a call; the rest of its budget is for the answer.
	 */
	private static final long CONNECT_TIMEOUT_MILLIS = 300;

	private final PaymentServiceClient client;

	private final DownstreamGuard guard;

	private final InternalTokenIssuer tokens;

	PaymentReader(PaymentServiceClient client, DownstreamGuards guards, InternalTokenIssuer tokens) {
		this.client = client;
		this.guard = guards.forService(SERVICE);
		this.tokens = tokens;
	}

	public List<PaymentResponse> recent(CallerIdentity caller, int limit, Deadline deadline) {
		String authorization = "Bearer " + this.tokens.issue(caller, SERVICE);
		return this.guard.read(deadline,
				(timeout) -> this.client
					.recent(authorization, limit,
							new Request.Options(Math.min(CONNECT_TIMEOUT_MILLIS, timeout.toMillis()),
									TimeUnit.MILLISECONDS, timeout.toMillis(), TimeUnit.MILLISECONDS, false))
					.items()
					.stream()
					.map(PaymentResponse::of)
					.toList());
	}

}
