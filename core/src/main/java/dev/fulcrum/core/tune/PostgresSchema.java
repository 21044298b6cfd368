package dev.fulcrum.core.tune;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.FulcrumVersion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of studies on a PostgreSQL database, in a schema {@code fulcrum} of their own so that
 * they share a database with anything else, and the version they are at (as {@link StudySchema}
 * for SQLite, and Optuna's one-row {@code version_info}). Several studies share the tables, every
 * row keyed by the study's name. What each version holds:
 * <ol>
 *   <li>{@code schema_version} (one row), {@code studies} (name, definition, launch: what a joining
 *       worker needs, created), {@code trials} and {@code intermediate_reports} as SQLite's version
 *       1 with the study's name in their keys. Times are microseconds since the epoch on the
 *       server's clock.</li>
 * </ol>
 */
final class PostgresSchema {

    static final int VERSION = 1;

    /**
     * Held while the tables are created or checked, by every worker on every machine: two creating
     * them at once would otherwise both find them absent and one fail on the other's tables. An
     * advisory lock, as nothing else exists yet to lock; the number is arbitrary but fixed
     * (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS).
     */
    private static final long CREATION_LOCK = 0x46756c6372756dL;

    private static final List<String> TABLES = List.of(
            "CREATE SCHEMA IF NOT EXISTS fulcrum",
            """
            CREATE TABLE fulcrum.schema_version (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                schema_version INTEGER NOT NULL,
                fulcrum_version TEXT NOT NULL
            )""",
            """
            CREATE TABLE fulcrum.studies (
                name TEXT PRIMARY KEY,
                definition TEXT,
                launch TEXT,
                created_us BIGINT
            )""",
            """
            CREATE TABLE fulcrum.trials (
                study TEXT NOT NULL REFERENCES fulcrum.studies (name) ON DELETE CASCADE,
                number INTEGER NOT NULL CHECK (number >= 0),
                state TEXT NOT NULL CHECK (state IN ('waiting', 'running', 'pruned', 'complete', 'failed')),
                params TEXT NOT NULL,
                objective_values TEXT NOT NULL DEFAULT '{}',
                feasible BOOLEAN NOT NULL DEFAULT TRUE,
                run_folder TEXT,
                error TEXT,
                worker TEXT,
                started_us BIGINT,
                finished_us BIGINT,
                heartbeat_us BIGINT,
                PRIMARY KEY (study, number)
            )""",
            "CREATE INDEX trials_waiting ON fulcrum.trials (study, number) WHERE state = 'waiting'",
            """
            CREATE TABLE fulcrum.intermediate_reports (
                study TEXT NOT NULL,
                trial INTEGER NOT NULL,
                step INTEGER NOT NULL CHECK (step >= 1),
                metrics TEXT NOT NULL,
                PRIMARY KEY (study, trial, step),
                FOREIGN KEY (study, trial) REFERENCES fulcrum.trials (study, number) ON DELETE CASCADE
            )""");

    private PostgresSchema() {
    }

    /**
     * Creates the tables where the database has none, or checks their version, then adds study
     * {@code study} unless it is there; inside the caller's transaction.
     */
    static void createOrCheck(Connection connection, PostgresUrl url, String study) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CREATION_LOCK);
            lock.execute();
        }
        if (exists(connection)) {
            check(connection, url);
        } else {
            create(connection);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fulcrum.studies (name) VALUES (?) ON CONFLICT (name) DO NOTHING")) {
            insert.setString(1, study);
            insert.executeUpdate();
        }
    }

    /**
     * Checks that the database holds study {@code study} at a version this Fulcrum reads, changing
     * nothing: a worker joining a study never makes one (a mistyped name would start an empty study).
     */
    static void requireStudy(Connection connection, PostgresUrl url, String study) throws SQLException {
        if (!exists(connection)) {
            throw new InvalidInputException(url + ": this database holds no Fulcrum study (it has no table "
                    + "fulcrum.schema_version); fulcrum tune with tune.storage: " + url.withoutStudy() + " makes one");
        }
        check(connection, url.withoutStudy());
        List<String> studies = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT name FROM fulcrum.studies WHERE definition IS NOT NULL ORDER BY name")) {
            while (rows.next()) {
                studies.add(rows.getString(1));
            }
        }
        if (!studies.contains(study)) {
            throw new InvalidInputException(url + ": no study \"" + study + "\" in this database; it holds "
                    + (studies.isEmpty() ? "none" : String.join(", ", studies)));
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regclass('fulcrum.schema_version') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static void check(Connection connection, PostgresUrl url) throws SQLException {
        int found;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT schema_version FROM fulcrum.schema_version WHERE id = 1")) {
            if (!row.next()) {
                throw new InvalidInputException(url + ": the table fulcrum.schema_version is empty; this is no "
                        + "Fulcrum study database");
            }
            found = row.getInt(1);
        }
        if (found > VERSION) {
            throw new InvalidInputException(url + ": schema version " + found + " of this study database is newer than "
                    + "this Fulcrum (" + FulcrumVersion.fulcrum() + ") supports (" + VERSION + "); join it with the "
                    + "Fulcrum that made it, or a newer one");
        }
        if (found < 1) {
            throw new InvalidInputException(url + ": unknown schema version " + found + " of a study database; this "
                    + "Fulcrum supports " + VERSION);
        }
    }

    private static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute(table);
            }
        }
        try (PreparedStatement version = connection.prepareStatement(
                "INSERT INTO fulcrum.schema_version (id, schema_version, fulcrum_version) VALUES (1, ?, ?)")) {
            version.setInt(1, VERSION);
            version.setString(2, FulcrumVersion.fulcrum());
            version.executeUpdate();
        }
    }
}
