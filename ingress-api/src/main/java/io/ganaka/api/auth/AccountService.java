package io.ganaka.api.auth;

import io.ganaka.api.errors.InvalidCredentialsException;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.auth.AccessTokens;
import io.ganaka.auth.IssuedAccessToken;
import io.ganaka.auth.PasswordHasher;
import io.ganaka.auth.RefreshTokenStore;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventIds;
import io.ganaka.schemas.EventPayload.UserLoggedIn;
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
 * Registration, sign-in and the caller's profile. Accounts are written synchronously to Postgres and their events
 * published after the commit. Both paths do the same expensive work (one Argon2 hash or verify) whether or not the
 * address is known, so neither the answer nor its timing tells whether an e-mail is registered.
 */
public final class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final RefreshTokenStore refreshTokens;
    private final EventPublisher publisher;
    private final Duration publishTimeout;
    /** Verified against when the e-mail is unknown, so unknown and known addresses cost the same. */
    private final String dummyHash;

    public AccountService(AccountRepository accounts, PasswordHasher hasher, AccessTokens accessTokens,
                          RefreshTokenStore refreshTokens, EventPublisher publisher, Duration publishTimeout) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.dummyHash = hasher.hash(randomPassword());
    }

    public RegistrationAccepted register(RegisterRequest request, String correlationId) throws SQLException {
        String hash = hasher.hash(request.password().toCharArray());
        UUID userId = UUID.fromString(EventIds.newId());
        if (accounts.create(userId, request, hash)) {
            publishAfterCommit(Event.create(userId.toString(), correlationId,
                    new UserRegistered(request.email(), request.displayName(), request.timezone())));
        }
        return RegistrationAccepted.forEmail(request.email());
    }

    public TokenResponse login(LoginRequest request, String correlationId) throws SQLException {
        Optional<StoredCredentials> stored = accounts.credentials(request.normalizedEmail());
        boolean matches = hasher.verify(stored.map(StoredCredentials::passwordHash).orElse(dummyHash),
                request.password().toCharArray());
        if (stored.isEmpty() || !matches) {
            throw new InvalidCredentialsException();
        }
        StoredCredentials user = stored.get();
        if (hasher.needsRehash(user.passwordHash())) {
            accounts.replacePasswordHash(UUID.fromString(user.userId()), hasher.hash(request.password().toCharArray()));
        }
        IssuedAccessToken access = accessTokens.issue(user.userId(), user.role());
        String refresh = refreshTokens.issue(user.userId());
        // Sign-in must not depend on NATS: the event is sent without waiting, and a failure is only logged.
        Event loggedIn = Event.create(user.userId(), correlationId, new UserLoggedIn("password"));
        publisher.publish(loggedIn).exceptionally(failure -> {
            LOG.warn("user.logged_in {} for user {} not published: {}", loggedIn.id(), user.userId(), failure.toString());
            return null;
        });
        return new TokenResponse(access.token(), refresh, "Bearer", accessTokens.ttl().toSeconds());
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
