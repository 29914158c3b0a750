package io.ganaka.api.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.auth.Digests;
import io.ganaka.auth.Principal;
import io.ganaka.schemas.Json;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Single-use tickets that open a dashboard socket without putting the access token in a header a browser cannot set:
 * 256 random bits, valid for {@link #TTL}, stored only as their SHA-256 digest with the principal that asked for them,
 * and taken (GETDEL) on first use.
 */
public final class WsTickets {

    public static final Duration TTL = Duration.ofSeconds(30);

    private final UnifiedJedis redis;
    private final String prefix;
    private final SecureRandom random = new SecureRandom();

    public WsTickets(UnifiedJedis redis, String redisPrefix) {
        this.redis = redis;
        this.prefix = redisPrefix + "ws-ticket:";
    }

    public String issue(Principal principal) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            redis.set(prefix + Digests.sha256Hex(ticket), Json.MAPPER.writeValueAsString(principal),
                    SetParams.setParams().px(TTL.toMillis()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a principal always serializes", e);
        }
        return ticket;
    }

    /** The principal the ticket was issued to, once; empty when unknown, used or expired. */
    public Optional<Principal> redeem(String ticket) {
        String json = redis.getDel(prefix + Digests.sha256Hex(ticket));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(json, Principal.class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // written by an incompatible release: as good as unknown
        }
    }
}
