package dev.eventshop.platform.web;

import jakarta.persistence.PersistenceException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure is explained by the database being away (down, restarting, or no connection free in time),
 * as opposed to a bug: the client then gets a 503 to retry, not a 500. Some failures say so themselves (a
 * connection error); others only look like a database error (a statement on a connection the server just cut),
 * and for those the database is asked whether it answers.
 */
@Component
public class DatabaseAvailability {

    private static final int VALIDATION_TIMEOUT_SECONDS = 1;

    private final DataSource dataSource;

    DatabaseAvailability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean explains(Throwable failure) {
        return saysConnectionLost(failure) || involvesDatabase(failure) && !answers();
    }

    private static boolean saysConnectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean involvesDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof DataAccessException
                    || cause instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 is "connection exception"; 57P01-57P03 are an administrator shutting the server down. */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    private boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
