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
    private static final Duration PROCESS_LIMIT = Duration.ofMinutes(3);

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

    /**
     * Starts {@link #WORKERS} processes, waits until each has loaded SQLite, then lets them all
     * open the study at once and claim until {@code budget}; returns the trials they claimed.
     */
    private List<Integer> runWorkers(Path file, int budget) throws IOException, InterruptedException {
        Path go = folder.resolve("go");
        List<Process> processes = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            processes.add(worker(file, "worker-" + w, budget, go, "run").start());
        }
        Instant limit = Instant.now().plus(PROCESS_LIMIT);
        for (int w = 0; w < WORKERS; w++) {
            while (!Files.exists(ClaimingWorker.readyFile(go, "worker-" + w))) {
                assertTrue(processes.get(w).isAlive(), "worker-" + w + " ended before it was ready: "
                        + Files.readString(folder.resolve("worker-" + w + ".err"), StandardCharsets.UTF_8));
                assertTrue(Instant.now().isBefore(limit), "worker-" + w + " was not ready in " + PROCESS_LIMIT);
                Thread.sleep(10);
            }
        }
        Files.createFile(go);
        List<Integer> claimed = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Process process = processes.get(w);
            boolean ended = process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String out = Files.readString(folder.resolve("worker-" + w + ".out"), StandardCharsets.UTF_8);
            String err = Files.readString(folder.resolve("worker-" + w + ".err"), StandardCharsets.UTF_8);
            String said = "worker-" + w + " printed:\n" + out + err;
            assertTrue(ended, "worker-" + w + " did not end in " + PROCESS_LIMIT + "; " + said);
            assertFalse(err.contains("locked") || err.contains("SQLITE_BUSY"), said);
            assertEquals(0, process.exitValue(), said);
            out.lines().map(line -> Integer.parseInt(line.substring("claimed ".length()))).forEach(claimed::add);
        }
        return claimed;
    }

    private ProcessBuilder worker(Path file, String name, int budget, Path go, String mode) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClaimingWorker.class.getName(),
                file.toString(), "study", name, Integer.toString(budget), go.toString(), mode)
                .redirectOutput(folder.resolve(name + ".out").toFile())
                .redirectError(folder.resolve(name + ".err").toFile());
    }

    private static void awaitLine(Path out, String line, Process process) throws IOException, InterruptedException {
        Instant limit = Instant.now().plus(PROCESS_LIMIT);
        while (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).lines().toList().contains(line)) {
            assertTrue(process.isAlive(), "the worker ended before printing " + line);
            assertTrue(Instant.now().isBefore(limit), "the worker did not print " + line + " in " + PROCESS_LIMIT);
            Thread.sleep(50);
        }
    }

    /** Every number below the budget claimed once in all (no second run) and complete in the file (none lost). */
    private static void assertEveryTrialCompleteOnce(Path file, int budget, List<Integer> claimed) {
        List<Integer> sorted = new ArrayList<>(claimed);
        Collections.sort(sorted);
        List<Integer> every = IntStream.range(0, budget).boxed().toList();
        assertEquals(every, sorted, "the trials the workers claimed");
        try (SqliteStudyStorage storage = SqliteStudyStorage.open(file, "study")) {
            List<TrialRecord> trials = storage.trials();
            assertEquals(every, trials.stream().map(TrialRecord::number).toList());
            for (TrialRecord trial : trials) {
                assertEquals(TrialState.COMPLETE, trial.state(), "trial " + trial.number());
                assertEquals(Map.of("loss", (double) trial.number()), trial.values(), "trial " + trial.number());
                assertEquals(Map.of(1, Map.of("loss", trial.number() + 0.5)), trial.intermediate(), "trial " + trial.number());
            }
        }
    }
}
