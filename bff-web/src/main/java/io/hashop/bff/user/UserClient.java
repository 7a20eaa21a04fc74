package io.hashop.bff.user;

import java.time.Duration;
import java.util.HashSet;

import io.hashop.bff.downstream.Deadline;
import io.hashop.bff.downstream.DownstreamGuard;
import io.hashop.bff.downstream.DownstreamGuards;
import io.hashop.bff.downstream.InternalCalls;
import io.hashop.bff.security.SignedInUser;
import io.hashop.contracts.user.v1.GetUserRequest;
import io.hashop.contracts.user.v1.RegisterUserRequest;
import io.hashop.contracts.user.v1.User;
import io.hashop.contracts.user.v1.UserServiceGrpc;
import io.hashop.contracts.user.v1.UserServiceGrpc.UserServiceBlockingStub;
import io.hashop.contracts.user.v1.VerifyCredentialsRequest;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** user-service over gRPC, guarded, with a token and a deadline on every call. */
@Component
public class UserClient {

	static final String SERVICE = "user-service";

	private final UserServiceBlockingStub stub;

	private final DownstreamGuard guard;

	private final InternalTokenIssuer tokens;

	UserClient(GrpcChannelFactory channels, DownstreamGuards guards, InternalTokenIssuer tokens) {
		this.stub = UserServiceGrpc.newBlockingStub(InternalCalls.connectedChannel(channels, SERVICE));
		this.guard = guards.forService(SERVICE);
		this.tokens = tokens;
	}

	/** Creates an account; a write, so never retried. */
	public User register(String email, String password, String displayName, Deadline deadline) {
		RegisterUserRequest request = RegisterUserRequest.newBuilder()
			.setEmail(email)
			.setPassword(password)
			.setDisplayName(displayName)
			.build();
		return this.guard.write(deadline, (timeout) -> stub(CallerIdentity.anonymous(), timeout).registerUser(request));
	}

	/** Checks credentials; not retried, so one login attempt is one check. */
	public SignedInUser verifyCredentials(String email, String password, Deadline deadline) {
		VerifyCredentialsRequest request = VerifyCredentialsRequest.newBuilder()
			.setEmail(email)
			.setPassword(password)
			.build();
		User user = this.guard.write(deadline,
				(timeout) -> stub(CallerIdentity.anonymous(), timeout).verifyCredentials(request));
		return new SignedInUser(user.getId(), user.getEmail(), user.getDisplayName(),
				new HashSet<>(user.getRolesList()));
	}

	public User getUser(CallerIdentity caller, String id, Deadline deadline) {
		GetUserRequest request = GetUserRequest.newBuilder().setId(id).build();
		return this.guard.read(deadline, (timeout) -> stub(caller, timeout).getUser(request));
	}

	private UserServiceBlockingStub stub(CallerIdentity caller, Duration timeout) {
		return InternalCalls.forCall(this.stub, this.tokens, caller, SERVICE, timeout);
	}

}
