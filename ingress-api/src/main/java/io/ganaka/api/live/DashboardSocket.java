package io.ganaka.api.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.dashboard.DashboardService;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.TooManyRequestsException;
import io.ganaka.api.errors.UnauthenticatedException;
import io.ganaka.api.http.AccessRefusalLog;
import io.ganaka.api.http.Requests;
import io.ganaka.auth.AccessTokens;
import io.ganaka.auth.Principal;
import io.ganaka.auth.SessionStore;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.LiveMessage;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ws/dashboard}, the live dashboard socket, and {@code POST /ws/ticket}. The client offers the subprotocols
 * {@code ganaka.v1} (first, the one the server selects) and either {@code bearer.<access token>} or
 * {@code ticket.<ticket>}; credentials never travel in the URL. A refused upgrade is an ordinary problem+json answer
 * (401, 400, 429). On open the socket gets a {@code snapshot}, then every live message of its user; {@code {"type":
 * "ping"}} is answered {@code {"type":"pong"}}, and the server's own pings must be answered the same way (any message
 * counts) or the socket is closed.
 */
public final class DashboardSocket {

    public static final String PATH = "/ws/dashboard";
    public static final String PROTOCOL = "ganaka.v1";
    private static final String PRINCIPAL = "ganaka.live.principal";
    private static final String SOCKET = "ganaka.live.socket";
    private static final String PONG = "{\"type\":\"pong\"}";
    private static final int SERVER_ERROR = 1011;
    private static final Logger LOG = LoggerFactory.getLogger(DashboardSocket.class);

    private final AccessTokens tokens;
    private final SessionStore sessions;
    private final WsTickets tickets;
    private final LiveHub hub;
    private final DashboardService dashboards;
    private final Clock clock;

    public DashboardSocket(AccessTokens tokens, SessionStore sessions, WsTickets tickets, LiveHub hub,
                           DashboardService dashboards, Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.sessions = sessions;
        this.tickets = tickets;
        this.hub = hub;
        this.dashboards = dashboards;
    }

    /** {@code POST /ws/ticket}: a single-use ticket for the caller, valid 30 seconds. */
    public void ticket(Context ctx) {
        ctx.header("Cache-Control", "no-store").json(Map.of("ticket", tickets.issue(Requests.principal(ctx)),
                "expiresIn", WsTickets.TTL.toSeconds()));
    }

    /** Before the upgrade: authenticates from the offered subprotocols, and checks the socket limits. */
    public void beforeUpgrade(Context ctx) {
        List<String> offered = offered(ctx.header("Sec-WebSocket-Protocol"));
        if (offered.isEmpty() || !offered.get(0).equals(PROTOCOL)) {
            throw new MalformedRequestException("Offer the WebSocket subprotocol " + PROTOCOL
                    + " first, then bearer.<access token> or ticket.<ticket>.");
        }
        Principal principal;
        try {
            principal = authenticate(offered);
        } catch (RuntimeException e) {
            // UnauthenticatedException or InvalidTokenException: logged as a refusal, answered 401 by the ErrorMapper.
            AccessRefusalLog.unauthenticated(ctx, "live-socket-refused", null);
            throw e;
        }
        if (!hub.admits(principal.userId())) {
            throw new TooManyRequestsException("live-sockets", Duration.ofSeconds(30));
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    public void configure(WsConfig ws) {
        ws.onConnect(this::open);
        ws.onMessage(this::message);
        ws.onClose(ctx -> closed(ctx));
        ws.onError(ctx -> closed(ctx));
    }

    private Principal authenticate(List<String> offered) {
        for (String protocol : offered) {
            if (protocol.startsWith("bearer.")) {
                Principal principal = tokens.verify(protocol.substring("bearer.".length()));
                return notRevoked(principal);
            }
            if (protocol.startsWith("ticket.")) {
                return notRevoked(tickets.redeem(protocol.substring("ticket.".length()))
                        .orElseThrow(() -> new UnauthenticatedException("unknown, used or expired ticket")));
            }
        }
        throw new UnauthenticatedException("no bearer.<token> or ticket.<ticket> subprotocol offered");
    }

    private Principal notRevoked(Principal principal) {
        if (sessions.isRevoked(principal)) {
            throw new UnauthenticatedException("access token signed out");
        }
        return principal;
    }

    private void open(WsConnectContext ctx) throws Exception {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            ctx.closeSession(LiveSocket.POLICY_VIOLATION, "unauthenticated");
            return;
        }
        LiveSocket socket = new LiveSocket(principal.userId(), ctx.session, hub.settings().sendQueueLimit(),
                principal.expiresAt(), clock.instant());
        ctx.attribute(SOCKET, socket);
        if (!hub.register(socket)) {
            socket.close(LiveSocket.TRY_AGAIN_LATER, "too many sockets");
            return;
        }
        try {
            hub.flush(); // subscribed before the snapshot is read, so no change falls between the two
        } catch (Exception e) {
            // NATS is away: the snapshot still goes out; pushes resume when the connection comes back.
            LOG.debug("live subscription of {} not confirmed: {}", principal.userId(), e.toString());
        }
        try {
            LiveMessage snapshot = new LiveMessage("snapshot", principal.userId(), null,
                    Json.MAPPER.valueToTree(dashboards.get(principal.userId())));
            socket.start(Json.MAPPER.writeValueAsString(snapshot));
        } catch (Exception e) {
            LOG.warn("could not send the dashboard snapshot of {}: {}", principal.userId(), e.toString());
            socket.close(SERVER_ERROR, "dashboard unavailable: reconnect later");
        }
    }

    private void message(WsMessageContext ctx) {
        LiveSocket socket = ctx.attribute(SOCKET);
        if (socket == null) {
            return;
        }
        socket.heard(clock.instant());
        try {
            JsonNode node = Json.MAPPER.readTree(ctx.message());
            if (node != null && "ping".equals(node.path("type").asText())) {
                socket.offer(PONG);
            }
        } catch (JsonProcessingException e) {
            // Not JSON: the client speaks another protocol than the one it offered.
            socket.close(LiveSocket.POLICY_VIOLATION, "messages must be JSON");
        }
    }

    private void closed(WsContext ctx) {
        LiveSocket socket = ctx.attribute(SOCKET);
        if (socket != null) {
            hub.unregister(socket);
        }
    }

    static List<String> offered(String header) {
        if (header == null) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
