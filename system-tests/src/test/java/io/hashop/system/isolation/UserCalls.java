package io.hashop.system.isolation;

import java.util.List;
import java.util.Random;

import io.hashop.contracts.user.v1.GetUserRequest;
import io.hashop.contracts.user.v1.RegisterUserRequest;
import io.hashop.contracts.user.v1.UserServiceGrpc;
import io.hashop.contracts.user.v1.VerifyCredentialsRequest;
import io.hashop.system.isolation.InternalFuzz.Call;

import static io.hashop.system.isolation.HostileValues.pick;
import static io.hashop.system.isolation.InternalFuzz.STRINGS;

/**
 * Malformed user-service calls. A registration always has at least one invalid field, and
 * credentials are mostly blank or oversized, so the fuzz does not queue up Argon2id
 * hashes.
 */
final class UserCalls {

	private UserCalls() {
	}

	static Call any(Random random) {
		return switch (random.nextInt(3)) {
			case 0 -> register(random);
			case 1 -> {
				VerifyCredentialsRequest request = VerifyCredentialsRequest.newBuilder()
					.setEmail(pick(random, STRINGS))
					.setPassword(random.nextInt(10) == 0 ? "plausible-pass"
							: pick(random, List.of("", " ", "x".repeat(129), "y".repeat(70_000), "\u0000")))
					.build();
				yield new Call("VerifyCredentials", (channel,
						stubs) -> stubs.configure(UserServiceGrpc.newBlockingStub(channel)).verifyCredentials(request));
			}
			default -> {
				GetUserRequest request = GetUserRequest.newBuilder()
					.setId(pick(random, STRINGS))
					.setUnknownFields(InternalFuzz.unknownFields(random))
					.build();
				yield new Call("GetUser",
						(channel, stubs) -> stubs.configure(UserServiceGrpc.newBlockingStub(channel)).getUser(request));
			}
		};
	}

	private static Call register(Random random) {
		String[] fields = { "valid-" + random.nextInt(1_000_000) + "@example.com", "correct-horse-1", "Fuzz" };
		int invalid = random.nextInt(3);
		fields[invalid] = pick(random, switch (invalid) {
			case 0 -> List.of("", " ", "no-at-sign", "@", "a@", "x".repeat(255) + "@example.com", "\u0000@b.c");
			case 1 -> List.of("", "short", "x".repeat(129), "y".repeat(70_000));
			default -> List.of("", " ", "x".repeat(65), "z".repeat(70_000));
		});
		RegisterUserRequest request = RegisterUserRequest.newBuilder()
			.setEmail(fields[0])
			.setPassword(fields[1])
			.setDisplayName(fields[2])
			.build();
		return new Call("RegisterUser",
				(channel, stubs) -> stubs.configure(UserServiceGrpc.newBlockingStub(channel)).registerUser(request));
	}

}
