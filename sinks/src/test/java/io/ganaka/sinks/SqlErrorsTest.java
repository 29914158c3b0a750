package io.ganaka.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void constraintAndDataViolationsAreDataErrors() {
        assertThat(SqlErrors.isDataError(new SQLException("check", "23514"))).isTrue();
        assertThat(SqlErrors.isDataError(new SQLException("overflow", "22003"))).isTrue();
    }

    @Test
    void lostConnectionsAndDeadlocksAreNotDataErrors() {
        assertThat(SqlErrors.isDataError(new SQLException("gone", "08006"))).isFalse();
        assertThat(SqlErrors.isDataError(new SQLException("deadlock", "40P01"))).isFalse();
        assertThat(SqlErrors.isDataError(new SQLTransientConnectionException("pool timeout"))).isFalse();
    }

    @Test
    void findsTheStateOfABatchFailureInItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", (String) null, new int[0]);
        batch.setNextException(new SQLException("check", "23514"));

        assertThat(SqlErrors.sqlState(batch)).isEqualTo("23514");
        assertThat(SqlErrors.isDataError(batch)).isTrue();
    }

    @Test
    void describesABatchFailureByItsInnermostFirstLine() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO ... was aborted", "23514",
                new int[0]);
        batch.setNextException(new SQLException("ERROR: violates check constraint\n  Detail: Failing row", "23514"));

        assertThat(SqlErrors.describe(batch)).isEqualTo("(23514) ERROR: violates check constraint");
    }
}
