package dev.fulcrum.core.tune;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.core.FulcrumVersion;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a study database and the version they are at. As Optuna's
 * {@code optuna/storages/_rdb/models.py} keeps a one-row {@code version_info} table that
 * {@code storage.py} checks on open, a file records its schema version and is refused when this
 * Fulcrum cannot read it. What each version holds:
 * <ol>
 *   <li>the study (name, definition, created), trials (number, state, params, objective values,
 *       feasible, run folder, error, worker, started, finished, heartbeat) and intermediate reports
 *       (trial, step, metrics map). Times are microseconds since the epoch; params and metrics JSON
 *       as {@link StudyJson} writes it.</li>
 * </ol>
 */
final class StudySchema {

    static final int VERSION = 1;

    private static final List<String> TABLES = List.of(
            """
            CREATE TABLE version_info (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                schema_version INTEGER NOT NULL,
                fulcrum_version TEXT NOT NULL
            )""",
            """
            CREATE TABLE study (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                name TEXT NOT NULL,
                definition TEXT,
                created_us INTEGER
            )""",
            """
            CREATE TABLE trials (
                number INTEGER PRIMARY KEY CHECK (number >= 0),
                state TEXT NOT NULL CHECK (state IN ('waiting', 'running', 'pruned', 'complete', 'failed')),
                params TEXT NOT NULL,
                objective_values TEXT NOT NULL DEFAULT '{}',
                feasible INTEGER NOT NULL DEFAULT 1,
                run_folder TEXT,
                error TEXT,
                worker TEXT,
                started_us INTEGER,
                finished_us INTEGER,
                heartbeat_us INTEGER
            )""",
            "CREATE INDEX trials_by_state ON trials (state, number)",
            """
            CREATE TABLE intermediate_reports (
                trial INTEGER NOT NULL REFERENCES trials (number),
                step INTEGER NOT NULL CHECK (step >= 1),
                metrics TEXT NOT NULL,
                PRIMARY KEY (trial, step)
            )""");

    private StudySchema() {
    }

    /**
     * Creates the tables of study {@code studyName} in an empty database, or checks that the
     * database holds that study at a version this Fulcrum reads. Runs inside the caller's write
     * transaction, so two processes opening a new file at once create it once.
     */
    static void createOrCheck(Connection connection, Path file, String studyName) throws SQLException {
        List<String> tables = tables(connection);
        if (tables.isEmpty()) {
            create(connection, studyName);
            return;
        }
        if (!tables.contains("version_info") || !tables.contains("study")) {
            throw refused(file, "not a Fulcrum study database (it has tables " + tables
                    + " but no version_info)");
        }
        int found = Integer.parseInt(onlyRow(connection, file, "version_info", "schema_version"));
        if (found > VERSION) {
            throw refused(file, "schema version " + found + " of this study database is newer than this "
                    + "Fulcrum (" + FulcrumVersion.fulcrum() + ") supports (" + VERSION + "); open it with the Fulcrum "
                    + "that wrote it, or a newer one");
        }
        if (found < 1) {
            throw refused(file, "unknown schema version " + found + " of a study database; this Fulcrum "
                    + "supports " + VERSION);
        }
        String holds = onlyRow(connection, file, "study", "name");
        if (!holds.equals(studyName)) {
            throw refused(file, "this file holds study \"" + holds + "\", not \"" + studyName
                    + "\"; one file holds one study");
        }
    }

    private static void create(Connection connection, String studyName) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute(table);
            }
        }
        try (PreparedStatement version = connection.prepareStatement(
                "INSERT INTO version_info (id, schema_version, fulcrum_version) VALUES (1, ?, ?)");
             PreparedStatement study = connection.prepareStatement("INSERT INTO study (id, name) VALUES (1, ?)")) {
            version.setInt(1, VERSION);
            version.setString(2, FulcrumVersion.fulcrum());
            version.executeUpdate();
            study.setString(1, studyName);
            study.executeUpdate();
        }
    }

    private static DataFileException refused(Path file, String problem) {
        return new DataFileException(file, 0, null, problem);
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** The one row's {@code column} of {@code table}, as text. */
    private static String onlyRow(Connection connection, Path file, String table, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + column + " FROM " + table + " WHERE id = 1")) {
            if (!row.next()) {
                throw refused(file, "the study database's " + table + " table is empty");
            }
            return row.getString(1);
        }
    }
}
