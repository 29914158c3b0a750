package io.ganaka.sinks;

/** Thrown by a sink for a record it can never write; the runner sends it to the dead-letter topic and moves on. */
public class PoisonRecordException extends Exception {

    public PoisonRecordException(String reason) {
        super(reason);
    }

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
