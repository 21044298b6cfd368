package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A study on a PostgreSQL server, shared by workers on any number of machines; several studies
 * share one database, their rows keyed by the study's name ({@link PostgresSchema}).
 *
 * <p>Claims. A waiting trial is taken with {@code SELECT ... FOR UPDATE SKIP LOCKED}: claims running
 * at once each lock a different waiting row and none waits for another
 * (https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE). A new trial is
 * different: its params are drawn from every trial so far, so two claims must never draw from the
 * same history, and no row lock on a trial can serialise that (the row does not exist yet). So a
 * claim that finds nothing waiting locks the study's own row ({@code FOR UPDATE}) and only then
 * counts, reads and inserts: the next claim of that study waits on the row until this one commits,
 * and, at READ COMMITTED, its statements after the wait see the trial this one made. A row lock
 * rather than an advisory lock, because it is keyed by the study's name as it is, released with the
 * transaction however that ends, and leaves other studies in the database unblocked. Queueing a
 * trial and re-queueing stale ones take the same lock: a number is the count of trials, and two
 * workers re-queueing the same rows in one statement each could deadlock.
 *
 * <p>Times are the server's clock, the one clock every machine's workers share: a worker's
 * heartbeat is never judged by another machine's clock.
 *
 * <p>Thread-safety: one connection per storage, each call holding its lock for its transaction
 * ({@link StudyTransactions}).
 */
public final class PostgresStudyStorage implements StudyStorage {

    /** Now, in microseconds since the epoch, on the server. */
    private static final String NOW_US = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)";

    private final PostgresUrl url;
    private final String study;
    private final Connection connection;
    private final StudyTransactions transactions;

    private PostgresStudyStorage(PostgresUrl url, Connection connection) {
        this.url = url;
        this.study = url.study();
        this.connection = connection;
        this.transactions = new StudyTransactions(connection, url.toString(),
                (doing, e) -> new StudyStorageException(url.toString(), doing, e));
    }

    /**
     * Opens study {@code study} on the database of {@code url}, creating the tables where the
     * database has none and the study where it is new.
     *
     * @throws dev.fulcrum.api.InvalidInputException when the server cannot be reached or refuses the
     *         login, or its tables are at a schema version this Fulcrum does not read
     */
    public static PostgresStudyStorage open(PostgresUrl url, String study, PostgresLogin login) {
        Connection connection = PostgresConnections.open(url, login);
        PostgresStudyStorage storage = new PostgresStudyStorage(url.withStudy(study), connection);
        try {
            storage.write("opening study \"" + study + "\"", () -> {
                PostgresSchema.createOrCheck(connection, url.withoutStudy(), study);
                return null;
            });
            return storage;
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /**
     * Opens the existing study that {@code url} names ({@code ?study=NAME}), for a worker joining it.
     *
     * @throws dev.fulcrum.api.InvalidInputException as {@link #open}, and when the database holds no such study
     */
    public static PostgresStudyStorage join(PostgresUrl url, PostgresLogin login) {
        if (url.study() == null) {
            throw new IllegalArgumentException(url + " names no study");
        }
        Connection connection = PostgresConnections.open(url, login);
        PostgresStudyStorage storage = new PostgresStudyStorage(url, connection);
        try {
            storage.read("opening study \"" + url.study() + "\"", () -> {
                PostgresSchema.requireStudy(connection, url, url.study());
                return null;
            });
            return storage;
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** The study's URL, for a worker to join with {@code fulcrum tune --worker URL}. */
    public PostgresUrl url() {
        return url;
    }

    @Override
    public boolean createIfAbsent(String definition) {
        StorageArguments.requireDefinition(definition);
        return write("creating the study", () -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE fulcrum.studies SET definition = ?, "
                    + "created_us = " + NOW_US + " WHERE name = ? AND definition IS NULL")) {
                update.setString(1, definition);
                update.setString(2, study);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public String definition() {
        String definition = read("reading the study's definition", () -> studyColumn("definition"));
        if (definition == null) {
            throw new IllegalStateException(url + ": the study has no definition yet (createIfAbsent makes it)");
        }
        return definition;
    }

    /** Stores what a worker joining the study needs (the launcher's {@link StudyLaunch}), replacing an earlier one. */
    public void publishLaunch(String launch) {
        write("storing the study's pipeline for joining workers", () -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE fulcrum.studies SET launch = ? WHERE name = ?")) {
                update.setString(1, launch);
                update.setString(2, study);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** What the launcher stored for joining workers, or empty when no {@code fulcrum tune} created the study. */
    public Optional<String> launch() {
        return Optional.ofNullable(read("reading the study's pipeline", () -> studyColumn("launch")));
    }

    private String studyColumn(String column) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + column + " FROM fulcrum.studies WHERE name = ?")) {
            select.setString(1, study);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Override
    public int enqueue(Map<String, Object> params) {
        String json = StudyJson.params(params);
        return write("queueing a trial", () -> {
            lockStudy();
            int number = trialCount();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO fulcrum.trials (study, number, state, params) VALUES (?, ?, 'waiting', ?)")) {
                insert.setString(1, study);
                insert.setInt(2, number);
                insert.setString(3, json);
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
            Optional<ClaimedTrial> queued = claimWaiting(worker);
            if (queued.isPresent()) {
                return queued;
            }
            lockStudy();
            // A trial queued, or re-queued as stale, while this claim waited for the study's row.
            queued = claimWaiting(worker);
            if (queued.isPresent()) {
                return queued;
            }
            int number = trialCount();
            if (number >= maxTrials) {
                return Optional.empty();
            }
            String params = StudyJson.params(suggest.apply(readTrials()));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fulcrum.trials (study, number, "
                    + "state, params, worker, started_us, heartbeat_us) VALUES (?, ?, 'running', ?, ?, " + NOW_US + ", "
                    + NOW_US + ")")) {
                insert.setString(1, study);
                insert.setInt(2, number);
                insert.setString(3, params);
                insert.setString(4, worker);
                insert.executeUpdate();
            }
            return Optional.of(new ClaimedTrial(number, StudyJson.readParams(params), false));
        });
    }

    /** The lowest-numbered waiting trial that no other claim holds, now running. */
    private Optional<ClaimedTrial> claimWaiting(String worker) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement("UPDATE fulcrum.trials SET state = 'running', "
                + "worker = ?, started_us = " + NOW_US + ", heartbeat_us = " + NOW_US + " WHERE study = ? AND number = ("
                + "SELECT number FROM fulcrum.trials WHERE study = ? AND state = 'waiting' ORDER BY number LIMIT 1 "
                + "FOR UPDATE SKIP LOCKED) RETURNING number, params")) {
            take.setString(1, worker);
            take.setString(2, study);
            take.setString(3, study);
            try (ResultSet row = take.executeQuery()) {
                return row.next()
                        ? Optional.of(new ClaimedTrial(row.getInt(1), StudyJson.readParams(row.getString(2)), true))
                        : Optional.empty();
            }
        }
    }

    /** Locks the study's row until this transaction ends: see the class comment for what it serialises. */
    private void lockStudy() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name FROM fulcrum.studies WHERE name = ? FOR UPDATE")) {
            select.setString(1, study);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException(url + ": the study was deleted from the database");
                }
            }
        }
    }

    @Override
    public void setRunFolder(int trial, String runFolder) {
        write("recording the run folder of trial " + trial, () -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE fulcrum.trials SET run_folder = ? WHERE study = ? AND number = ? AND state = 'running'")) {
                update.setString(1, runFolder);
                update.setString(2, study);
                update.setInt(3, trial);
                if (update.executeUpdate() == 0) {
                    refuseNotRunning(trial, "its run folder");
                }
            }
            return null;
        });
    }

    @Override
    public void report(int trial, int step, Map<String, Double> metrics) {
        StorageArguments.requireStep(trial, step);
        String json = StudyJson.metrics(metrics);
        write("storing step " + step + " of trial " + trial, () -> {
            // The trial's row stays locked to the end, so that no re-queue drops its reports under this one.
            try (PreparedStatement running = connection.prepareStatement("SELECT number FROM fulcrum.trials "
                    + "WHERE study = ? AND number = ? AND state = 'running' FOR UPDATE")) {
                running.setString(1, study);
                running.setInt(2, trial);
                try (ResultSet row = running.executeQuery()) {
                    if (!row.next()) {
                        refuseNotRunning(trial, "its report of step " + step);
                    }
                }
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO fulcrum.intermediate_reports "
                    + "(study, trial, step, metrics) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (study, trial, step) DO UPDATE SET metrics = EXCLUDED.metrics")) {
                upsert.setString(1, study);
                upsert.setInt(2, trial);
                upsert.setInt(3, step);
                upsert.setString(4, json);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** Does nothing for a trial no longer running, as {@link SqliteStudyStorage#heartbeat} says why. */
    @Override
    public void heartbeat(int trial) {
        write("recording the heartbeat of trial " + trial, () -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE fulcrum.trials SET heartbeat_us = "
                    + NOW_US + " WHERE study = ? AND number = ? AND state = 'running'")) {
                update.setString(1, study);
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
            try (PreparedStatement update = connection.prepareStatement("UPDATE fulcrum.trials SET state = ?, "
                    + "objective_values = ?, feasible = ?, error = ?, finished_us = " + NOW_US
                    + " WHERE study = ? AND number = ? AND state = 'running'")) {
                update.setString(1, state.word());
                update.setString(2, json);
                update.setBoolean(3, feasible);
                update.setString(4, error);
                update.setString(5, study);
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
        long silenceMicros = silence.toNanos() / 1000;
        return write("re-queueing trials silent for " + silence, () -> {
            // Every worker asks before each claim: most find nothing, and need not queue on the study's row.
            if (!anyStale(silenceMicros)) {
                return List.of();
            }
            lockStudy();
            List<Integer> stale = new ArrayList<>();
            try (PreparedStatement requeue = connection.prepareStatement("UPDATE fulcrum.trials SET state = 'waiting', "
                    + "run_folder = NULL, worker = NULL, started_us = NULL, heartbeat_us = NULL "
                    + "WHERE study = ? AND state = 'running' AND heartbeat_us < " + NOW_US + " - ? RETURNING number")) {
                requeue.setString(1, study);
                requeue.setLong(2, silenceMicros);
                try (ResultSet rows = requeue.executeQuery()) {
                    while (rows.next()) {
                        stale.add(rows.getInt(1));
                    }
                }
            }
            try (PreparedStatement dropReports = connection.prepareStatement(
                    "DELETE FROM fulcrum.intermediate_reports WHERE study = ? AND trial = ANY (?)")) {
                Array numbers = connection.createArrayOf("integer", stale.toArray());
                dropReports.setString(1, study);
                dropReports.setArray(2, numbers);
                dropReports.executeUpdate();
            }
            stale.sort(null);
            return List.copyOf(stale);
        });
    }

    private boolean anyStale(long silenceMicros) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM fulcrum.trials "
                + "WHERE study = ? AND state = 'running' AND heartbeat_us < " + NOW_US + " - ?)")) {
            select.setString(1, study);
            select.setLong(2, silenceMicros);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    @Override
    public List<TrialRecord> trials() {
        return read("reading the trials", this::readTrials);
    }

    private List<TrialRecord> readTrials() throws SQLException {
        try (PreparedStatement reports = connection.prepareStatement(
                "SELECT trial, step, metrics FROM fulcrum.intermediate_reports WHERE study = ?");
             PreparedStatement trials = connection.prepareStatement(
                     "SELECT " + TrialRows.TRIAL_COLUMNS + " FROM fulcrum.trials WHERE study = ? ORDER BY number")) {
            reports.setString(1, study);
            trials.setString(1, study);
            try (ResultSet reportRows = reports.executeQuery(); ResultSet trialRows = trials.executeQuery()) {
                return TrialRows.read(reportRows, trialRows);
            }
        }
    }

    private int trialCount() throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM fulcrum.trials WHERE study = ?")) {
            count.setString(1, study);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private TrialState stateOf(int trial) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state FROM fulcrum.trials WHERE study = ? AND number = ?")) {
            select.setString(1, study);
            select.setInt(2, trial);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException(url + ": the study has no trial " + trial);
                }
                return TrialRows.state(row.getString(1));
            }
        }
    }

    private void refuseNotRunning(int trial, String what) throws SQLException {
        throw new IllegalStateException(url + ": trial " + trial + " is " + stateOf(trial).word() + ", not running: "
                + what + " is refused");
    }

    @Override
    public void close() {
        transactions.close();
    }

    /** A transaction at READ COMMITTED, PostgreSQL's default: each statement sees what committed before it began. */
    private <T> T write(String doing, StudyTransactions.Work<T> work) {
        return transactions.transaction("BEGIN", doing, work);
    }

    /** One snapshot for every statement of the read, so that reports and trials agree. */
    private <T> T read(String doing, StudyTransactions.Work<T> work) {
        return transactions.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", doing, work);
    }
}
