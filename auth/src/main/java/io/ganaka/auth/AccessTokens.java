package io.ganaka.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues and verifies short-lived access tokens: JWTs signed with HS256 (the only algorithm accepted, so
 * {@code alg: none} and algorithm swaps fail), with {@code iss}, {@code aud}, {@code sub}, {@code role},
 * {@code jti}, {@code iat} and {@code exp} all required.
 */
public final class AccessTokens {

    public static final String ISSUER = "ganaka";
    public static final String AUDIENCE = "ganaka-api";
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    public static final int MIN_SECRET_BYTES = 32;

    /** Tolerated clock skew between API instances when checking {@code iat} and {@code exp}. */
    private static final long LEEWAY_SECONDS = 5;
    private static final String ROLE_CLAIM = "role";
    private static final String SESSION_CLAIM = "sid";
    private static final String GENERATION_CLAIM = "gen";
    /** Tokens remembered as verified; a client makes many requests with one token, each was a JSON parse and HMAC. */
    private static final int VERIFIED_CACHE_SIZE = 50_000;

    private final Algorithm algorithm;
    private final Duration ttl;
    private final Clock clock;
    private final JWTVerifier verifier;
    // Keyed by the whole token string, so only the exact bytes that once passed the verifier hit; expiry is still
    // checked on every hit. Revocation is not cached here: the caller asks the session store each time.
    private final Cache<String, Principal> verified;

    public AccessTokens(byte[] secret, Duration ttl, Clock clock) {
        this(secret, ttl, clock, false);
    }

    /** @param allowShortSecret accept a secret under 32 bytes; only for {@code ganaka dev} */
    public AccessTokens(byte[] secret, Duration ttl, Clock clock, boolean allowShortSecret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0 || (secret.length < MIN_SECRET_BYTES && !allowShortSecret)) {
            throw new IllegalArgumentException("JWT secret must be at least " + MIN_SECRET_BYTES + " bytes, got "
                    + secret.length);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("access token ttl must be positive: " + ttl);
        }
        this.algorithm = Algorithm.HMAC256(secret.clone());
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
        Verification verification = JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withClaimPresence("sub")
                .withClaimPresence("jti")
                .withClaimPresence("iat")
                .withClaimPresence("exp")
                .withClaimPresence(ROLE_CLAIM)
                .acceptLeeway(LEEWAY_SECONDS);
        this.verifier = ((JWTVerifier.BaseVerification) verification).build(clock);
        this.verified = Caffeine.newBuilder().maximumSize(VERIFIED_CACHE_SIZE).expireAfterWrite(ttl).build();
    }

    public Duration ttl() {
        return ttl;
    }

    public IssuedAccessToken issue(String userId, String role) {
        return issue(userId, role, "", 0);
    }

    /**
     * @param sessionId  the refresh-token family this token belongs to, so that signing out can end it
     * @param generation the user's current session generation (see {@link SessionStore})
     */
    public IssuedAccessToken issue(String userId, String role, String sessionId, long generation) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sessionId, "sessionId");
        // JWT times have one-second resolution; truncating keeps expiresAt equal to what verify() reports.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl);
        String tokenId = UUID.randomUUID().toString();
        String token = JWT.create()
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withSubject(userId)
                .withClaim(ROLE_CLAIM, role)
                .withClaim(SESSION_CLAIM, sessionId)
                .withClaim(GENERATION_CLAIM, generation)
                .withJWTId(tokenId)
                .withIssuedAt(now)
                .withExpiresAt(expiresAt)
                .sign(algorithm);
        return new IssuedAccessToken(token, tokenId, expiresAt);
    }

    /** @throws InvalidTokenException for anything but a well-formed, correctly signed, current token of ours */
    public Principal verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no token");
        }
        Principal known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isBefore(known.expiresAt().plusSeconds(LEEWAY_SECONDS))) {
                return known;
            }
            verified.invalidate(token); // expired: the verifier below rejects it with its own message
        }
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (JWTVerificationException e) {
            throw new InvalidTokenException("access token rejected: " + e.getMessage(), e);
        }
        String role = jwt.getClaim(ROLE_CLAIM).asString();
        if (jwt.getSubject() == null || jwt.getSubject().isBlank() || role == null || jwt.getId() == null) {
            throw new InvalidTokenException("access token lacks subject, role or id");
        }
        String sessionId = jwt.getClaim(SESSION_CLAIM).asString();
        Long generation = jwt.getClaim(GENERATION_CLAIM).asLong();
        Principal principal = new Principal(jwt.getSubject(), role, jwt.getId(), jwt.getExpiresAtAsInstant(),
                sessionId == null ? "" : sessionId, generation == null ? 0 : generation);
        verified.put(token, principal);
        return principal;
    }
}
