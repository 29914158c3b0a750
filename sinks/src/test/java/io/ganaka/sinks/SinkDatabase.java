package io.ganaka.sinks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ganaka.sql.Migrator;
import io.ganaka.testkit.TestEnvironment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The shared test database as the sink ITs use it: a migrated pool configured like the app's, the accounts the sinks
 * need before they project anything for a user, and writes in a transaction of their own as the sink runner does.
 */
final class SinkDatabase {

    /** Work on a connection whose transaction {@link #inTransaction} owns. */
    interface Work {
        void run(Connection c) throws SQLException;
    }

    private SinkDatabase() {}

    /** A pool of {@code size} connections on the migrated shared database, with the app's driver settings. */
    static HikariDataSource migratedPool(int size) {
        HikariConfig config = new HikariConfig();
        // As the app configures it: multi-row inserts from JDBC batches.
        config.setJdbcUrl(TestEnvironment.shared().jdbcUrl() + "&reWriteBatchedInserts=true");
        config.setMaximumPoolSize(size);
        HikariDataSource pool = new HikariDataSource(config);
        Migrator.migrate(pool);
        return pool;
    }

    /** An account (a users row) for {@code user}: the sinks project only users that have one. */
    static void createAccount(DataSource db, UUID user) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO users (id, email, email_normalized) VALUES (?, ?, ?)")) {
            s.setObject(1, user);
            s.setString(2, user + "@example.org");
            s.setString(3, user + "@example.org");
            s.executeUpdate();
        }
    }

    /** Runs the work in a transaction of its own and commits it, as the sink runner does with a batch. */
    static void inTransaction(DataSource db, Work work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            work.run(c);
            c.commit();
        }
    }
}
