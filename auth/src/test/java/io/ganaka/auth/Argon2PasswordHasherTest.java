package io.ganaka.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(2, Duration.ofSeconds(5));

    @Test
    void hashesWithArgon2idAndTheRecommendedParameters() {
        String phc = hasher.hash("correct horse battery".toCharArray());

        assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void verifiesTheRightPassword() {
        String phc = hasher.hash("correct horse battery".toCharArray());

        assertThat(hasher.verify(phc, "correct horse battery".toCharArray())).isTrue();
    }

    @Test
    void rejectsAWrongPassword() {
        String phc = hasher.hash("correct horse battery".toCharArray());

        assertThat(hasher.verify(phc, "correct horse battera".toCharArray())).isFalse();
    }

    @Test
    void rejectsAHashItCannotRead() {
        assertThat(hasher.verify("not-a-hash", "whatever password".toCharArray())).isFalse();
        assertThat(hasher.verify("$argon2id$garbage", "whatever password".toCharArray())).isFalse();
    }

    @Test
    void wipesThePasswordArrayAfterHashingAndVerifying() {
        char[] password = "correct horse battery".toCharArray();
        String phc = hasher.hash(password);
        assertThat(password).containsOnly('\0');

        char[] again = "correct horse battery".toCharArray();
        hasher.verify(phc, again);
        assertThat(again).containsOnly('\0');
    }

    @Test
    void asksForARehashOnlyWhenTheHashIsWeakerThanTheCurrentParameters() {
        Argon2PasswordHasher weak = new Argon2PasswordHasher(new Argon2Params(8_192, 1, 1), new Semaphore(1),
                Duration.ofSeconds(5));
        String weakHash = weak.hash("correct horse battery".toCharArray());
        String currentHash = hasher.hash("correct horse battery".toCharArray());

        assertThat(hasher.needsRehash(weakHash)).isTrue();
        assertThat(hasher.needsRehash(currentHash)).isFalse();
        assertThat(hasher.needsRehash("$2a$10$bcryptlooking")).isTrue();
    }

    @Test
    void refusesToQueueWhenEverySlotIsTaken() {
        Semaphore slots = new Semaphore(1);
        Argon2PasswordHasher busy = new Argon2PasswordHasher(Argon2Params.RECOMMENDED, slots, Duration.ofMillis(50));
        slots.acquireUninterruptibly();
        char[] password = "correct horse battery".toCharArray();

        assertThatThrownBy(() -> busy.hash(password)).isInstanceOf(HasherBusyException.class);
        assertThat(password).containsOnly('\0');
    }

    @Test
    void refusesAtOnceWhenTooManyCallersAreWaiting() {
        Semaphore slots = new Semaphore(1);
        Argon2PasswordHasher busy = new Argon2PasswordHasher(Argon2Params.RECOMMENDED, slots, Duration.ofHours(1), 0);
        slots.acquireUninterruptibly();

        // With no queue allowed the call fails at once instead of waiting the hour for a slot.
        assertThatThrownBy(() -> busy.verify("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA",
                "whatever password".toCharArray())).isInstanceOf(HasherBusyException.class);
    }
}
