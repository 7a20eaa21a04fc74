package io.hashop.system.isolation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.hashop.launcher.process.ServiceHandle;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.system.support.SystemUnderTest;

import static io.hashop.system.isolation.HostileRequest.ascii;
import static io.hashop.system.isolation.HostileValues.pick;

/**
 * Bad queries straight at payment-service's HTTP API (every instance), mostly with a
 * valid internal token: 4xx problems only, including the ones Tomcat answers itself.
 */
final class PaymentFuzz {

	static final int REQUESTS = 1_000;

	private static final List<String> METHODS = List.of("GET", "GET", "GET", "POST", "DELETE", "PUT", "HEAD", "FOO");

	private PaymentFuzz() {
	}

	static InternalFuzz.Result run(SystemUnderTest system, long seed) {
		Random random = new Random(seed + 2);
		List<ServiceHandle> instances = system.platform().instances("payment-service");
		List<RawHttp> connections = new ArrayList<>();
		instances.forEach((instance) -> connections
			.add(new RawHttp(instance.serverPort(), HostileInputIntegrationTests.REQUEST_TIMEOUT)));
		Map<String, Object> counts = new TreeMap<>();
		List<String> violations = new ArrayList<>();
		long started = System.nanoTime();
		try {
			for (int i = 0; i < REQUESTS; i++) {
				String method = pick(random, METHODS);
				String target = target(random);
				Authorization authorization = authorization(system, random);
				int instance = i % connections.size();
				byte[] request = ascii(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
						+ ((authorization.header() != null) ? "Authorization: " + authorization.header() + "\r\n" : "")
						+ (method.equals("GET") || method.equals("HEAD") ? "" : "Content-Length: 0\r\n")
						+ (random.nextInt(8) == 0 ? "Accept: application/xml\r\n" : "") + "\r\n");
				String outcome;
				try {
					RawHttp.Answer answer = connections.get(instance).exchange(request, method.equals("HEAD"));
					outcome = Integer.toString(answer.status());
					boolean bare = answer.status() >= 400 && !method.equals("HEAD")
							&& !answer.contentType().startsWith("application/problem+json");
					if (bare || answer.status() >= 500 || Tally.LEAKS.stream().anyMatch(answer.body()::contains)) {
						violations.add(method + " " + InternalFuzz.shorten(target) + " as "
								+ InternalFuzz.shorten(String.valueOf(authorization)) + " -> " + answer.status() + " "
								+ InternalFuzz.shorten(answer.body()));
					}
				}
				catch (IOException ex) {
					outcome = "none";
					violations.add(method + " " + target + " -> no answer (" + ex + ")");
				}
				counts.merge(outcome, 1, (a, b) -> (Integer) a + (Integer) b);
			}
		}
		finally {
			connections.forEach(RawHttp::close);
		}
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("requests", REQUESTS);
		figures.put("millis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		figures.putAll(counts);
		return new InternalFuzz.Result(figures, violations.stream().limit(40).toList());
	}

	private static String target(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> "/payments/orders/" + pick(random, HostileValues.IDS);
			case 1 -> "/payments/orders/" + UUID.randomUUID();
			case 2 -> "/payments?limit=" + pick(random, HostileValues.LIMITS);
			default -> pick(random,
					List.of("/payments", "/payments?limit=1&limit=2", "/payments/", "/payments/orders",
							"/payments/orders/", "/payments//orders", "/payments;x=y", "/payments/../actuator/env",
							"/payments?limit=" + "9".repeat(3000)));
		};
	}

	/** Mostly a valid token, sometimes for a user id that is not a UUID, or none. */
	private static Authorization authorization(SystemUnderTest system, Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> new Authorization("none", null);
			case 1 -> new Authorization("not a token", pick(random,
					List.of("Bearer ", "Bearer x.y.z", "Basic YTpi", "bearer", "Bearer " + "a".repeat(9000))));
			case 2 -> token(system, "anonymous", CallerIdentity.anonymous(), "payment-service");
			case 3 -> {
				String user = pick(random, InternalFuzz.USER_IDS);
				yield token(system, "user id '" + InternalFuzz.shorten(user) + "'",
						CallerIdentity.user(user, Set.of("USER")), "payment-service");
			}
			case 4 -> token(system, "audience order-service",
					CallerIdentity.user(UUID.randomUUID().toString(), Set.of("USER")), "order-service");
			default -> token(system, "a user", CallerIdentity.user(UUID.randomUUID().toString(), Set.of("USER")),
					"payment-service");
		};
	}

	private static Authorization token(SystemUnderTest system, String what, CallerIdentity caller, String audience) {
		return new Authorization(what, "Bearer " + system.tokens().issue(caller, audience));
	}

	/** An Authorization header, and what it is for the report. */
	record Authorization(String what, String header) {

		@Override
		public String toString() {
			return this.what;
		}

	}

}
