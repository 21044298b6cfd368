package dev.fulcrum.core.tune;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A study in one SQLite file (xerial sqlite-jdbc), shared by every worker process that opens it.
 *
 * <p>Several processes starting at once must never see "database is locked" (optuna/optuna#820):
 * the file is in WAL mode, so readers never block the writer nor it them, every connection waits
 * up to 30 s for a lock ({@link BusyRetry}), and every write transaction starts with
 * {@code BEGIN IMMEDIATE}, taking the write lock first: a transaction that read under a shared
 * lock and then tried to write could fail at once, without waiting
 * (https://www.sqlite.org/lang_transaction.html). A waiting trial is claimed by a conditional
 * update checked by its count, so that no two workers run it (optuna/optuna#4002; Optuna's
 * {@code Study._pop_waiting_trial_id} likewise moves on when {@code set_trial_state_values}
 * returns false).
 *
 * <p>Thread-safety: one connection per storage, every call holding its lock for the whole
 * transaction. A JDBC connection is one SQLite handle, whose transaction is shared by every thread
 * using it, so threads must not interleave their statements; a connection per call would reopen
 * the file and its WAL index each time. Threads of one storage queue on the lock; other storages
 * and processes on SQLite's file locks.
 */
public final class SqliteStudyStorage implements StudyStorage {

    /** How long a call waits for another process's write to end before it fails. */
    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);
    /** SQLite's primary result code for a lock held elsewhere. */
    private static final int SQLITE_BUSY = 5;

    private final Path file;
    private final Connection connection;
    private final StudyTransactions transactions;

    private SqliteStudyStorage(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.transactions = new StudyTransactions(connection, file.toString(), this::failure);
    }

    /**
     * Opens study {@code studyName} in {@code databaseFile}, creating the file (and its folder)
     * when absent.
     *
     * @throws DataFileException when the file is not a study database, holds another study, or is
     *                           at a schema version this Fulcrum does not read
     */
    public static SqliteStudyStorage open(Path databaseFile, String studyName) {
        Path parent = databaseFile.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new DataFileException(databaseFile, "cannot create its folder: " + e, e);
        }
        Connection connection = connect(databaseFile);
        try {
            SqliteStudyStorage storage = new SqliteStudyStorage(databaseFile, connection);
            storage.useWriteAheadLog();
            storage.write("opening study \"" + studyName + "\"", () -> {
                StudySchema.createOrCheck(connection, databaseFile, studyName);
                return null;
            });
            return storage;
        } catch (RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    private static Connection connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        try {
            Connection connection = config.createConnection("jdbc:sqlite:" + file);
            BusyHandler.setHandler(connection, new BusyRetry(BUSY_TIMEOUT));
            return connection;
        } catch (SQLException e) {
            throw new StudyStorageException(file, "opening the study database", e);
        }
    }

    /**
     * The journal mode cannot change inside a transaction, so this runs before the first; the file
     * keeps it. Switching takes the file's exclusive lock, and where waiting for it could deadlock
     * SQLite answers SQLITE_BUSY without asking the busy handler (its {@code sqlite3_busy_handler}
     * documentation), which workers opening a new file together meet: so the switch is tried again
     * until the busy timeout has passed.
     */
    private void useWriteAheadLog() {
        long deadline = System.nanoTime() + BUSY_TIMEOUT.toNanos();
        String mode = transactions.locked("switching to WAL journal mode", () -> {
            while (true) {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                    row.next();
                    return row.getString(1);
                } catch (SQLException e) {
                    if (e.getErrorCode() != SQLITE_BUSY || System.nanoTime() > deadline) {
                        throw e;
                    }
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(500_000, 2_000_000));
                }
            }
        });
        if (!"wal".equalsIgnoreCase(mode)) {
            // SQLite keeps the old mode where WAL cannot work (a file system without shared memory).
            throw new StudyStorageException(file, "switching to WAL journal mode",
                    new SQLException("the journal mode stayed " + mode));
        }
    }

    @Override
    public boolean createIfAbsent(String definition) {
        StorageArguments.requireDefinition(definition);
        return write("creating the study", () -> {
            if (storedDefinition() != null) {
                return false;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE study SET definition = ?, created_us = ? WHERE id = 1")) {
                update.setString(1, definition);
                update.setLong(2, nowMicros());
                update.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public String definition() {
        String definition = read("reading the study's definition", this::storedDefinition);
        if (definition == null) {
            throw new IllegalStateException(file + ": the study has no definition yet (createIfAbsent makes it)");
        }
        return definition;
    }

    private String storedDefinition() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT definition FROM study WHERE id = 1")) {
            row.next();
            return row.getString(1);
        }
    }

    @Override
    public int enqueue(Map<String, Object> params) {
        String json = StudyJson.params(params);
        return write("queueing a trial", () -> {
            int number = trialCount();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO trials (number, state, params) VALUES (?, 'waiting', ?)")) {
                insert.setInt(1, number);
                insert.setString(2, json);
                insert.executeUpdate();
            }
            return number;
        });
    }

    @Override
    public Optional<ClaimedTrial> claim(String worker, int maxTrials,
                                        Function<List<TrialRecord>, Map<String, Object>> suggest) {
        StorageArguments.requireWorker(worker);
        return write("claiming a trial for worker " + worker, () -> {
            long now = nowMicros();
            Optional<ClaimedTrial> queued = claimWaiting(worker, now);
            if (queued.isPresent()) {
                return queued;
            }
            int number = trialCount();
            if (number >= maxTrials) {
                return Optional.empty();
            }
            // The sampler runs under the write lock: every other claim waits, so none draws from this history.
            String params = StudyJson.params(suggest.apply(readTrials()));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trials (number, state, params, "
                    + "worker, started_us, heartbeat_us) VALUES (?, 'running', ?, ?, ?, ?)")) {
                insert.setInt(1, number);
                insert.setString(2, params);
                insert.setString(3, worker);
                insert.setLong(4, now);
                insert.setLong(5, now);
                insert.executeUpdate();
            }
            return Optional.of(new ClaimedTrial(number, StudyJson.readParams(params), false));
        });
    }

    /** The lowest-numbered waiting trial, now running; each claimed by a conditional update (optuna#4002). */
    private Optional<ClaimedTrial> claimWaiting(String worker, long now) throws SQLException {
        try (PreparedStatement lowest = connection.prepareStatement(
                "SELECT number, params FROM trials WHERE state = 'waiting' ORDER BY number LIMIT 1");
             PreparedStatement take = connection.prepareStatement("UPDATE trials SET state = 'running', worker = ?, "
                     + "started_us = ?, heartbeat_us = ? WHERE number = ? AND state = 'waiting'")) {
            while (true) {
                int number;
                String params;
                try (ResultSet row = lowest.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    number = row.getInt(1);
                    params = row.getString(2);
                }
                take.setString(1, worker);
                take.setLong(2, now);
                take.setLong(3, now);
                take.setInt(4, number);
                if (take.executeUpdate() == 1) {
                    return Optional.of(new ClaimedTrial(number, StudyJson.readParams(params), true));
                }
            }
        }
    }

    @Override
    public void setRunFolder(int trial, String runFolder) {
        write("recording the run folder of trial " + trial, () -> {
            requireRunning(trial, "its run folder");
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE trials SET run_folder = ? WHERE number = ?")) {
                update.setString(1, runFolder);
                update.setInt(2, trial);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void report(int trial, int step, Map<String, Double> metrics) {
        StorageArguments.requireStep(trial, step);
        String json = StudyJson.metrics(metrics);
        write("storing step " + step + " of trial " + trial, () -> {
            requireRunning(trial, "its report of step " + step);
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO intermediate_reports "
                    + "(trial, step, metrics) VALUES (?, ?, ?) ON CONFLICT (trial, step) DO UPDATE SET metrics = excluded.metrics")) {
                upsert.setInt(1, trial);
                upsert.setInt(2, step);
                upsert.setString(3, json);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Does nothing for a trial that is no longer running: a worker still beating a trial that
     * another re-queued as stale learns it lost the trial from {@link #finish}, not from its
     * heartbeat thread.
     */
    @Override
    public void heartbeat(int trial) {
        write("recording the heartbeat of trial " + trial, () -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE trials SET heartbeat_us = ? WHERE number = ? AND state = 'running'")) {
                update.setLong(1, nowMicros());
                update.setInt(2, trial);
                if (update.executeUpdate() == 0) {
                    stateOf(trial);
                }
            }
            return null;
        });
    }

    @Override
    public boolean finish(int trial, TrialState state, Map<String, Double> values, boolean feasible, String error) {
        StorageArguments.requireEnd(trial, state, values, error);
        String json = StudyJson.metrics(values);
        return write("finishing trial " + trial + " as " + state.word(), () -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE trials SET state = ?, "
                    + "objective_values = ?, feasible = ?, error = ?, finished_us = ? WHERE number = ? AND state = 'running'")) {
                update.setString(1, state.word());
                update.setString(2, json);
                update.setBoolean(3, feasible);
                update.setString(4, error);
                update.setLong(5, nowMicros());
                update.setInt(6, trial);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            stateOf(trial);
            return false;
        });
    }

    @Override
    public List<Integer> requeueStale(Duration silence) {
        StorageArguments.requireSilence(silence);
        return write("re-queueing trials silent for " + silence, () -> {
            List<Integer> stale = new ArrayList<>();
            try (PreparedStatement silent = connection.prepareStatement(
                    "SELECT number FROM trials WHERE state = 'running' AND heartbeat_us < ? ORDER BY number")) {
                silent.setLong(1, nowMicros() - silence.toNanos() / 1000);
                try (ResultSet rows = silent.executeQuery()) {
                    while (rows.next()) {
                        stale.add(rows.getInt(1));
                    }
                }
            }
            try (PreparedStatement requeue = connection.prepareStatement("UPDATE trials SET state = 'waiting', "
                    + "run_folder = NULL, worker = NULL, started_us = NULL, heartbeat_us = NULL "
                    + "WHERE number = ? AND state = 'running'");
                 PreparedStatement dropReports = connection.prepareStatement(
                         "DELETE FROM intermediate_reports WHERE trial = ?")) {
                for (int number : stale) {
                    requeue.setInt(1, number);
                    requeue.executeUpdate();
                    dropReports.setInt(1, number);
                    dropReports.executeUpdate();
                }
            }
            return List.copyOf(stale);
        });
    }

    @Override
    public List<TrialRecord> trials() {
        return read("reading the trials", this::readTrials);
    }

    private List<TrialRecord> readTrials() throws SQLException {
        try (Statement reports = connection.createStatement();
             ResultSet reportRows = reports.executeQuery("SELECT trial, step, metrics FROM intermediate_reports");
             Statement trials = connection.createStatement();
             ResultSet trialRows = trials.executeQuery("SELECT " + TrialRows.TRIAL_COLUMNS + " FROM trials ORDER BY number")) {
            return TrialRows.read(reportRows, trialRows);
        }
    }

    private int trialCount() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM trials")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** The state of {@code trial}; an unknown number is the caller's mistake. */
    private TrialState stateOf(int trial) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state FROM trials WHERE number = ?")) {
            select.setInt(1, trial);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException(file + ": the study has no trial " + trial);
                }
                return TrialRows.state(row.getString(1));
            }
        }
    }

    private void requireRunning(int trial, String what) throws SQLException {
        TrialState state = stateOf(trial);
        if (state != TrialState.RUNNING) {
            throw new IllegalStateException(file + ": trial " + trial + " is " + state.word() + ", not running: "
                    + what + " is refused");
        }
    }

    /** Now, to the microsecond the file keeps, on the wall clock every process on the machine shares. */
    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    @Override
    public void close() {
        transactions.close();
    }

    /**
     * A write transaction, begun by hand on a connection left in auto-commit mode: with auto-commit
     * off, sqlite-jdbc's {@code commit()} begins the next transaction at once, which in IMMEDIATE
     * mode would hold the file's write lock between calls.
     */
    private <T> T write(String doing, StudyTransactions.Work<T> work) {
        return transactions.transaction("BEGIN IMMEDIATE", doing, work);
    }

    /** A read transaction: one snapshot of the file (WAL), even across several statements. */
    private <T> T read(String doing, StudyTransactions.Work<T> work) {
        return transactions.transaction("BEGIN DEFERRED", doing, work);
    }

    private RuntimeException failure(String doing, SQLException e) {
        if (e instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
            return new DataFileException(file, "not a study database: " + e.getMessage(), e);
        }
        return new StudyStorageException(file, doing, e);
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
