package io.ganaka.streams.reportupdates;

/**
 * One user's month that has expenses: open until its summary is emitted, then closed ({@code closedAt}, wall-clock
 * milliseconds) until the month is old enough to be forgotten.
 */
record MonthStatus(String userId, int year, int month, Long closedAt) {

    static MonthStatus open(String userId, int year, int month) {
        return new MonthStatus(userId, year, month, null);
    }

    boolean closed() {
        return closedAt != null;
    }

    MonthStatus closedAt(long now) {
        return new MonthStatus(userId, year, month, now);
    }
}
