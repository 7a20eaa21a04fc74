package io.hashop.user.account;

import java.util.UUID;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import io.hashop.contracts.user.v1.GetUserRequest;
import io.hashop.contracts.user.v1.RegisterUserRequest;
import io.hashop.contracts.user.v1.User;
import io.hashop.contracts.user.v1.UserServiceGrpc;
import io.hashop.contracts.user.v1.VerifyCredentialsRequest;
import io.hashop.platform.error.InvalidRequestException;
import io.hashop.platform.grpc.GrpcCallerIdentity;
import io.hashop.platform.identity.CallerIdentity;

import org.springframework.stereotype.Service;

/**
 * The gRPC face of accounts; the caller always comes from the verified internal token.
 */
@Service
class UserGrpcService extends UserServiceGrpc.UserServiceImplBase {

	private final AccountRegistration registration;

	private final CredentialCheck credentialCheck;

	private final AccountRepository accounts;

	UserGrpcService(AccountRegistration registration, CredentialCheck credentialCheck, AccountRepository accounts) {
		this.registration = registration;
		this.credentialCheck = credentialCheck;
		this.accounts = accounts;
	}

	@Override
	public void registerUser(RegisterUserRequest request, StreamObserver<User> responseObserver) {
		Account account = this.registration
			.register(new RegisterAccountCommand(request.getEmail(), request.getPassword(), request.getDisplayName()));
		reply(responseObserver, account);
	}

	@Override
	public void verifyCredentials(VerifyCredentialsRequest request, StreamObserver<User> responseObserver) {
		reply(responseObserver, this.credentialCheck.verify(request.getEmail(), request.getPassword()));
	}

	@Override
	public void getUser(GetUserRequest request, StreamObserver<User> responseObserver) {
		UUID id = parseId(request.getId());
		CallerIdentity caller = GrpcCallerIdentity.current();
		boolean allowed = caller.isAdmin() || caller.user().filter(id.toString()::equals).isPresent();
		Account account = this.accounts.findById(id)
			.filter((found) -> allowed)
			.orElseThrow(AccountNotFoundException::new);
		reply(responseObserver, account);
	}

	private static UUID parseId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequestException.of("id", "must be a UUID");
		}
	}

	private static void reply(StreamObserver<User> responseObserver, Account account) {
		responseObserver.onNext(User.newBuilder()
			.setId(account.id().toString())
			.setEmail(account.email())
			.setDisplayName(account.displayName())
			.addAllRoles(account.roles())
			.setCreatedAt(Timestamp.newBuilder()
				.setSeconds(account.createdAt().getEpochSecond())
				.setNanos(account.createdAt().getNano()))
			.build());
		responseObserver.onCompleted();
	}

}
