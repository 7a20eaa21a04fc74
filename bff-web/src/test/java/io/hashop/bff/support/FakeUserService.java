package io.hashop.bff.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.hashop.contracts.user.v1.GetUserRequest;
import io.hashop.contracts.user.v1.RegisterUserRequest;
import io.hashop.contracts.user.v1.User;
import io.hashop.contracts.user.v1.UserServiceGrpc;
import io.hashop.contracts.user.v1.VerifyCredentialsRequest;
import io.hashop.platform.grpc.GrpcCallerIdentity;
import io.hashop.platform.identity.CallerIdentity;

/** An in-memory user-service, answering like the real one does. */
public final class FakeUserService extends UserServiceGrpc.UserServiceImplBase {

	private final Map<String, User> usersByEmail = new ConcurrentHashMap<>();

	private final Map<String, String> passwordsByEmail = new ConcurrentHashMap<>();

	/** Adds an account directly, for example an admin. */
	public User add(String email, String password, String displayName, String role) {
		User user = User.newBuilder()
			.setId(UUID.randomUUID().toString())
			.setEmail(email)
			.setDisplayName(displayName)
			.addRoles(role)
			.build();
		this.usersByEmail.put(email.toLowerCase(), user);
		this.passwordsByEmail.put(email.toLowerCase(), password);
		return user;
	}

	@Override
	public void registerUser(RegisterUserRequest request, StreamObserver<User> responseObserver) {
		if (this.usersByEmail.containsKey(request.getEmail().toLowerCase())) {
			responseObserver.onError(
					reason(Code.ALREADY_EXISTS, "EMAIL_TAKEN", "An account with this e-mail address already exists"));
			return;
		}
		respond(responseObserver, add(request.getEmail(), request.getPassword(), request.getDisplayName(), "USER"));
	}

	@Override
	public void verifyCredentials(VerifyCredentialsRequest request, StreamObserver<User> responseObserver) {
		String email = request.getEmail().toLowerCase();
		if (!request.getPassword().equals(this.passwordsByEmail.get(email))) {
			responseObserver.onError(reason(Code.UNAUTHENTICATED, "INVALID_CREDENTIALS", "Invalid e-mail or password"));
			return;
		}
		respond(responseObserver, this.usersByEmail.get(email));
	}

	@Override
	public void getUser(GetUserRequest request, StreamObserver<User> responseObserver) {
		CallerIdentity caller = GrpcCallerIdentity.current();
		List<User> found = this.usersByEmail.values()
			.stream()
			.filter((user) -> user.getId().equals(request.getId()))
			.filter((user) -> caller.isAdmin() || user.getId().equals(caller.userId()))
			.toList();
		if (found.isEmpty()) {
			responseObserver.onError(Status.NOT_FOUND.withDescription("Account not found").asRuntimeException());
			return;
		}
		respond(responseObserver, found.get(0));
	}

	static RuntimeException reason(Code code, String reason, String message) {
		return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(code.getNumber())
			.setMessage(message)
			.addDetails(Any.pack(ErrorInfo.newBuilder().setDomain("hashop.io").setReason(reason).build()))
			.build());
	}

	private static <T> void respond(StreamObserver<T> observer, T value) {
		observer.onNext(value);
		observer.onCompleted();
	}

}
