package io.ganaka.api.auth;

import io.ganaka.api.errors.InvalidCredentialsException;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.api.errors.TooManyRequestsException;
import io.ganaka.api.errors.UnauthenticatedException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.auth.AbuseLimits;
import io.ganaka.auth.AccessTokens;
import io.ganaka.auth.IssuedAccessToken;
import io.ganaka.auth.PasswordHasher;
import io.ganaka.auth.PasswordPolicy;
import io.ganaka.auth.Principal;
import io.ganaka.auth.RateLimit;
import io.ganaka.auth.RedisRateLimiter;
import io.ganaka.auth.SessionStore;
import io.ganaka.auth.SessionStore.NewSession;
import io.ganaka.auth.SessionStore.Rotation;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventIds;
import io.ganaka.schemas.EventPayload.UserLoggedIn;
import io.ganaka.schemas.EventPayload.UserLoggedOut;
import io.ganaka.schemas.EventPayload.UserRegistered;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration, sign-in, sessions and the caller's profile. Accounts are written synchronously to Postgres and
 * their events published after the commit. Sign-in does the same expensive work (one Argon2 verify) whether or not
 * the address is known, and counts failures the same way, so neither the answer nor its timing tells whether an
 * e-mail is registered.
 */
public final class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AccessTokens accessTokens;
    private final SessionStore sessions;
    private final RedisRateLimiter limiter;
    private final AbuseLimits limits;
    private final EventPublisher publisher;
    private final Duration publishTimeout;
    private final SecurityLog security = new SecurityLog();
    /** Verified against when the e-mail is unknown, so unknown and known addresses cost the same. */
    private final String dummyHash;

    public AccountService(AccountRepository accounts, PasswordHasher hasher, PasswordPolicy policy,
                          AccessTokens accessTokens, SessionStore sessions, RedisRateLimiter limiter,
                          AbuseLimits limits, EventPublisher publisher, Duration publishTimeout) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.limiter = limiter;
        this.limits = limits;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.dummyHash = hasher.hash(randomPassword());
    }

    public RegistrationAccepted register(RegisterRequest request, RequestOrigin origin) throws SQLException {
        throwIfOver(limiter.consume(limits.registrationsPerAddress(), origin.address()),
                limits.registrationsPerAddress(), "register", null, origin);
        policy.problem(request.password()).ifPresent(problem -> {
            throw new ValidationException("password", problem);
        });
        String hash = hasher.hash(request.password().toCharArray());
        UUID userId = UUID.fromString(EventIds.newId());
        if (accounts.create(userId, request, hash)) {
            publishAfterCommit(Event.create(userId.toString(), origin.requestId(),
                    new UserRegistered(request.email(), request.displayName(), request.timezone())));
        }
        return RegistrationAccepted.forEmail(request.email());
    }

    public TokenResponse login(LoginRequest request, RequestOrigin origin) throws SQLException {
        String account = "email:" + request.normalizedEmail();
        throwIfOver(limiter.blockedFor(limits.loginFailuresPerAccount(), account), limits.loginFailuresPerAccount(),
                "login", null, origin);
        throwIfOver(limiter.blockedFor(limits.loginFailuresPerAddress(), origin.address()),
                limits.loginFailuresPerAddress(), "login", null, origin);
        Optional<StoredCredentials> stored = accounts.credentials(request.normalizedEmail());
        boolean matches = hasher.verify(stored.map(StoredCredentials::passwordHash).orElse(dummyHash),
                request.password().toCharArray());
        if (stored.isEmpty() || !matches) {
            limiter.record(limits.loginFailuresPerAccount(), account);
            limiter.record(limits.loginFailuresPerAddress(), origin.address());
            security.loginFailed(request.normalizedEmail(), origin);
            throw new InvalidCredentialsException();
        }
        StoredCredentials user = stored.get();
        limiter.reset(limits.loginFailuresPerAccount(), account);
        if (hasher.needsRehash(user.passwordHash())) {
            accounts.replacePasswordHash(UUID.fromString(user.userId()), hasher.hash(request.password().toCharArray()));
        }
        TokenResponse tokens = newSession(user.userId(), user.role());
        publishQuietly(Event.create(user.userId(), origin.requestId(), new UserLoggedIn("password")));
        security.loginSucceeded(user.userId(), origin);
        return tokens;
    }

    /** Exchanges a refresh token for a new pair; a reused token ends its family and is reported. */
    public TokenResponse refresh(RefreshRequest request, RequestOrigin origin) throws SQLException {
        Rotation rotation = sessions.rotate(request.refreshToken());
        if (rotation instanceof Rotation.Reused reused) {
            security.tokenReused(reused.userId(), reused.sessionId(), origin);
            publishQuietly(Event.create(reused.userId(), origin.requestId(), new UserLoggedOut("token-reuse")));
            throw new UnauthenticatedException("refresh token reused");
        }
        if (!(rotation instanceof Rotation.Rotated rotated)) {
            security.refused("refresh", "unknown-token", null, origin);
            throw new UnauthenticatedException("unknown refresh token");
        }
        Optional<StoredCredentials> user = accounts.credentials(UUID.fromString(rotated.userId()));
        if (user.isEmpty()) {
            sessions.endSession(rotated.userId(), rotated.sessionId());
            security.refused("refresh", "no-account", rotated.userId(), origin);
            throw new UnauthenticatedException("refresh token of a deleted account");
        }
        IssuedAccessToken access = accessTokens.issue(rotated.userId(), user.get().role(), rotated.sessionId(),
                rotated.generation());
        return tokenResponse(access, rotated.refreshToken());
    }

    /** Ends the caller's session (and the family of the given refresh token, if it is theirs) at once. */
    public void logout(Principal caller, Optional<String> refreshToken, RequestOrigin origin) {
        sessions.endSession(caller.userId(), caller.sessionId());
        refreshToken.flatMap(token -> sessions.sessionOf(caller.userId(), token))
                .ifPresent(sessionId -> sessions.endSession(caller.userId(), sessionId));
        sessions.denyAccessToken(caller.tokenId(), caller.expiresAt());
        publishQuietly(Event.create(caller.userId(), origin.requestId(), new UserLoggedOut("session")));
        security.sessionsEnded("session", caller.userId(), origin);
    }

    /** Ends every session of the caller: all refresh families and every access token issued until now. */
    public void logoutAll(Principal caller, RequestOrigin origin) {
        sessions.endAllSessions(caller.userId());
        publishQuietly(Event.create(caller.userId(), origin.requestId(), new UserLoggedOut("all")));
        security.sessionsEnded("all", caller.userId(), origin);
    }

    /** Replaces the password, ends every session, and hands the caller a fresh pair so that only it stays in. */
    public TokenResponse changePassword(Principal caller, ChangePasswordRequest request, RequestOrigin origin)
            throws SQLException {
        String account = "user:" + caller.userId();
        throwIfOver(limiter.blockedFor(limits.loginFailuresPerAccount(), account), limits.loginFailuresPerAccount(),
                "password-change", caller.userId(), origin);
        StoredCredentials user = accounts.credentials(UUID.fromString(caller.userId()))
                .orElseThrow(() -> new UnauthenticatedException("no account " + caller.userId()));
        if (!hasher.verify(user.passwordHash(), request.currentPassword().toCharArray())) {
            limiter.record(limits.loginFailuresPerAccount(), account);
            security.refused("password-change", "wrong-current-password", caller.userId(), origin);
            throw new ValidationException("currentPassword", "is not the current password");
        }
        policy.problem(request.newPassword()).ifPresent(problem -> {
            throw new ValidationException("newPassword", problem);
        });
        accounts.replacePasswordHash(UUID.fromString(caller.userId()), hasher.hash(request.newPassword().toCharArray()));
        limiter.reset(limits.loginFailuresPerAccount(), account);
        sessions.endAllSessions(caller.userId());
        TokenResponse tokens = newSession(caller.userId(), user.role());
        publishQuietly(Event.create(caller.userId(), origin.requestId(), new UserLoggedOut("password-change")));
        security.passwordChanged(caller.userId(), origin);
        return tokens;
    }

    public UserView me(String userId) throws SQLException {
        UUID id;
        try {
            id = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            // Only possible with a token from another system sharing our secret; there is no such account here.
            throw new NotFoundException("no account " + userId);
        }
        return accounts.find(id).orElseThrow(() -> new NotFoundException("no account " + userId));
    }

    private TokenResponse newSession(String userId, String role) {
        NewSession session = sessions.start(userId);
        IssuedAccessToken access = accessTokens.issue(userId, role, session.sessionId(), session.generation());
        return tokenResponse(access, session.refreshToken());
    }

    private TokenResponse tokenResponse(IssuedAccessToken access, String refreshToken) {
        return new TokenResponse(access.token(), refreshToken, "Bearer", accessTokens.ttl().toSeconds());
    }

    private void throwIfOver(Optional<Duration> wait, RateLimit limit, String action, String userId,
                             RequestOrigin origin) {
        if (wait.isPresent()) {
            security.refused(action, "rate-limit:" + limit.name(), userId, origin);
            throw new TooManyRequestsException(limit.name(), wait.get());
        }
    }

    /** Session events must not make sign-in or sign-out depend on NATS: sent without waiting, failures logged. */
    private void publishQuietly(Event event) {
        publisher.publish(event).exceptionally(failure -> {
            LOG.warn("{} {} for user {} not published: {}", event.type(), event.id(), event.userId(),
                    failure.toString());
            return null;
        });
    }

    /**
     * The account is committed already, so a failed publish cannot undo it; it is logged with the event id for
     * replay rather than turned into an error that would make the client retry a registration that succeeded.
     */
    private void publishAfterCommit(Event event) {
        try {
            publisher.publish(event).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("{} {} for user {} committed but not published: {}", event.type(), event.id(), event.userId(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("{} {} for user {} committed but publish interrupted", event.type(), event.id(), event.userId());
        }
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }
}
