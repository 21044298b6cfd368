package dev.fulcrum.testkit;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.tune.SqliteStudyStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Worker processes sharing one study file, as {@code parallel: N} runs them: the two Optuna bugs
 * the storage is built against, as real processes. optuna/optuna#820: SQLite workers started
 * together failed with "database is locked". optuna/optuna#4002: an enqueued trial was run by two
 * workers. And a worker killed with {@code kill -9} loses no trial.
 */
class SqliteStudyStorageProcessesTest {

    private static final int WORKERS = 4;
    private static final Duration PROCESS_LIMIT = ClaimingWorkers.PROCESS_LIMIT;

    @TempDir
    Path folder;

    @Test
    void workersStartingTogetherOnANewFileRunEveryTrialOnceAndNeverFindItLocked() throws Exception {
        Path file = folder.resolve("study").resolve("study.db");
        int budget = 40;
        List<Integer> claimed = runWorkers(file, budget);
        assertEveryTrialCompleteOnce(file, budget, claimed);
    }

    @Test
    void workersClaimingQueuedTrialsRunEachOnce() throws Exception {
        Path file = folder.resolve("study.db");
        int budget = 40;
        try (SqliteStudyStorage storage = SqliteStudyStorage.open(file, "study")) {
            for (int i = 0; i < budget; i++) {
                storage.enqueue(Map.of("x", (double) i));
            }
        }
        List<Integer> claimed = runWorkers(file, budget);
        assertEveryTrialCompleteOnce(file, budget, claimed);
    }

    @Test
    void aTrialOfAWorkerKilledMidTrialIsRequeuedAndRunOnceMore() throws Exception {
        Path file = folder.resolve("study.db");
        Path go = folder.resolve("go-stalled");
        Files.createFile(go);
        Process stalled = worker(file, "stalled", 3, go, "stall").start();
        try {
            awaitLine(folder.resolve("stalled.out"), "claimed 0", stalled);
        } finally {
            stalled.destroyForcibly().waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
        try (SqliteStudyStorage storage = SqliteStudyStorage.open(file, "study")) {
            assertEquals(TrialState.RUNNING, storage.trials().get(0).state());
            Thread.sleep(200);
            assertEquals(List.of(0), storage.requeueStale(Duration.ofMillis(100)));
        }
        List<Integer> claimed = runWorkers(file, 3);
        assertEveryTrialCompleteOnce(file, 3, claimed);
    }

    private List<Integer> runWorkers(Path file, int budget) throws IOException, InterruptedException {
        return new ClaimingWorkers(folder, file.toString(), Map.of()).run(WORKERS, budget);
    }

    private ProcessBuilder worker(Path file, String name, int budget, Path go, String mode) {
        return new ClaimingWorkers(folder, file.toString(), Map.of()).worker(name, budget, go, mode);
    }

    private static void awaitLine(Path out, String line, Process process) throws IOException, InterruptedException {
        Instant limit = Instant.now().plus(PROCESS_LIMIT);
        while (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).lines().toList().contains(line)) {
            assertTrue(process.isAlive(), "the worker ended before printing " + line);
            assertTrue(Instant.now().isBefore(limit), "the worker did not print " + line + " in " + PROCESS_LIMIT);
            Thread.sleep(50);
        }
    }

    private static void assertEveryTrialCompleteOnce(Path file, int budget, List<Integer> claimed) {
        try (SqliteStudyStorage storage = SqliteStudyStorage.open(file, "study")) {
            ClaimingWorkers.assertEveryTrialCompleteOnce(storage, budget, claimed);
        }
    }
}
