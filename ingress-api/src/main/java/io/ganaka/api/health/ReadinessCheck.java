package io.ganaka.api.health;

/**
 * One more dependency {@code /ready} asks about, beside those the API itself uses (e.g. Kafka, when the process runs
 * roles that need it). Runs on the readiness executor under the same deadline as the others.
 */
@FunctionalInterface
public interface ReadinessCheck {

    /** True when the dependency answers; false or an exception when it does not. */
    boolean answers() throws Exception;
}
