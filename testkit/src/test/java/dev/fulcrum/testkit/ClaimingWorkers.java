package dev.fulcrum.testkit;

import dev.fulcrum.api.tune.StudyStorage;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;

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
 * {@link ClaimingWorker} processes on one study database (a SQLite file or a PostgreSQL URL), their
 * output in {@code folder}: started together, waited for, and what they claimed.
 */
final class ClaimingWorkers {

    static final Duration PROCESS_LIMIT = Duration.ofMinutes(3);

    private final Path folder;
    private final String database;
    private final Map<String, String> environment;

    ClaimingWorkers(Path folder, String database, Map<String, String> environment) {
        this.folder = folder;
        this.database = database;
        this.environment = environment;
    }

    /**
     * Starts {@code count} processes, waits until each has loaded its driver, then lets them all
     * open the study at once and claim until {@code budget}; returns the trials they claimed.
     */
    List<Integer> run(int count, int budget) throws IOException, InterruptedException {
        Path go = folder.resolve("go");
        List<Process> processes = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            processes.add(worker("worker-" + w, budget, go, "run").start());
        }
        Instant limit = Instant.now().plus(PROCESS_LIMIT);
        for (int w = 0; w < count; w++) {
            while (!Files.exists(ClaimingWorker.readyFile(go, "worker-" + w))) {
                assertTrue(processes.get(w).isAlive(), "worker-" + w + " ended before it was ready: "
                        + Files.readString(folder.resolve("worker-" + w + ".err"), StandardCharsets.UTF_8));
                assertTrue(Instant.now().isBefore(limit), "worker-" + w + " was not ready in " + PROCESS_LIMIT);
                Thread.sleep(10);
            }
        }
        Files.createFile(go);
        List<Integer> claimed = new ArrayList<>();
        for (int w = 0; w < count; w++) {
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

    ProcessBuilder worker(String name, int budget, Path go, String mode) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClaimingWorker.class.getName(),
                database, "study", name, Integer.toString(budget), go.toString(), mode)
                .redirectOutput(folder.resolve(name + ".out").toFile())
                .redirectError(folder.resolve(name + ".err").toFile());
        builder.environment().putAll(environment);
        return builder;
    }

    /** Every number below the budget claimed once in all (no second run) and complete in the study (none lost). */
    static void assertEveryTrialCompleteOnce(StudyStorage storage, int budget, List<Integer> claimed) {
        List<Integer> sorted = new ArrayList<>(claimed);
        Collections.sort(sorted);
        List<Integer> every = IntStream.range(0, budget).boxed().toList();
        assertEquals(every, sorted, "the trials the workers claimed");
        List<TrialRecord> trials = storage.trials();
        assertEquals(every, trials.stream().map(TrialRecord::number).toList());
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state(), "trial " + trial.number());
            assertEquals(Map.of("loss", (double) trial.number()), trial.values(), "trial " + trial.number());
            assertEquals(Map.of(1, Map.of("loss", trial.number() + 0.5)), trial.intermediate(), "trial " + trial.number());
        }
    }
}
