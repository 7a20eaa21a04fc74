package io.hashop.user.account;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hashop.contracts.user.v1.RegisterUserRequest;
import io.hashop.contracts.user.v1.User;
import io.hashop.contracts.user.v1.UserServiceGrpc;
import io.hashop.contracts.user.v1.UserServiceGrpc.UserServiceBlockingStub;
import io.hashop.contracts.user.v1.VerifyCredentialsRequest;
import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.platform.grpc.InternalIdentityCallCredentials;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;

/**
 * One hashing permit and a hash made slow on demand: what a burst of logins meets when
 * every permit is taken.
 */
@SpringBootTest(properties = { "spring.grpc.server.port=0", "server.port=0", "management.server.port=0",
		"platform.identity.secret=test-secret-test-secret-test-secret-0123", "hashop.user.password-hashing.permits=1",
		"hashop.user.password-hashing.max-wait=200ms" })
@WithTestDatabase
@WithTestKafka(partitions = 1)
class PasswordHashingLimitIntegrationTests {

	@LocalGrpcPort
	int grpcPort;

	@Autowired
	InternalTokenIssuer issuer;

	@MockitoSpyBean
	PasswordEncoder passwordEncoder;

	ManagedChannel channel;

	@BeforeEach
	void openChannel() {
		this.channel = ManagedChannelBuilder.forAddress("localhost", this.grpcPort).usePlaintext().build();
	}

	@AfterEach
	void closeChannel() throws InterruptedException {
		doCallRealMethod().when(this.passwordEncoder).matches(any(), anyString());
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void answersHashesBeyondTheCapResourceExhaustedAtOnceAndStillServesTheOthers() throws Exception {
		User user = stub().registerUser(registration("cap@example.com"));
		CountDownLatch slowHashRunning = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		doAnswer((invocation) -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				slowHashRunning.countDown();
				release.await(20, TimeUnit.SECONDS);
				return invocation.callRealMethod();
			}
			finally {
				running.decrementAndGet();
			}
		}).when(this.passwordEncoder).matches(any(), anyString());

		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<User> slow = clients.submit(() -> stub().verifyCredentials(credentials("cap@example.com")));
			assertThat(slowHashRunning.await(10, TimeUnit.SECONDS)).isTrue();
			List<Future<Status.Code>> beyondTheCap = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				beyondTheCap
					.add(clients.submit(() -> codeOf(() -> stub().verifyCredentials(credentials("cap@example.com")))));
			}
			beyondTheCap.add(clients.submit(() -> codeOf(() -> stub().registerUser(registration("late@example.com")))));

			// Answered while the slow hash still holds the only permit, not after it.
			for (Future<Status.Code> call : beyondTheCap) {
				assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
			}
			assertThat(slow.isDone()).isFalse();
			release.countDown();
			assertThat(slow.get(10, TimeUnit.SECONDS).getId()).isEqualTo(user.getId());
		}
		assertThat(mostAtOnce).hasValue(1);

		doCallRealMethod().when(this.passwordEncoder).matches(any(), anyString());
		assertThat(stub().verifyCredentials(credentials("cap@example.com")).getId()).isEqualTo(user.getId());
		assertThat(stub().registerUser(registration("late@example.com")).getEmail()).isEqualTo("late@example.com");
	}

	private UserServiceBlockingStub stub() {
		return UserServiceGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(30, TimeUnit.SECONDS)
			.withCallCredentials(
					InternalIdentityCallCredentials.of(this.issuer.issue(CallerIdentity.anonymous(), "user-service")));
	}

	private static Status.Code codeOf(Runnable call) {
		StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, call::run);
		return (error != null) ? error.getStatus().getCode() : Status.Code.OK;
	}

	private static RegisterUserRequest registration(String email) {
		return RegisterUserRequest.newBuilder()
			.setEmail(email)
			.setPassword("correct-horse-1")
			.setDisplayName("Test User")
			.build();
	}

	private static VerifyCredentialsRequest credentials(String email) {
		return VerifyCredentialsRequest.newBuilder().setEmail(email).setPassword("correct-horse-1").build();
	}

}
