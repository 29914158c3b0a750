package io.ganaka.api.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Ends a user's sessions by deleting, under the key prefix, every key that names the user and every refresh token
 * whose stored record belongs to them (refresh keys are named by the token's hash, so only their value tells).
 */
public final class RedisSessionEnder implements SessionEnder {

    private static final int SCAN_COUNT = 500;

    private final UnifiedJedis redis;
    private final String keyPrefix;

    public RedisSessionEnder(UnifiedJedis redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public void endAllSessions(String userId) {
        List<String> doomed = new ArrayList<>();
        ScanParams params = new ScanParams().match(keyPrefix + "*").count(SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            for (String key : page.getResult()) {
                if (key.contains(userId) || (key.startsWith(keyPrefix + "refresh:") && heldBy(key, userId))) {
                    doomed.add(key);
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        if (!doomed.isEmpty()) {
            redis.del(doomed.toArray(String[]::new));
        }
    }

    private boolean heldBy(String refreshKey, String userId) {
        String value;
        try {
            value = redis.get(refreshKey);
        } catch (JedisDataException e) {
            // Not a string (a set or hash of some other layout): not a token record, so not a session key here.
            return false;
        }
        if (value == null) {
            return false; // expired or rotated between the scan and the read
        }
        try {
            JsonNode record = Json.MAPPER.readTree(value);
            return userId.equals(record.path("userId").asText(null));
        } catch (JsonProcessingException e) {
            // Not a record we wrote; it cannot be this user's session.
            return false;
        }
    }
}
