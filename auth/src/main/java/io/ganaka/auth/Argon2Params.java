package io.ganaka.auth;

/**
 * Argon2id cost parameters. {@link #RECOMMENDED} is the OWASP minimum (19 MiB, 2 passes, 1 lane), which costs
 * tens of milliseconds per hash here.
 */
public record Argon2Params(int memoryKib, int iterations, int parallelism) {

    public static final Argon2Params RECOMMENDED = new Argon2Params(19_456, 2, 1);

    public Argon2Params {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2 parameters m=" + memoryKib + " t=" + iterations
                    + " p=" + parallelism);
        }
    }
}
