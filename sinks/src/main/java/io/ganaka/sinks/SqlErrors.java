package io.ganaka.sinks;

import java.sql.SQLException;

/**
 * Sorts SQL failures into the two kinds a sink treats differently: data errors, caused by one bad row and never fixed
 * by retrying, and everything else (lost connections, deadlocks, a database restarting), which is retried.
 */
final class SqlErrors {

    private SqlErrors() {}

    /** SQLSTATE class 22 (data exception) or 23 (integrity constraint violation). */
    static boolean isDataError(SQLException e) {
        String state = sqlState(e);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** The first SQLSTATE found on the exception, its chained next exceptions or its causes. */
    static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null) {
                        return next.getSQLState();
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** One line saying why: the SQLSTATE and the first line of the innermost message (not the whole batch SQL). */
    static String describe(SQLException e) {
        SQLException innermost = e;
        while (innermost.getNextException() != null && innermost.getNextException() != innermost) {
            innermost = innermost.getNextException();
        }
        String message = String.valueOf(innermost.getMessage()).lines().findFirst().orElse("").trim();
        return "(" + sqlState(e) + ") " + message;
    }
}
