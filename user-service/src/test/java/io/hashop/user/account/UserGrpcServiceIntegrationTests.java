package io.hashop.user.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.hashop.contracts.user.v1.GetUserRequest;
import io.hashop.contracts.user.v1.RegisterUserRequest;
import io.hashop.contracts.user.v1.User;
import io.hashop.contracts.user.v1.UserServiceGrpc;
import io.hashop.contracts.user.v1.UserServiceGrpc.UserServiceBlockingStub;
import io.hashop.contracts.user.v1.VerifyCredentialsRequest;
import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.platform.error.RequestValidator;
import io.hashop.platform.grpc.InternalIdentityCallCredentials;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalIdentityProperties;
import io.hashop.platform.identity.InternalTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "management.server.port=0",
				"platform.identity.secret=" + UserGrpcServiceIntegrationTests.SECRET,
				"hashop.user.admin.email=admin@example.com", "hashop.user.admin.password=admin-password-1" })
@WithTestDatabase
@WithTestKafka
class UserGrpcServiceIntegrationTests {

	static final String SECRET = "test-secret-test-secret-test-secret-0123";

	@LocalGrpcPort
	int grpcPort;

	@LocalServerPort
	int httpPort;

	@Autowired
	InternalTokenIssuer issuer;

	@Autowired
	InternalIdentityProperties identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountRegistration registration;

	@Autowired
	AccountRepository accounts;

	@Autowired
	RequestValidator validator;

	@MockitoSpyBean
	PasswordEncoder passwordEncoder;

	ManagedChannel channel;

	@BeforeEach
	void openChannel() {
		this.channel = ManagedChannelBuilder.forAddress("localhost", this.grpcPort).usePlaintext().build();
	}

	@AfterEach
	void closeChannel() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void registersAnAccountAndLetsItsOwnerReadIt() {
		User user = anonymous().registerUser(registration("Ada@Example.com"));

		assertThat(user.getEmail()).isEqualTo("Ada@Example.com");
		assertThat(user.getRolesList()).containsExactly("USER");
		User read = as(CallerIdentity.user(user.getId(), Set.of("USER")))
			.getUser(GetUserRequest.newBuilder().setId(user.getId()).build());
		assertThat(read).isEqualTo(user);
	}

	@Test
	void rejectsInvalidRegistrationWithEveryFieldViolation() {
		RegisterUserRequest invalid = RegisterUserRequest.newBuilder()
			.setEmail("not-an-email")
			.setPassword("short")
			.setDisplayName(" ")
			.build();

		StatusRuntimeException error = catchStatus(() -> anonymous().registerUser(invalid));

		assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(fieldViolations(error)).containsExactlyInAnyOrder("email", "password", "displayName");
	}

	@Test
	void rejectsOverlongPasswordsAndDisplayNames() {
		RegisterUserRequest invalid = registration("long@example.com").toBuilder()
			.setPassword("p".repeat(129))
			.setDisplayName("d".repeat(65))
			.build();

		assertThat(fieldViolations(catchStatus(() -> anonymous().registerUser(invalid))))
			.containsExactlyInAnyOrder("password", "displayName");
	}

	@Test
	void rejectsADuplicateEmailWhateverItsCase() {
		anonymous().registerUser(registration("grace@example.com"));

		StatusRuntimeException error = catchStatus(() -> anonymous().registerUser(registration("GRACE@example.COM")));

		assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
	}

	@Test
	void neverStoresThePasswordInClear() {
		User user = anonymous().registerUser(registration("hash@example.com"));

		String stored = this.jdbc.sql("SELECT password_hash FROM accounts WHERE id = ?")
			.param(UUID.fromString(user.getId()))
			.query(String.class)
			.single();
		assertThat(stored).startsWith("$argon2id$").contains("m=19456,t=2,p=1").doesNotContain("correct-horse-1");
	}

	@Test
	void acceptsTheRightPasswordWhateverTheEmailCase() {
		User user = anonymous().registerUser(registration("login@example.com"));

		User verified = anonymous().verifyCredentials(credentials("LOGIN@example.com", "correct-horse-1"));

		assertThat(verified.getId()).isEqualTo(user.getId());
	}

	@Test
	void givesTheSameAnswerForAnUnknownEmailAndAWrongPassword() {
		anonymous().registerUser(registration("known@example.com"));

		StatusRuntimeException wrongPassword = catchStatus(
				() -> anonymous().verifyCredentials(credentials("known@example.com", "wrong-password-1")));
		StatusRuntimeException unknownEmail = catchStatus(
				() -> anonymous().verifyCredentials(credentials("unknown@example.com", "wrong-password-1")));

		assertThat(wrongPassword.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(StatusProto.fromThrowable(unknownEmail)).isEqualTo(StatusProto.fromThrowable(wrongPassword));
	}

	@Test
	void checksAPasswordHashForAnUnknownEmailJustLikeForAKnownOne() {
		anonymous().registerUser(registration("timing@example.com"));
		clearInvocations(this.passwordEncoder);

		catchStatus(() -> anonymous().verifyCredentials(credentials("timing@example.com", "wrong-password-1")));
		verify(this.passwordEncoder, times(1)).matches(any(), anyString());
		clearInvocations(this.passwordEncoder);
		catchStatus(() -> anonymous().verifyCredentials(credentials("nobody@example.com", "wrong-password-1")));
		verify(this.passwordEncoder, times(1)).matches(any(), anyString());
	}

	@Test
	void hidesAnotherUsersAccount() {
		User owner = anonymous().registerUser(registration("owner@example.com"));
		User other = anonymous().registerUser(registration("other@example.com"));

		StatusRuntimeException error = catchStatus(() -> as(CallerIdentity.user(other.getId(), Set.of("USER")))
			.getUser(GetUserRequest.newBuilder().setId(owner.getId()).build()));

		assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void createsTheConfiguredAdminAtStartUp() {
		User admin = anonymous().verifyCredentials(credentials("admin@example.com", "admin-password-1"));

		assertThat(admin.getRolesList()).containsExactly("ADMIN");
		User someone = anonymous().registerUser(registration("someone@example.com"));
		assertThat(as(CallerIdentity.user(admin.getId(), Set.of("ADMIN")))
			.getUser(GetUserRequest.newBuilder().setId(someone.getId()).build())
			.getEmail()).isEqualTo("someone@example.com");
	}

	@Test
	void makesAChangedAdminPasswordTheValidOneAtTheNextStartUp() {
		startUpWithAdmin("rotate@example.com", "first-password-1");
		User admin = anonymous().verifyCredentials(credentials("rotate@example.com", "first-password-1"));

		startUpWithAdmin("rotate@example.com", "second-password-2");

		assertThat(anonymous().verifyCredentials(credentials("rotate@example.com", "second-password-2")).getId())
			.isEqualTo(admin.getId());
		assertThat(
				catchStatus(() -> anonymous().verifyCredentials(credentials("rotate@example.com", "first-password-1")))
					.getStatus()
					.getCode())
			.isEqualTo(Status.Code.UNAUTHENTICATED);
		String hash = storedHash(admin.getId());
		startUpWithAdmin("rotate@example.com", "second-password-2");
		assertThat(storedHash(admin.getId())).isEqualTo(hash);
	}

	@Test
	void leavesTheAdminPasswordAloneWhenNoneIsConfiguredOrTheAccountIsNoAdmin() {
		startUpWithAdmin("keep@example.com", "kept-password-1");
		User admin = anonymous().verifyCredentials(credentials("keep@example.com", "kept-password-1"));
		User user = anonymous().registerUser(registration("squatter@example.com"));
		String adminHash = storedHash(admin.getId());
		String userHash = storedHash(user.getId());

		startUpWithAdmin("keep@example.com", "");
		startUpWithAdmin("squatter@example.com", "takeover-password-1");

		assertThat(storedHash(admin.getId())).isEqualTo(adminHash);
		assertThat(storedHash(user.getId())).isEqualTo(userHash);
		assertThat(anonymous().verifyCredentials(credentials("squatter@example.com", "correct-horse-1")).getRolesList())
			.containsExactly("USER");
	}

	@Test
	void rejectsCallsWithoutAValidInternalToken() {
		UserServiceBlockingStub bare = UserServiceGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(5, TimeUnit.SECONDS);
		InternalTokenIssuer forger = new InternalTokenIssuer(
				new InternalIdentityProperties(true, "another-secret-another-secret-another-0", "user-service",
						"hashop-internal", Duration.ofSeconds(60), Duration.ZERO, true),
				Clock.systemUTC());
		InternalTokenIssuer stale = new InternalTokenIssuer(this.identity,
				Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
		List<String> rejected = List.of(forger.issue(CallerIdentity.anonymous(), "user-service"),
				stale.issue(CallerIdentity.anonymous(), "user-service"),
				this.issuer.issue(CallerIdentity.anonymous(), "order-service"), "not-a-jwt");

		assertThat(catchStatus(() -> bare.verifyCredentials(credentials("a@example.com", "whatever-123"))).getStatus()
			.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
		for (String token : rejected) {
			StatusRuntimeException error = catchStatus(
					() -> bare.withCallCredentials(InternalIdentityCallCredentials.of(token))
						.registerUser(registration("x@example.com")));
			assertThat(error.getStatus().getCode()).as(token).isEqualTo(Status.Code.UNAUTHENTICATED);
		}
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM accounts WHERE email = 'x@example.com'").query(Long.class).single())
			.isZero();
	}

	@Test
	void answersHealthProbesOnTheMainPort() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String path : List.of("/healthz", "/livez", "/readyz")) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.httpPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).contains("\"UP\"");
		}
	}

	private void startUpWithAdmin(String email, String password) {
		AccountProperties properties = new AccountProperties(
				new AccountProperties.Admin(email, password, "Administrator"),
				new AccountProperties.PasswordHashing(0, Duration.ofMillis(500)));
		new AdminAccountInitializer(properties, this.registration, this.accounts, this.passwordEncoder, this.validator)
			.run(null);
	}

	private String storedHash(String userId) {
		return this.jdbc.sql("SELECT password_hash FROM accounts WHERE id = ?")
			.param(UUID.fromString(userId))
			.query(String.class)
			.single();
	}

	private UserServiceBlockingStub anonymous() {
		return as(CallerIdentity.anonymous());
	}

	private UserServiceBlockingStub as(CallerIdentity caller) {
		return UserServiceGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.withCallCredentials(InternalIdentityCallCredentials.of(this.issuer.issue(caller, "user-service")));
	}

	private static RegisterUserRequest registration(String email) {
		return RegisterUserRequest.newBuilder()
			.setEmail(email)
			.setPassword("correct-horse-1")
			.setDisplayName("Test User")
			.build();
	}

	private static VerifyCredentialsRequest credentials(String email, String password) {
		return VerifyCredentialsRequest.newBuilder().setEmail(email).setPassword(password).build();
	}

	private static StatusRuntimeException catchStatus(Runnable call) {
		return org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class, call::run);
	}

	private static List<String> fieldViolations(StatusRuntimeException error) {
		return StatusProto.fromThrowable(error)
			.getDetailsList()
			.stream()
			.filter((detail) -> detail.is(BadRequest.class))
			.flatMap((detail) -> {
				try {
					return detail.unpack(BadRequest.class).getFieldViolationsList().stream();
				}
				catch (com.google.protobuf.InvalidProtocolBufferException ex) {
					throw new IllegalStateException(ex);
				}
			})
			.map(BadRequest.FieldViolation::getField)
			.toList();
	}

}
