package dev.fulcrum.testkit;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.FulcrumVersion;
import dev.fulcrum.core.tune.PostgresLogin;
import dev.fulcrum.core.tune.PostgresStudyStorage;
import dev.fulcrum.core.tune.PostgresUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL study storage on a real server ({@link PostgresServer}): the contract every
 * storage keeps, then what is PostgreSQL's own: studies sharing a database, tables made once by
 * workers opening a new database together, a newer schema refused, and a server that cannot be
 * reached or refuses the login, each in one line.
 */
class PostgresStudyStorageTest extends StudyStorageContract {

    private static final String PASSWORD_FILE_PROPERTY = "org.postgresql.pgpassfile";
    private static PostgresServer server;
    private static PostgresUrl database;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.shared();
        database = server.createDatabase("contract");
    }

    @Override
    protected StudyStorage open(String studyName) {
        return PostgresStudyStorage.open(database, studyName, server.login());
    }

    @Test
    void studiesSharingADatabaseKeepTheirOwnTrials() {
        try (StudyStorage fashion = open("share-fashion"); StudyStorage mnist = open("share-mnist")) {
            fashion.createIfAbsent("{\"a\":1}");
            mnist.createIfAbsent("{\"b\":2}");
            fashion.enqueue(Map.of("x", 1.0));
            mnist.enqueue(Map.of("x", 2.0));
            mnist.enqueue(Map.of("x", 3.0));
            assertEquals(List.of(Map.of("x", 1.0)), fashion.trials().stream().map(TrialRecord::params).toList());
            assertEquals(List.of(0, 1), mnist.trials().stream().map(TrialRecord::number).toList());
            assertEquals("{\"b\":2}", mnist.definition());
        }
    }

    @Test
    void workersOpeningANewDatabaseTogetherMakeItsTablesOnce() throws Exception {
        PostgresUrl fresh = server.createDatabase("together");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> opened = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                opened.add(pool.submit(() -> {
                    try (PostgresStudyStorage storage = PostgresStudyStorage.open(fresh, "together", server.login())) {
                        storage.createIfAbsent("{}");
                        return storage.trials().size();
                    }
                }));
            }
            for (Future<Integer> open : opened) {
                assertEquals(0, open.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDatabaseAtANewerSchemaVersionIsRefusedNamingBothVersions() {
        PostgresUrl newer = server.createDatabase("newer");
        PostgresStudyStorage.open(newer, "s", server.login()).close();
        server.sql("newer", "UPDATE fulcrum.schema_version SET schema_version = 2");
        InvalidInputException thrown = assertThrows(InvalidInputException.class,
                () -> PostgresStudyStorage.open(newer, "s", server.login()));
        assertEquals(newer + ": schema version 2 of this study database is newer than this Fulcrum ("
                + FulcrumVersion.fulcrum() + ") supports (1); join it with the Fulcrum that made it, or a newer one",
                thrown.getMessage());
    }

    /** The driver reads the password file named by PGPASSFILE or, as here, its system property {@code org.postgresql.pgpassfile}. */
    @Test
    void withoutPgpasswordThePasswordComesFromThePasswordFile(@TempDir Path home) throws Exception {
        Path passwords = home.resolve("pgpass");
        Files.writeString(passwords, "# host:port:database:user:password\n127.0.0.1:" + server.port() + ":contract:"
                + PostgresServer.USER + ":" + PostgresServer.PASSWORD + "\n");
        String before = System.getProperty(PASSWORD_FILE_PROPERTY);
        System.setProperty(PASSWORD_FILE_PROPERTY, passwords.toString());
        try {
            PostgresLogin fromFile = PostgresLogin.from(Map.of("PGUSER", PostgresServer.USER), database);
            assertEquals(PostgresServer.PASSWORD, fromFile.password());
            PostgresStudyStorage.open(database, "from-file", fromFile).close();
            assertEquals("other", PostgresLogin.from(Map.of("PGUSER", PostgresServer.USER, "PGPASSWORD", "other"), database)
                    .password(), "PGPASSWORD comes first");
            assertEquals(null, PostgresLogin.from(Map.of("PGUSER", "nobody"), database).password(), "no line for that user");
        } finally {
            if (before == null) {
                System.clearProperty(PASSWORD_FILE_PROPERTY);
            } else {
                System.setProperty(PASSWORD_FILE_PROPERTY, before);
            }
        }
    }

    @Test
    void aWorkerJoiningNeverMakesAStudyAndNamesTheStudiesThere() {
        PostgresUrl empty = server.createDatabase("joined");
        InvalidInputException noTables = assertThrows(InvalidInputException.class,
                () -> PostgresStudyStorage.join(empty.withStudy("tiny"), server.login()));
        assertEquals(empty.withStudy("tiny") + ": this database holds no Fulcrum study (it has no table "
                + "fulcrum.schema_version); fulcrum tune with tune.storage: " + empty + " makes one", noTables.getMessage());
        try (PostgresStudyStorage other = PostgresStudyStorage.open(empty, "other", server.login())) {
            other.createIfAbsent("{}");
        }
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> PostgresStudyStorage.join(empty.withStudy("tiny"), server.login()));
        assertEquals(empty.withStudy("tiny") + ": no study \"tiny\" in this database; it holds other", unknown.getMessage());
        try (PostgresStudyStorage joined = PostgresStudyStorage.join(empty.withStudy("other"), server.login())) {
            assertEquals("{}", joined.definition());
        }
    }

    @Test
    void aWrongPasswordIsRefusedInOneLine() {
        InvalidInputException thrown = assertThrows(InvalidInputException.class,
                () -> PostgresStudyStorage.open(database, "s", new PostgresLogin(PostgresServer.USER, "wrong")));
        assertEquals("the study database " + database + " refused user fulcrum: FATAL: password authentication failed "
                + "for user \"fulcrum\" (credentials come from PGUSER and PGPASSWORD, or PGPASSFILE / ~/.pgpass)",
                thrown.getMessage());
    }

    @Test
    void aDatabaseThatDoesNotExistIsNamed() {
        PostgresUrl missing = server.url("missing");
        InvalidInputException thrown = assertThrows(InvalidInputException.class,
                () -> PostgresStudyStorage.open(missing, "s", server.login()));
        assertEquals("the study database " + missing + ": the server has no database \"missing\"; create it first "
                + "(createdb missing)", thrown.getMessage());
    }

    @Test
    void aPortWhereNothingListensIsRefusedConnection() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PostgresUrl nobody = PostgresUrl.parse("postgresql://127.0.0.1:" + port + "/studies");
        InvalidInputException thrown = assertThrows(InvalidInputException.class,
                () -> PostgresStudyStorage.open(nobody, "s", server.login()));
        assertEquals("cannot reach the study database " + nobody + ": connection refused (is PostgreSQL running there, "
                + "listening on port " + port + "?)", thrown.getMessage());
    }

    @Test
    void anUnknownHostIsNamed() {
        PostgresUrl unknown = PostgresUrl.parse("postgresql://no-such-host.invalid/studies");
        long started = System.nanoTime();
        InvalidInputException thrown = assertThrows(InvalidInputException.class,
                () -> PostgresStudyStorage.open(unknown, "s", server.login()));
        assertEquals("cannot reach the study database postgresql://no-such-host.invalid:5432/studies: unknown host "
                + "no-such-host.invalid", thrown.getMessage());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20), "it took more than 20 s");
    }
}
