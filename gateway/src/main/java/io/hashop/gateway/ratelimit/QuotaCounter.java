package io.hashop.gateway.ratelimit;

import java.util.List;

import reactor.core.publisher.Flux;

import reactor.core.publisher.Mono;

/** Counts a request against a quota in the quota's current window. */
interface QuotaCounter {

	Mono<Verdict> charge(Quota quota);

	/** Charges a request to every quota at once; it passes only if all allow it. */
	default Mono<Verdict> chargeAll(List<Quota> quotas) {
		return Flux.fromIterable(quotas).flatMap(this::charge).reduce(Verdict.ALLOWED, Verdict::and);
	}

	/**
	 * Gives back one earlier charge in the quota's current window, if that window still
	 * has one to give. Nothing, unless the store can give back.
	 */
	default Mono<Void> refund(Quota quota) {
		return Mono.empty();
	}

}
