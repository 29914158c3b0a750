package io.ganaka.api.imports;

/** Ends an import as failed; the message is the reason the user reads in {@code failureReason}. */
final class ImportFailedException extends Exception {

    ImportFailedException(String reason) {
        super(reason);
    }

    ImportFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
