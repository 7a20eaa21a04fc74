package io.hashop.platform.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InternalTokenVerifierTests {

	static final String USER_ID = "3f1c2b9e-7d4a-4e8b-9c1d-5a6b7c8d9e0f";

	static final String SECRET = "unit-test-secret-unit-test-secret-0123";

	final InternalIdentityProperties orderService = properties(SECRET, "order-service");

	final InternalTokenIssuer issuer = new InternalTokenIssuer(this.orderService, Clock.systemUTC());

	final InternalTokenVerifier verifier = new InternalTokenVerifier(this.orderService);

	@Test
	void acceptsATokenForThisServiceAndReturnsItsCaller() {
		String token = this.issuer.issue(CallerIdentity.user(USER_ID, Set.of("ADMIN")), "order-service");

		CallerIdentity caller = this.verifier.verify(token);

		assertThat(caller.userId()).isEqualTo(USER_ID);
		assertThat(caller.isAdmin()).isTrue();
	}

	@Test
	void acceptsATokenOnBehalfOfNobody() {
		CallerIdentity caller = this.verifier.verify(this.issuer.issue(CallerIdentity.anonymous(), "order-service"));

		assertThat(caller.user()).isEmpty();
		assertThat(caller.isAdmin()).isFalse();
	}

	@Test
	void rejectsATokenForAnotherService() {
		String token = this.issuer.issue(CallerIdentity.anonymous(), "user-service");

		assertThatExceptionOfType(InvalidInternalTokenException.class).isThrownBy(() -> this.verifier.verify(token));
	}

	@Test
	void rejectsATokenSignedWithAnotherKey() {
		InternalTokenIssuer forger = new InternalTokenIssuer(
				properties("forged-secret-forged-secret-forged-01", "order-service"), Clock.systemUTC());
		String token = forger.issue(CallerIdentity.user(USER_ID, Set.of("ADMIN")), "order-service");

		assertThatExceptionOfType(InvalidInternalTokenException.class).isThrownBy(() -> this.verifier.verify(token));
	}

	@Test
	void rejectsAnExpiredToken() {
		InternalTokenIssuer past = new InternalTokenIssuer(this.orderService,
				Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));

		assertThatExceptionOfType(InvalidInternalTokenException.class)
			.isThrownBy(() -> this.verifier.verify(past.issue(CallerIdentity.anonymous(), "order-service")));
	}

	@Test
	void rejectsAnUnsignedTokenWithTheSameClaims() {
		String[] parts = this.issuer.issue(CallerIdentity.user(USER_ID, Set.of("ADMIN")), "order-service").split("\\.");
		String unsignedHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());

		assertThatExceptionOfType(InvalidInternalTokenException.class)
			.isThrownBy(() -> this.verifier.verify(unsignedHeader + "." + parts[1] + "."));
	}

	@Test
	void rejectsATamperedPayload() {
		String[] parts = this.issuer.issue(CallerIdentity.user(USER_ID, Set.of("USER")), "order-service").split("\\.");
		String admin = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1])).replace("USER", "ADMIN").getBytes());

		assertThatExceptionOfType(InvalidInternalTokenException.class)
			.isThrownBy(() -> this.verifier.verify(parts[0] + "." + admin + "." + parts[2]));
	}

	@Test
	void rejectsATokenWhoseSubjectIsNoUserId() {
		for (String subject : new String[] { "not-a-uuid", "", "%00", "x".repeat(255), USER_ID + "0" }) {
			String token = this.issuer.issue(CallerIdentity.user(subject, Set.of()), "order-service");
			assertThatExceptionOfType(InvalidInternalTokenException.class).as(subject)
				.isThrownBy(() -> this.verifier.verify(token));
		}
	}

	@Test
	void rejectsMissingAndMalformedBearerValues() {
		for (String value : new String[] { null, "", "Basic abc", "Bearer ", "Bearer not.a.jwt" }) {
			assertThatExceptionOfType(InvalidInternalTokenException.class)
				.isThrownBy(() -> this.verifier.verifyBearer(value));
		}
	}

	private static InternalIdentityProperties properties(String secret, String audience) {
		return new InternalIdentityProperties(true, secret, audience, "hashop-internal", Duration.ofSeconds(60),
				Duration.ofSeconds(5), true);
	}

}
