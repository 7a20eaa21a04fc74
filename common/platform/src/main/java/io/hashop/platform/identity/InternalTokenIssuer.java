package io.hashop.platform.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Mints short-lived internal tokens (HS256 JWTs) that carry a caller to one service. */
public class InternalTokenIssuer {

	static final String ROLES = "roles";

	private final InternalIdentityProperties properties;

	private final MACSigner signer;

	private final Clock clock;

	public InternalTokenIssuer(InternalIdentityProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		try {
			this.signer = new MACSigner(properties.secret().getBytes(StandardCharsets.UTF_8));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("platform.identity.secret is not a usable HMAC key", ex);
		}
	}

	/**
	 * Issues a token for a call to one service.
	 * @param caller the caller to vouch for
	 * @param audience the service the token is for
	 * @return the compact JWT
	 */
	public String issue(CallerIdentity caller, String audience) {
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.properties.issuer())
			.audience(audience)
			.subject(caller.userId())
			.claim(ROLES, List.copyOf(caller.roles()))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.properties.ttl())))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign an internal token", ex);
		}
		return jwt.serialize();
	}

}
