package io.hashop.gateway.ratelimit;

import java.util.List;

import org.jspecify.annotations.Nullable;
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
	 * Charges a request to every quota without waiting for anything, when the counter can
	 * decide in memory; otherwise charges none and answers {@code null}.
	 */
	default @Nullable Verdict chargeNow(List<Quota> quotas) {
		return null;
	}

	/**
	 * Sends what the counter counted in memory to the store the instances share; nothing,
	 * unless it counts in memory.
	 */
	default Mono<Void> settle() {
		return Mono.empty();
	}

	/**
	 * Gives back one earlier charge in the quota's current window, if that window still
	 * has one to give. Nothing, unless the store can give back.
	 */
	default Mono<Void> refund(Quota quota) {
		return Mono.empty();
	}

}
