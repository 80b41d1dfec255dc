package dev.restauth.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationConnectionsTest {

    static final int POOL_SOCKET_TIMEOUT_MS = 5_000;

    DataSource pool = mock(DataSource.class);
    Connection pooled = mock(Connection.class);
    Statement statement = mock(Statement.class);
    MigrationConnections cut = new MigrationConnections(pool, Duration.ofMinutes(10));

    @BeforeEach
    void pooledConnection() throws SQLException {
        when(pool.getConnection()).thenReturn(pooled);
        when(pooled.getNetworkTimeout()).thenReturn(POOL_SOCKET_TIMEOUT_MS);
        when(pooled.createStatement()).thenReturn(statement);
    }

    @Test
    void aMigrationsConnectionWaitsLongerThanARequestsAndTheStatementTimeoutComesFirst() throws SQLException {
        cut.getConnection();

        verify(statement).execute("SET statement_timeout = 600000");
        verify(pooled).setNetworkTimeout(any(Executor.class), eq(610_000));
    }

    @Test
    void closingRestoresTheRequestBoundsBeforeTheConnectionGoesBack() throws SQLException {
        Connection connection = cut.getConnection();
        connection.close();

        var order = inOrder(pooled, statement);
        order.verify(pooled).setAutoCommit(true);
        order.verify(statement).execute("RESET statement_timeout");
        order.verify(pooled).setNetworkTimeout(any(Executor.class), eq(5_000));
        order.verify(pooled).close();
        verify(pooled, never()).abort(any());
    }

    @Test
    void aConnectionThatCannotBeRestoredIsDestroyedNotPooled() throws SQLException {
        Connection connection = cut.getConnection();
        when(statement.execute("RESET statement_timeout")).thenThrow(new SQLException("gone", "08006"));

        assertThrows(SQLException.class, connection::close);

        verify(pooled).abort(any(Executor.class));
        verify(pooled).close();
    }

    @Test
    void otherCallsPassThrough() throws SQLException {
        when(pooled.getSchema()).thenReturn("public");
        assertEquals("public", cut.getConnection().getSchema());
    }

    @Test
    void aFailedSetUpReturnsTheConnection() throws SQLException {
        doThrow(new SQLException("timeout", "08006")).when(pooled).setNetworkTimeout(any(), anyInt());

        assertThrows(SQLException.class, cut::getConnection);

        verify(pooled).close();
    }
}
