package io.ganaka.testkit;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server given by any URL that names it (JDBC {@code jdbc:postgresql://…} or libpq
 * {@code postgres://user:pass@…}), able to create and drop the per-run databases on it.
 */
record PostgresServer(String hosts, String maintenanceDatabase, String query) {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String JDBC_SCHEME = "jdbc:postgresql://";

    /** Parses a server URL; its database, if any, is the one used to create and drop others. */
    static PostgresServer parse(String url) {
        if (url.startsWith(JDBC_SCHEME)) {
            return split(url.substring(JDBC_SCHEME.length()), new ArrayList<>());
        }
        for (String scheme : List.of("postgresql://", "postgres://")) {
            if (url.startsWith(scheme)) {
                return fromLibpq(url.substring(scheme.length()));
            }
        }
        throw new IllegalArgumentException("not a PostgreSQL URL (expected jdbc:postgresql://host:port/db?user=…): "
                + redact(url));
    }

    /** JDBC URL of {@code database} on this server, with the same parameters (user, password, …). */
    String jdbcUrl(String database) {
        return JDBC_SCHEME + hosts + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    String maintenanceUrl() {
        return jdbcUrl(maintenanceDatabase);
    }

    void createDatabase(String name) {
        String checked = checkedName(name);
        try (Connection connection = DriverManager.getConnection(maintenanceUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + checked);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + checked + " on " + hosts + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database, first ending every session still connected to it (pools of the code under test). */
    void dropDatabase(String name) {
        String checked = checkedName(name);
        try (Connection connection = DriverManager.getConnection(maintenanceUrl())) {
            boolean force = connection.getMetaData().getDatabaseMajorVersion() >= 13;
            if (!force) {
                try (PreparedStatement terminate = connection.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                    terminate.setString(1, checked);
                    terminate.execute();
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + checked + (force ? " WITH (FORCE)" : ""));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + checked + " on " + hosts + ": " + e.getMessage(), e);
        }
    }

    boolean databaseExists(String name) {
        try (Connection connection = DriverManager.getConnection(maintenanceUrl());
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query databases on " + hosts + ": " + e.getMessage(), e);
        }
    }

    private static PostgresServer split(String rest, List<String> extraParams) {
        String hostsAndPath = rest;
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            hostsAndPath = rest.substring(0, q);
            query = rest.substring(q + 1);
        }
        String hosts = hostsAndPath;
        String database = "";
        int slash = hostsAndPath.indexOf('/');
        if (slash >= 0) {
            hosts = hostsAndPath.substring(0, slash);
            database = hostsAndPath.substring(slash + 1);
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("PostgreSQL URL names no host: " + redact(rest));
        }
        List<String> params = new ArrayList<>(extraParams);
        if (!query.isEmpty()) {
            params.add(query);
        }
        return new PostgresServer(hosts, database.isEmpty() ? "postgres" : database, String.join("&", params));
    }

    private static PostgresServer fromLibpq(String rest) {
        List<String> params = new ArrayList<>();
        int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            params.add("user=" + reencode(user));
            if (colon >= 0) {
                params.add("password=" + reencode(userInfo.substring(colon + 1)));
            }
        }
        return split(rest, params);
    }

    private static String reencode(String percentEncoded) {
        return URLEncoder.encode(URLDecoder.decode(percentEncoded, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String checkedName(String name) {
        // Database names cannot be bound as parameters, so only plain identifiers are ever spliced into SQL.
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unsafe database name: " + name);
        }
        return name;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
}
