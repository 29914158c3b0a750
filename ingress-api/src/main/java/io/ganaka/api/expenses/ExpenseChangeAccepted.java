package io.ganaka.api.expenses;

/**
 * The answer to an accepted update or delete: the expense, the version the change gives it (also the new ETag) and
 * the id of the event now durable in JetStream.
 */
public record ExpenseChangeAccepted(String id, long version, String status, String eventId) {

    public static ExpenseChangeAccepted of(String id, long version, String eventId) {
        return new ExpenseChangeAccepted(id, version, "accepted", eventId);
    }
}
