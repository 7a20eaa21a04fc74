package io.hashop.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Counts a request against a quota in the quota's current window. */
interface QuotaCounter {

	Mono<Verdict> charge(Quota quota);

	/**
	 * Gives back one earlier charge in the quota's current window, if that window still
	 * has one to give. Nothing, unless the store can give back.
	 */
	default Mono<Void> refund(Quota quota) {
		return Mono.empty();
	}

}
