package io.ganaka.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void aJdbcServerUrlKeepsItsHostAndParametersForTheRunDatabase() {
        PostgresServer server = PostgresServer.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&ssl=false");

        assertThat(server.jdbcUrl("ganaka_t0123456789"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/ganaka_t0123456789?user=postgres&ssl=false");
        assertThat(server.maintenanceUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&ssl=false");
    }

    @Test
    void aUrlWithoutDatabaseUsesThePostgresDatabaseForMaintenance() {
        PostgresServer server = PostgresServer.parse("jdbc:postgresql://db:5433?user=ci");

        assertThat(server.maintenanceUrl()).isEqualTo("jdbc:postgresql://db:5433/postgres?user=ci");
        assertThat(server.jdbcUrl("ganaka_x")).isEqualTo("jdbc:postgresql://db:5433/ganaka_x?user=ci");
    }

    @Test
    void aLibpqUrlBecomesJdbcWithItsCredentialsAsParameters() {
        PostgresServer server = PostgresServer.parse("postgres://app:s%40cret@db.example:5432/main?sslmode=require");

        assertThat(server.jdbcUrl("ganaka_x"))
                .isEqualTo("jdbc:postgresql://db.example:5432/ganaka_x?user=app&password=s%40cret&sslmode=require");
    }

    @Test
    void somethingElseIsRejectedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> PostgresServer.parse("mysql://root:hunter2@db/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PostgreSQL URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void onlyPlainIdentifiersAreEverUsedAsDatabaseNames() {
        PostgresServer server = PostgresServer.parse("jdbc:postgresql://127.0.0.1:1/postgres");

        assertThatThrownBy(() -> server.createDatabase("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsafe database name");
    }
}
