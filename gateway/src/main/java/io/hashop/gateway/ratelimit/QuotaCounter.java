package io.hashop.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Counts a request against a quota in the quota's current window. */
interface QuotaCounter {

	Mono<Verdict> charge(Quota quota);

}
