package io.hashop.system.isolation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts answers per route and status and keeps every broken rule with the request that
 * broke it: a 5xx, a 4xx that is not {@code application/problem+json}, a body that leaks
 * a stack trace or class name, or no answer at all.
 */
final class Tally {

	/** What a stack trace or an exception's class name leaves in a body. */
	static final List<String> LEAKS = List.of("at io.", "Exception", "org.springframework", "java.lang.", "\tat ");

	private static final int KEPT = 40;

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final Queue<String> violations = new ConcurrentLinkedQueue<>();

	private final AtomicInteger violationCount = new AtomicInteger();

	private final Map<String, LongAdder> broken = new ConcurrentHashMap<>();

	private final LongAdder retriesAfterTimeout = new LongAdder();

	void answered(HostileRequest request, RawHttp.Answer answer) {
		count(request.route.key() + " " + answer.status());
		if (answer.status() >= 500) {
			violation("status " + answer.status(), request, answer);
		}
		else if (answer.status() >= 400 && !request.head()
				&& !answer.contentType().startsWith("application/problem+json")) {
			violation("not problem+json", request, answer);
		}
		LEAKS.stream()
			.filter(answer.body()::contains)
			.findFirst()
			.ifPresent((leak) -> violation("leaks '" + leak + "'", request, answer));
	}

	void unanswered(HostileRequest request, Exception failure) {
		count(request.route.key() + " none");
		violation("no answer (" + failure + ")", request, null);
	}

	void retriedAfterTimeout() {
		this.retriesAfterTimeout.increment();
	}

	long retriesAfterTimeout() {
		return this.retriesAfterTimeout.sum();
	}

	int violationCount() {
		return this.violationCount.get();
	}

	List<String> violations() {
		return List.copyOf(this.violations);
	}

	long total() {
		return this.counts.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/** {@code route status} to count, sorted. */
	Map<String, Long> byRouteAndStatus() {
		Map<String, Long> sorted = new TreeMap<>();
		this.counts.forEach((key, count) -> sorted.put(key, count.sum()));
		return sorted;
	}

	private void count(String key) {
		this.counts.computeIfAbsent(key, (k) -> new LongAdder()).increment();
	}

	/** Bare status lines of the HTTP decoder, by status. */
	/** {@code rule status route} to count, sorted: what broke, where. */
	Map<String, Long> brokenRules() {
		Map<String, Long> sorted = new TreeMap<>();
		this.broken.forEach((key, count) -> sorted.put(key, count.sum()));
		return sorted;
	}

	private void violation(String rule, HostileRequest request, RawHttp.Answer answer) {
		String key = rule.replaceFirst(" \\(.*", "") + " " + ((answer != null) ? answer.status() : "-") + " "
				+ request.route.key();
		this.broken.computeIfAbsent(key, (k) -> new LongAdder()).increment();
		if (this.violationCount.incrementAndGet() <= KEPT) {
			this.violations.add(rule + ": " + request.route.key() + " [" + request.kind + ", " + request.caller() + "] "
					+ request.method + " " + shorten(new String(request.target, StandardCharsets.ISO_8859_1)) + " body="
					+ shorten((request.body != null) ? new String(request.body, StandardCharsets.UTF_8) : "")
					+ " headers=" + request.headers.stream().map(HostileRequest.Header::name).toList() + " -> "
					+ ((answer != null) ? answer.status() + " " + answer.contentType() + " " + shorten(answer.body())
							: "nothing"));
		}
	}

	private static String shorten(String text) {
		String printable = text.replaceAll("[\\p{Cntrl}]", "?");
		return (printable.length() <= 160) ? printable : printable.substring(0, 160) + "...(" + text.length() + ")";
	}

}
