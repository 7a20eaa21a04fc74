package io.hashop.system.support;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.hashop.contracts.user.v1.RegisterUserRequest;
import io.hashop.contracts.user.v1.User;
import io.hashop.contracts.user.v1.UserServiceGrpc;
import io.hashop.platform.grpc.InternalIdentityCallCredentials;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;

/** user-service over gRPC: registers the users whose orders the tests place. */
public final class UserClient implements AutoCloseable {

	private final ManagedChannel channel;

	private final InternalTokenIssuer tokens;

	UserClient(int port, InternalTokenIssuer tokens) {
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
		this.tokens = tokens;
	}

	/** A new user with a unique e-mail address, to which the order e-mails go. */
	public User register() {
		String token = this.tokens.issue(CallerIdentity.anonymous(), "user-service");
		String id = UUID.randomUUID().toString().substring(0, 12);
		return UserServiceGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.withCallCredentials(InternalIdentityCallCredentials.of(token))
			.registerUser(RegisterUserRequest.newBuilder()
				.setEmail("shopper-" + id + "@example.com")
				.setPassword("system-test-password")
				.setDisplayName("Shopper " + id)
				.build());
	}

	@Override
	public void close() {
		this.channel.shutdownNow();
	}

}
