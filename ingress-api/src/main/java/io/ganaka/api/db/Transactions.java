package io.ganaka.api.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one database transaction: committed when the work returns, rolled back when it throws (for instance
 * because its event could not be made durable), so a change never commits without its event.
 */
public final class Transactions {

    /** Work on a connection whose transaction the caller owns. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {}

    public static <T> T run(DataSource db, Work<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
