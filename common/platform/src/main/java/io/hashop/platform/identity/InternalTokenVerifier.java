package io.hashop.platform.identity;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;

/**
 * Verifies internal tokens addressed to this process: HS256 only, valid signature, this
 * audience, the platform issuer, not expired, and a subject that is a user id (a UUID) or
 * absent.
 */
public class InternalTokenVerifier {

	private static final Pattern USER_ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final MACVerifier signatureVerifier;

	private final DefaultJWTClaimsVerifier<?> claimsVerifier;

	public InternalTokenVerifier(InternalIdentityProperties properties) {
		try {
			this.signatureVerifier = new MACVerifier(properties.secret().getBytes(StandardCharsets.UTF_8));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("platform.identity.secret is not a usable HMAC key", ex);
		}
		this.claimsVerifier = new DefaultJWTClaimsVerifier<>(properties.audience(),
				new JWTClaimsSet.Builder().issuer(properties.issuer()).build(), Set.of("exp", "iat", "jti"));
		this.claimsVerifier.setMaxClockSkew((int) properties.clockSkew().toSeconds());
	}

	/**
	 * Verifies a token and returns the caller it vouches for.
	 * @param token the compact JWT, without a {@code Bearer } prefix
	 * @return the caller
	 * @throws InvalidInternalTokenException if the token is not acceptable
	 */
	public CallerIdentity verify(String token) {
		if (token == null || token.isBlank()) {
			throw new InvalidInternalTokenException("No internal token");
		}
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(this.signatureVerifier)) {
				throw new InvalidInternalTokenException("Internal token signature is not valid");
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			this.claimsVerifier.verify(claims, null);
			String subject = claims.getSubject();
			if (subject != null && !USER_ID.matcher(subject).matches()) {
				// Every user id is a UUID: anything else is a bad token, not input to
				// parse.
				throw new InvalidInternalTokenException("Internal token names no valid user");
			}
			List<String> roles = claims.getStringListClaim(InternalTokenIssuer.ROLES);
			return new CallerIdentity(subject, (roles != null) ? new HashSet<>(roles) : Set.of());
		}
		catch (ParseException | JOSEException ex) {
			throw new InvalidInternalTokenException("Internal token is malformed", ex);
		}
		catch (BadJWTException ex) {
			throw new InvalidInternalTokenException("Internal token rejected: " + ex.getMessage(), ex);
		}
	}

	/** Verifies the token of an {@code Authorization: Bearer ...} value. */
	public CallerIdentity verifyBearer(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			throw new InvalidInternalTokenException("No internal token");
		}
		return verify(authorization.substring(7).trim());
	}

}
