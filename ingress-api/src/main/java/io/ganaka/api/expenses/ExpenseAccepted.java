package io.ganaka.api.expenses;

/** The answer to an accepted write: the expense's id and the id of the event now durable in JetStream. */
public record ExpenseAccepted(String id, String status, String eventId) {

    public static ExpenseAccepted of(String id, String eventId) {
        return new ExpenseAccepted(id, "accepted", eventId);
    }
}
