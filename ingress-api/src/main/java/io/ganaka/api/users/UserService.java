package io.ganaka.api.users;

import io.ganaka.api.Ids;
import io.ganaka.api.errors.NotFoundException;
import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.api.events.Publishing;
import io.ganaka.auth.Principal;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.UserDeleted;
import io.ganaka.schemas.EventPayload.UserUpdated;
import io.ganaka.schemas.Json;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading, replacing and deleting profiles. A user may read, replace and delete their own; an {@code admin} may read
 * and delete any. Every other id, existing or not, is "not found", so the answer reveals nothing. A change commits only
 * after its event is durable in JetStream; deletion also ends every session before it commits.
 */
public final class UserService {

    public static final String ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);

    private final UserRepository users;
    private final SessionEnder sessions;
    private final EventPublisher publisher;
    private final Duration publishTimeout;

    public UserService(UserRepository users, SessionEnder sessions, EventPublisher publisher, Duration publishTimeout) {
        this.users = users;
        this.sessions = sessions;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
    }

    public UserProfile get(Principal caller, String id) throws SQLException {
        UUID target = accessible(caller, id, true);
        return users.find(target).orElseThrow(() -> notFound(id));
    }

    /** @throws PublishUnavailableException when user.updated is not durable in time; nothing is changed then */
    public UserProfile replace(Principal caller, String id, ProfileUpdate update, String correlationId)
            throws SQLException {
        UUID target = accessible(caller, id, false);
        return users.replace(target, update, saved -> awaitDurable(Event.create(saved.id(), correlationId,
                        new UserUpdated(saved.displayName(), saved.timezone(),
                                Json.MAPPER.valueToTree(saved.preferences())))))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Deletes the account: every session is ended, user.deleted (whose consumers erase the projections) is stored,
     * the {@code users} row (with what cascades from it) is deleted, and then the user is forgotten by the session
     * store. If the event cannot be stored, the row stays and the call fails with 503; the user has been signed out
     * but may sign in again (nothing that would lock the account out is written before the row is gone).
     */
    public void delete(Principal caller, String id, String correlationId) throws SQLException {
        UUID target = accessible(caller, id, true);
        String userId = target.toString();
        String initiatedBy = userId.equals(caller.userId()) ? "self" : "admin";
        boolean deleted = users.delete(target, () -> {
            sessions.endAllSessions(userId);
            awaitDurable(Event.create(userId, correlationId, new UserDeleted(initiatedBy)));
        });
        if (!deleted) {
            throw notFound(id);
        }
        LOG.info("security: account {} deleted by {} ({})", target, caller.userId(), initiatedBy);
        try {
            sessions.forget(userId);
        } catch (RuntimeException e) {
            // The account is gone and its tokens were retired before; only a session begun during the deletion could
            // still run until its access token expires. Its keys expire by themselves.
            LOG.error("security: sessions of deleted account {} could not be forgotten: {}", target, e.toString());
        }
    }

    /** The target id when the caller may act on it: themselves, or anyone for an admin where allowed. */
    private static UUID accessible(Principal caller, String id, boolean adminMayAct) {
        Optional<UUID> target = Ids.parse(id);
        if (target.isEmpty()) {
            throw notFound(id);
        }
        boolean self = target.get().toString().equals(caller.userId());
        if (!self && !(adminMayAct && ADMIN.equals(caller.role()))) {
            throw notFound(id);
        }
        return target.get();
    }

    private void awaitDurable(Event event) {
        Publishing.awaitDurable(publisher, event, publishTimeout);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no user " + id + " for this caller");
    }

}
