package dev.fulcrum.core.tune;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

/**
 * The one connection of a study storage and the transactions on it. A connection's transaction is
 * shared by every thread using it, so each call holds a lock for its whole transaction; threads of
 * one storage queue on it, other storages on the database's own locks. Transactions are begun and
 * ended by hand on a connection left in auto-commit mode, so that none stays open between calls.
 */
final class StudyTransactions implements AutoCloseable {

    /** Work on the connection, inside a transaction begun for it. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private final Connection connection;
    private final String database;
    private final BiFunction<String, SQLException, RuntimeException> failure;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    /**
     * @param database what messages name: the database's file, or its URL
     * @param failure  what a call doing (first argument) that failed with the exception throws
     */
    StudyTransactions(Connection connection, String database, BiFunction<String, SQLException, RuntimeException> failure) {
        this.connection = connection;
        this.database = database;
        this.failure = failure;
    }

    /** {@code work} in a transaction opened with {@code begin} ({@code BEGIN IMMEDIATE}, ...), committed when it returns. */
    <T> T transaction(String begin, String doing, Work<T> work) {
        return locked(doing, () -> {
            execute(begin);
            try {
                T result = work.run();
                execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            }
        });
    }

    /** {@code work} alone on the connection, outside a transaction. */
    <T> T locked(String doing, Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException(database + ": " + doing + ": the storage is closed");
            }
            return work.run();
        } catch (SQLException e) {
            throw failure.apply(doing, e);
        } finally {
            lock.unlock();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes the connection once; later calls are refused. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw new StudyStorageException(database, "closing the study database", e);
        } finally {
            lock.unlock();
        }
    }
}
