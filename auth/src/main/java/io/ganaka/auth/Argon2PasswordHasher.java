package io.ganaka.auth;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id password hashing (argon2-jvm, native libargon2). Each hash holds ~19 MiB and a core for tens of
 * milliseconds, so a semaphore caps how many run at once; a caller that cannot get a slot within {@code maxWait}
 * gets a {@link HasherBusyException}; so does one that finds {@code maxQueued} callers already waiting, which keeps
 * request threads free under a burst instead of parking them all on the semaphore.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    /** Waiting callers allowed per slot: a few hashes' worth of queue smooths bursts without hoarding threads. */
    public static final int QUEUED_PER_SLOT = 8;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Types.ARGON2id);
    private final Argon2Params params;
    private final Semaphore slots;
    private final Duration maxWait;
    private final int maxQueued;

    public Argon2PasswordHasher(Argon2Params params, Semaphore slots, Duration maxWait, int maxQueued) {
        this.params = Objects.requireNonNull(params, "params");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must not be negative: " + maxQueued);
        }
        this.maxQueued = maxQueued;
    }

    public Argon2PasswordHasher(Argon2Params params, Semaphore slots, Duration maxWait) {
        this(params, slots, maxWait, QUEUED_PER_SLOT * Math.max(1, slots.availablePermits()));
    }

    /**
     * Recommended parameters, at most {@code maxConcurrent} hashes at once, at most {@value #QUEUED_PER_SLOT} waiting
     * callers per slot, each waiting up to {@code maxWait} for a slot.
     */
    public Argon2PasswordHasher(int maxConcurrent, Duration maxWait) {
        this(Argon2Params.RECOMMENDED, new Semaphore(maxConcurrent), maxWait);
    }

    @Override
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        try {
            acquire();
            try {
                return argon2.hash(params.iterations(), params.memoryKib(), params.parallelism(), password,
                        StandardCharsets.UTF_8);
            } finally {
                slots.release();
            }
        } finally {
            argon2.wipeArray(password);
        }
    }

    @Override
    public boolean verify(String phc, char[] password) {
        Objects.requireNonNull(password, "password");
        try {
            if (phc == null || !phc.startsWith("$argon2")) {
                return false;
            }
            acquire();
            try {
                return argon2.verify(phc, password, StandardCharsets.UTF_8);
            } catch (IllegalStateException e) {
                // libargon2 reports an undecodable hash (corrupt row) as an error; to the caller it simply does not match.
                return false;
            } finally {
                slots.release();
            }
        } finally {
            argon2.wipeArray(password);
        }
    }

    @Override
    public boolean needsRehash(String phc) {
        if (phc == null || !phc.startsWith("$argon2id$")) {
            return true;
        }
        try {
            return argon2.needsRehash(phc, params.iterations(), params.memoryKib(), params.parallelism());
        } catch (IllegalArgumentException e) {
            // Parameters section unreadable: replace the hash at the next successful login.
            return true;
        }
    }

    private void acquire() {
        if (slots.tryAcquire()) {
            return;
        }
        if (slots.getQueueLength() >= maxQueued) {
            throw new HasherBusyException("too many callers waiting for a password-hashing slot");
        }
        acquireWaiting();
    }

    private void acquireWaiting() {
        try {
            if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new HasherBusyException("all password-hashing slots busy for " + maxWait.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HasherBusyException("interrupted while waiting for a password-hashing slot");
        }
    }
}
