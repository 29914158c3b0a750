package io.ganaka.sinks.notify;

/** Told how each notification ended, for metrics; called on a dispatcher worker, so it must be quick. */
@FunctionalInterface
public interface NotificationOutcomes {

    NotificationOutcomes NONE = (channel, outcome) -> { };

    /** The final outcomes: a retry is none, the attempt that ends the notification is. */
    enum Outcome { SENT, FAILED, SKIPPED }

    void finished(String channel, Outcome outcome);
}
