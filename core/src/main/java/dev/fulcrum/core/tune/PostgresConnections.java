package dev.fulcrum.core.tune;

import dev.fulcrum.api.InvalidInputException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens a connection to a study's PostgreSQL server, saying in one line why it cannot: a host that
 * does not resolve or answer, a refused connection, a refused login, a missing database are bad
 * input (exit 2), told before any trial runs.
 */
final class PostgresConnections {

    /** How long a worker waits for the server to accept it: a host that drops packets fails in seconds, not minutes. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** PostgreSQL's SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
    private static final String INVALID_PASSWORD = "28P01";
    private static final String INVALID_AUTHORIZATION = "28000";
    private static final String INVALID_CATALOG = "3D000";

    private PostgresConnections() {
    }

    static Connection open(PostgresUrl url, PostgresLogin login) {
        Properties properties = new Properties();
        properties.setProperty("user", login.user());
        if (login.password() != null) {
            properties.setProperty("password", login.password());
        }
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        properties.setProperty("loginTimeout", String.valueOf(2 * CONNECT_TIMEOUT.toSeconds()));
        properties.setProperty("ApplicationName", "fulcrum");
        properties.setProperty("tcpKeepAlive", "true");
        try {
            return DriverManager.getConnection(url.jdbc(), properties);
        } catch (SQLException e) {
            throw refused(url.withoutStudy(), login, e);
        }
    }

    private static RuntimeException refused(PostgresUrl url, PostgresLogin login, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String at = "the study database " + url;
        if (state.equals(INVALID_PASSWORD) || state.equals(INVALID_AUTHORIZATION)) {
            return new InvalidInputException(at + " refused " + login + ": " + firstLine(e.getMessage())
                    + " (credentials come from PGUSER and PGPASSWORD, or PGPASSFILE / ~/.pgpass)", e);
        }
        if (state.equals(INVALID_CATALOG)) {
            return new InvalidInputException(at + ": the server has no database \"" + url.database()
                    + "\"; create it first (createdb " + url.database() + ")", e);
        }
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new InvalidInputException("cannot reach " + at + ": unknown host " + url.host(), e);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new InvalidInputException("cannot reach " + at + ": connection refused (is PostgreSQL running "
                    + "there, listening on port " + url.port() + "?)", e);
        }
        if (cause instanceof SocketTimeoutException) {
            return new InvalidInputException("cannot reach " + at + ": no answer in " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        }
        return new StudyStorageException(url.toString(), "connecting as " + login, e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
