package dev.fulcrum.testkit;

import dev.fulcrum.api.DataFileException;
import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.FulcrumVersion;
import dev.fulcrum.core.tune.SqliteStudyStorage;
import dev.fulcrum.core.tune.StudyStorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQLite study storage: the contract every storage keeps, and what is SQLite's own (the file,
 * its journal mode and schema version). Here, not in core's tests, because the contract lives in
 * the testkit, which depends on core: core's tests cannot depend on it back.
 */
class SqliteStudyStorageTest extends StudyStorageContract {

    @TempDir
    Path folder;

    @Override
    protected StudyStorage open(String studyName) {
        return SqliteStudyStorage.open(file(studyName), studyName);
    }

    private Path file(String studyName) {
        return folder.resolve(studyName).resolve("study.db");
    }

    @Test
    void aNewFileIsMadeWithItsFolderInWalMode() throws SQLException {
        Path file = folder.resolve("runs").resolve("fashion").resolve("study.db");
        SqliteStudyStorage.open(file, "fashion").close();
        assertTrue(Files.isRegularFile(file));
        assertEquals("wal", sql(file, "PRAGMA journal_mode"));
        assertEquals("1", sql(file, "SELECT schema_version FROM version_info"));
    }

    @Test
    void aWriteWaitsForAnotherConnectionsWriteToEndInsteadOfFindingTheFileLocked() throws Exception {
        Path file = file("busy");
        try (SqliteStudyStorage storage = SqliteStudyStorage.open(file, "busy");
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement otherSql = other.createStatement()) {
            otherSql.execute("BEGIN IMMEDIATE");
            otherSql.execute("INSERT INTO trials (number, state, params) VALUES (0, 'waiting', '{}')");
            long holdMillis = 1000;
            Thread commitLater = new Thread(() -> {
                try {
                    Thread.sleep(holdMillis);
                    otherSql.execute("COMMIT");
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long started = System.nanoTime();
            commitLater.start();
            assertEquals(1, storage.enqueue(Map.of("x", 1.0)), "the other connection's trial 0 came first");
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            commitLater.join();
            assertTrue(waitedMillis >= holdMillis / 2, "the write waited only " + waitedMillis + " ms");
        }
    }

    @Test
    void aFileOfAnotherStudyIsRefusedNamingTheFileAndBothStudies() {
        Path file = file("fashion");
        SqliteStudyStorage.open(file, "fashion").close();
        DataFileException thrown = assertThrows(DataFileException.class, () -> SqliteStudyStorage.open(file, "mnist"));
        assertEquals(file + ": this file holds study \"fashion\", not \"mnist\"; one file holds one study",
                thrown.getMessage());
    }

    @Test
    void aFileOfANewerSchemaVersionIsRefusedNamingBothVersions() throws SQLException {
        assertEquals(file("v2") + ": schema version 2 of this study database is newer than this Fulcrum ("
                + FulcrumVersion.fulcrum() + ") supports (1); open it with the Fulcrum that wrote it, or a newer one",
                refusalAtSchemaVersion("v2", 2));
    }

    @Test
    void aFileOfAnUnknownSchemaVersionIsRefused() throws SQLException {
        assertEquals(file("v0") + ": unknown schema version 0 of a study database; this Fulcrum supports 1",
                refusalAtSchemaVersion("v0", 0));
    }

    /** The message that opening a study's file fails with once its version_info says {@code version}. */
    private String refusalAtSchemaVersion(String study, int version) throws SQLException {
        Path file = file(study);
        SqliteStudyStorage.open(file, study).close();
        sql(file, "UPDATE version_info SET schema_version = " + version);
        return assertThrows(DataFileException.class, () -> SqliteStudyStorage.open(file, study)).getMessage();
    }

    @Test
    void anotherProgramsDatabaseIsRefused() throws SQLException {
        Path file = folder.resolve("other.db");
        sql(file, "CREATE TABLE notes (text TEXT)");
        DataFileException thrown = assertThrows(DataFileException.class, () -> SqliteStudyStorage.open(file, "study"));
        assertEquals(file + ": not a Fulcrum study database (it has tables [notes] but no version_info)",
                thrown.getMessage());
    }

    @Test
    void aFileThatIsNoDatabaseIsRefused() throws IOException {
        Path file = folder.resolve("study.db");
        Files.writeString(file, "name,accuracy\n" + "a,0.5\n".repeat(200));
        DataFileException thrown = assertThrows(DataFileException.class, () -> SqliteStudyStorage.open(file, "study"));
        assertTrue(thrown.getMessage().startsWith(file + ": not a study database: "), thrown.getMessage());
    }

    @Test
    void aFailingStatementNamesTheFileAndWhatWasBeingDone() throws SQLException {
        Path file = file("broken");
        try (SqliteStudyStorage storage = SqliteStudyStorage.open(file, "broken")) {
            int trial = storage.claim("w", 1, trials -> Map.of()).orElseThrow().number();
            sql(file, "DROP TABLE intermediate_reports");
            StudyStorageException thrown = assertThrows(StudyStorageException.class,
                    () -> storage.report(trial, 1, Map.of("loss", 1.0)));
            assertTrue(thrown.getMessage().startsWith(file + ": storing step 1 of trial 0: "), thrown.getMessage());
            assertTrue(thrown.getMessage().contains("no such table: intermediate_reports"), thrown.getMessage());
            assertTrue(storage.finish(trial, TrialState.COMPLETE, Map.of("loss", 1.0), true, null),
                    "the failed statement was rolled back and the storage goes on");
        }
    }

    @Test
    void aClosedStorageRefusesCalls() {
        SqliteStudyStorage storage = SqliteStudyStorage.open(file("closed"), "closed");
        storage.close();
        storage.close();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, storage::trials);
        assertEquals(file("closed") + ": reading the trials: the storage is closed", thrown.getMessage());
    }

    /**
     * {@code study-v1.db}, written by Fulcrum 0.1.0 at schema version 1, keeps being read as it was
     * written and can be carried on: a study of six trials, one in each state (two complete, one
     * infeasible), reports with an infinity and a NaN, a trial left running by a killed worker.
     */
    @Test
    void aVersion1StudyFileReadsAsItWasWrittenAndCarriesOn() throws IOException {
        Path file = folder.resolve("study.db");
        try (InputStream fixture = getClass().getResourceAsStream("study-v1.db")) {
            Files.copy(fixture, file);
        }
        try (SqliteStudyStorage storage = SqliteStudyStorage.open(file, "fixture")) {
            assertEquals("{\"objectives\":[{\"metric\":\"validation.specific.accuracy\",\"direction\":\"max\"}],"
                    + "\"sampler\":{\"type\":\"random\"},\"seed\":7}", storage.definition());
            String accuracy = "validation.specific.accuracy";
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("strategy.type", "multi-task");
            first.put("strategy.learning-rate", 0.001);
            first.put("strategy.epochs", 3L);
            first.put("model.hidden", List.of(256L, 128L));
            first.put("augment", Map.of("type", "mixup"));
            List<TrialRecord> expected = List.of(
                    new TrialRecord(0, TrialState.COMPLETE, first, Map.of(accuracy, 0.75), true,
                            new TreeMap<>(Map.of(
                                    1, Map.of(accuracy, 0.5, "validation.general.loss", Double.POSITIVE_INFINITY),
                                    2, Map.of(accuracy, 0.75, "validation.general.loss", 0.1 + 0.2))),
                            "trial-0", null, "worker-0", at(1796143769956690L), at(1796143770507533L)),
                    new TrialRecord(1, TrialState.PRUNED, strategy("layer-wise", 1e-4), Map.of(), true,
                            new TreeMap<>(Map.of(1, Map.of(accuracy, Double.NaN))),
                            null, null, "worker-0", at(1796143770522335L), at(1796143770609137L)),
                    new TrialRecord(2, TrialState.FAILED, strategy("pretrain-finetune", 1e-2), Map.of(), true,
                            new TreeMap<>(), null, "trial 2: NaN loss at epoch 1", "worker-1",
                            at(1796143770619667L), at(1796143770655084L)),
                    new TrialRecord(3, TrialState.COMPLETE, strategy("multi-task", 0.005), Map.of(accuracy, 0.8), false,
                            new TreeMap<>(), null, null, "worker-1", at(1796143770661233L), at(1796143770703755L)),
                    new TrialRecord(4, TrialState.RUNNING, strategy("layer-wise", 0.002), Map.of(), true,
                            new TreeMap<>(), null, null, "worker-0", at(1796143770719469L), null),
                    new TrialRecord(5, TrialState.WAITING, strategy("multi-task", 0.003), Map.of(), true,
                            new TreeMap<>(), null, null, null, null, null));
            assertEquals(expected, storage.trials());

            assertEquals(List.of(4), storage.requeueStale(Duration.ofMinutes(1)));
            assertEquals(new ClaimedTrial(4, strategy("layer-wise", 0.002), true),
                    storage.claim("worker-2", 6, trials -> Map.of()).orElseThrow());
            assertTrue(storage.finish(4, TrialState.COMPLETE, Map.of(accuracy, 0.7), true, null));
            assertEquals(5, storage.claim("worker-2", 6, trials -> Map.of()).orElseThrow().number());
        }
    }

    private static Map<String, Object> strategy(String type, double learningRate) {
        return Map.of("strategy.type", type, "strategy.learning-rate", learningRate);
    }

    private static Instant at(long microsSinceEpoch) {
        return Instant.EPOCH.plus(microsSinceEpoch, ChronoUnit.MICROS);
    }

    /** Runs one statement on the file with a connection of its own; the first column of the first row, if any. */
    private static String sql(Path file, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement()) {
            if (!sql.execute(statement)) {
                return null;
            }
            try (ResultSet row = sql.getResultSet()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
