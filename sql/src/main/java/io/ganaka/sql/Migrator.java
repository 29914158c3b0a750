package io.ganaka.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway migrations under {@code db/migration}; the whole Postgres schema lives there. */
public final class Migrator {

    private static final Pattern JDBC_DATABASE = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?$");
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_]{1,63}");

    private Migrator() {}

    /** Migrates to the latest version and returns how many migrations were applied. */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /**
     * Creates the database named in a JDBC URL if it does not exist yet, connecting to the {@code postgres}
     * maintenance database of the same server. Used by {@code ganaka dev} and the tests, never in production.
     *
     * @return true if the database was created
     */
    public static boolean createDatabaseIfMissing(String jdbcUrl) throws SQLException {
        Matcher m = JDBC_DATABASE.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + jdbcUrl);
        }
        String name = m.group(2);
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + SAFE_NAME.pattern() + ": " + name);
        }
        String adminUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(adminUrl)) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
                return true;
            } catch (SQLException e) {
                // 42P04: another process created it between our check and our CREATE.
                if ("42P04".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        }
    }
}
