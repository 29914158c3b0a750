package io.ganaka.api.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** An in-memory {@link IdempotencyStore} with the Redis store's semantics, minus expiry. */
final class FakeIdempotencyStore implements IdempotencyStore {

    private record Entry(String fingerprint, String claim, StoredAnswer answer) {}

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized Claim claim(String key, String fingerprint, Duration lease) {
        Entry current = entries.get(key);
        if (current == null) {
            String token = UUID.randomUUID().toString();
            entries.put(key, new Entry(fingerprint, token, null));
            return new Claimed(token);
        }
        return current.answer() == null ? new InProgress(current.fingerprint()) : new Completed(current.answer());
    }

    @Override
    public synchronized boolean complete(String key, Claimed claim, StoredAnswer answer, Duration ttl) {
        Entry current = entries.get(key);
        if (current == null || !claim.token().equals(current.claim())) {
            return false;
        }
        entries.put(key, new Entry(answer.fingerprint(), null, answer));
        return true;
    }

    @Override
    public synchronized void release(String key, Claimed claim) {
        Entry current = entries.get(key);
        if (current != null && claim.token().equals(current.claim())) {
            entries.remove(key);
        }
    }

    /** The keys held, for checking that keys are stored scoped and hashed. */
    synchronized java.util.Set<String> keys() {
        return java.util.Set.copyOf(entries.keySet());
    }
}
