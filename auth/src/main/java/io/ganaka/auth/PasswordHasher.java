package io.ganaka.auth;

/**
 * Turns passwords into self-describing PHC strings and checks them. Implementations wipe the given
 * {@code char[]} once they are done with it, so callers hand over a copy they no longer need.
 */
public interface PasswordHasher {

    /**
     * @return a PHC string such as {@code $argon2id$v=19$m=19456,t=2,p=1$...}
     * @throws HasherBusyException when too many hashes are already running
     */
    String hash(char[] password);

    /**
     * @return true when the password matches; false for a wrong password or a hash this hasher cannot read
     * @throws HasherBusyException when too many hashes are already running
     */
    boolean verify(String phc, char[] password);

    /** True when the hash was made with weaker parameters than the current ones and should be replaced. */
    boolean needsRehash(String phc);
}
