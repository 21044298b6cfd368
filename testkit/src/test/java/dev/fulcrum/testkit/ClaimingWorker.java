package dev.fulcrum.testkit;

import dev.fulcrum.api.tune.ClaimedTrial;
import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.tune.PostgresLogin;
import dev.fulcrum.core.tune.PostgresStudyStorage;
import dev.fulcrum.core.tune.PostgresUrl;
import dev.fulcrum.core.tune.SqliteStudyStorage;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A worker process of {@link SqliteStudyStorageProcessesTest} and {@link PostgresStudyStorageProcessesTest}: loads SQLite, says it is ready by
 * creating {@code GO.WORKER.ready}, waits for the file {@code GO} to appear, opens the study, then
 * claims, reports and finishes trials until the budget is spent, printing {@code claimed N} for
 * each. With {@code stall} it claims one trial and hangs, to be killed. Any failure ends it with
 * its stack trace and a non-zero exit.
 *
 * <p>Arguments: database file or PostgreSQL URL (its login in PGUSER and PGPASSWORD), study name, worker name, budget, the file GO, {@code run} or {@code stall}.
 */
public final class ClaimingWorker {

    /**
     * How long a trial "trains" between its writes. Without it a worker writes back to back and,
     * as SQLite's lock is not a queue, may keep it from the others.
     */
    private static final long TRAINING_MILLIS = 30;

    private ClaimingWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String database = args[0];
        String worker = args[2];
        int budget = Integer.parseInt(args[3]);
        Path go = Path.of(args[4]);
        boolean stall = args[5].equals("stall");
        loadTheDriver(database);
        Files.createFile(readyFile(go, worker));
        while (!Files.exists(go)) {
            LockSupport.parkNanos(200_000);
        }
        try (StudyStorage storage = open(database, args[1])) {
            storage.createIfAbsent("{\"objectives\":[\"loss\"]}");
            Optional<ClaimedTrial> next;
            while ((next = storage.claim(worker, budget, trials -> Map.of("x", (double) trials.size()))).isPresent()) {
                int number = next.get().number();
                System.out.println("claimed " + number);
                System.out.flush();
                if (stall) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                storage.report(number, 1, Map.of("loss", number + 0.5));
                Thread.sleep(TRAINING_MILLIS);
                storage.heartbeat(number);
                if (!storage.finish(number, TrialState.COMPLETE, Map.of("loss", (double) number), true, null)) {
                    throw new IllegalStateException(worker + " lost trial " + number);
                }
            }
        }
    }

    /** The file a worker creates when it waits for {@code go}. */
    static Path readyFile(Path go, String worker) {
        return go.resolveSibling(go.getFileName() + "." + worker + ".ready");
    }

    /** A SQLite file's storage, or a PostgreSQL URL's with the login in the environment. */
    private static StudyStorage open(String database, String study) {
        if (PostgresUrl.names(database)) {
            PostgresUrl url = PostgresUrl.parse(database);
            return PostgresStudyStorage.open(url, study, PostgresLogin.fromEnvironment(url));
        }
        return SqliteStudyStorage.open(Path.of(database), study);
    }

    /**
     * Loads the driver's classes (and SQLite's native library), which takes seconds on a busy
     * machine, before the workers' common start.
     */
    private static void loadTheDriver(String database) {
        try {
            if (PostgresUrl.names(database)) {
                Class.forName("org.postgresql.Driver");
            } else {
                new SQLiteConfig().createConnection("jdbc:sqlite::memory:").close();
            }
        } catch (SQLException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
