package io.hashop.system.isolation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.google.protobuf.UnknownFieldSet;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.hashop.platform.grpc.InternalIdentityCallCredentials;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.system.support.SystemUnderTest;

import static io.hashop.system.isolation.HostileValues.pick;

/**
 * Malformed gRPC calls straight at user- and order-service, each with a valid internal
 * token (sometimes naming a user id that is not one) and sometimes odd metadata. Only a
 * precise status may come back: never INTERNAL, UNKNOWN or a dropped call.
 */
final class InternalFuzz {

	static final int ORDER_CALLS = 1_000;

	static final int USER_CALLS = 400;

	/** What a service answers when it did not understand its own failure. */
	static final Set<Status.Code> IMPRECISE = Set.of(Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.DATA_LOSS,
			Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.UNIMPLEMENTED, Status.Code.CANCELLED);

	static final List<String> STRINGS = List.of("", " ", "\u0000", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
			"00000000-0000-4000-8000-00000000000z", "\ud800", "\u202e", "%00", "../../etc/passwd", "' OR 1=1 --",
			"x".repeat(65), "x".repeat(129), "x".repeat(255), "y".repeat(70_000), "\u00e9".repeat(300), "a@b.c", "@",
			"a@", "@b.c", "a b@c.d", "A".repeat(5_000) + "@example.com");

	/**
	 * User ids a valid token may carry: none is a user's, most are not UUIDs. Kept short:
	 * a token over gRPC's 8 KB metadata limit is refused by the transport before any
	 * service code runs.
	 */
	static final List<String> USER_IDS = List.of("", " ", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
			"00000000-0000-4000-8000-00000000000z", "\ud800", "%00", "' OR 1=1 --", "x".repeat(255), "a@b.c",
			"\u00e9".repeat(100));

	static final List<Long> LONGS = List.of(Long.MIN_VALUE, -1L, 0L, 424_242L, Long.MAX_VALUE, 4_294_967_296L);

	static final List<Integer> INTS = List.of(Integer.MIN_VALUE, -1, 0, 101, 1_000, Integer.MAX_VALUE);

	private InternalFuzz() {
	}

	static Result orderService(SystemUnderTest system, long seed) {
		return run(system, "order-service", ORDER_CALLS, seed, (random) -> OrderCalls.any(random));
	}

	static Result userService(SystemUnderTest system, long seed) {
		return run(system, "user-service", USER_CALLS, seed + 1, (random) -> UserCalls.any(random));
	}

	private static Result run(SystemUnderTest system, String service, int calls, long seed,
			Function<Random, Call> generator) {
		Random random = new Random(seed);
		int port = system.platform().process(service).grpcPort().getAsInt();
		ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
		Map<Status.Code, Integer> codes = new EnumMap<>(Status.Code.class);
		List<String> violations = new ArrayList<>();
		long started = System.nanoTime();
		try {
			for (int i = 0; i < calls; i++) {
				Call call = generator.apply(random);
				CallerIdentity caller = caller(random);
				String token = system.tokens().issue(caller, service);
				Status status = invoke(call, channel, InternalIdentityCallCredentials.of(token), metadata(random));
				codes.merge(status.getCode(), 1, Integer::sum);
				String description = String.valueOf(status.getDescription());
				if (IMPRECISE.contains(status.getCode()) || Tally.LEAKS.stream().anyMatch(description::contains)) {
					violations.add(call.name() + " as " + shorten(caller.toString()) + " -> " + status.getCode() + " "
							+ shorten(description));
				}
			}
		}
		finally {
			channel.shutdownNow();
		}
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("calls", calls);
		figures.put("millis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		codes.forEach((code, count) -> figures.put(code.name(), count));
		return new Result(figures, violations.stream().limit(40).toList());
	}

	static String shorten(String text) {
		return (text.length() <= 120) ? text : text.substring(0, 120) + "...(" + text.length() + ")";
	}

	private static Status invoke(Call call, ManagedChannel channel, CallCredentials credentials, Metadata extra) {
		try {
			call.invoke().apply(channel, new Stubs(credentials, extra));
			return Status.OK;
		}
		catch (StatusRuntimeException ex) {
			return ex.getStatus();
		}
	}

	/** A caller vouched for by a valid token, whose user id may still be nonsense. */
	private static CallerIdentity caller(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> CallerIdentity.anonymous();
			case 1 -> CallerIdentity.user(pick(random, USER_IDS), Set.of("USER"));
			case 2 -> CallerIdentity.user(UUID.randomUUID().toString(), Set.of("ADMIN", "USER"));
			case 3 -> CallerIdentity.user(UUID.randomUUID().toString(), Set.of("", "ROOT", "admin", "x".repeat(100)));
			default -> CallerIdentity.user(UUID.randomUUID().toString(), Set.of("USER"));
		};
	}

	/**
	 * Odd metadata besides the valid token: hostile request ids, forged identity headers.
	 */
	private static Metadata metadata(Random random) {
		Metadata metadata = new Metadata();
		switch (random.nextInt(6)) {
			case 0 -> metadata.put(ascii("x-request-id"), pick(random, List.of("", "x".repeat(2_000), "../..", "%00")));
			case 1 -> metadata.put(ascii("x-user-id"), UUID.randomUUID().toString());
			case 2 -> metadata.put(ascii("x-roles"), "ADMIN");
			case 3 -> metadata.put(Metadata.Key.of("x-odd-bin", Metadata.BINARY_BYTE_MARSHALLER),
					new byte[] { 0, (byte) 0xFF, (byte) 0xC0, (byte) 0xAE });
			case 4 -> {
				for (int i = 0; i < 100; i++) {
					metadata.put(ascii("x-many-" + i), "v" + i);
				}
			}
			default -> {
				// only the token
			}
		}
		return metadata;
	}

	private static Metadata.Key<String> ascii(String name) {
		return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
	}

	/**
	 * Unknown fields, as a newer or a broken client would send them: ignored, or a 4xx.
	 */
	static UnknownFieldSet unknownFields(Random random) {
		return UnknownFieldSet.newBuilder()
			.addField(99 + random.nextInt(1000),
					UnknownFieldSet.Field.newBuilder().addVarint(pick(random, LONGS)).build())
			.addField(5000, UnknownFieldSet.Field.newBuilder().addFixed32(-1).build())
			.build();
	}

	/** One call: a name for the report and what it does with a configured stub. */
	record Call(String name, Invocation invoke) {

	}

	@FunctionalInterface
	interface Invocation {

		void apply(ManagedChannel channel, Stubs stubs);

	}

	/** Gives a stub its deadline, token and extra metadata. */
	record Stubs(CallCredentials credentials, Metadata extra) {

		<S extends AbstractStub<S>> S configure(S stub) {
			return stub.withDeadlineAfter(10, TimeUnit.SECONDS)
				.withCallCredentials(this.credentials)
				.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(this.extra));
		}

	}

	/** What a fuzz run counted, and every call answered imprecisely (the first 40). */
	record Result(Map<String, Object> figures, List<String> violations) {

	}

}
