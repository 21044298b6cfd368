package dev.fulcrum.distribution;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.StudyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fulcrum tune through the real launcher: a study killed with kill -9 resumes; two worker processes share one study. */
class TuneLauncherIT {

    static final String STUDY = Launcher.TINY_PIPELINE + """
            tune:
              objectives:
                - {metric: validation.specific.accuracy, direction: max}
              parameters:
                strategy.learning-rate: {float: [0.0005, 0.05], log: true}
                model.hidden: {choice: [[8], [16]]}
              trials: 6
            """;
    /** A killed trial is taken for dead after three seconds of silence, not a minute. */
    private static final String SHORT_HEARTBEAT = "-Dfulcrum.tune.heartbeat=300ms -Dfulcrum.tune.stale-after=3s";

    @TempDir
    Path work;

    private ProcessBuilder tune(String... args) throws Exception {
        Files.writeString(work.resolve("tiny.yaml"), STUDY);
        List<String> all = new java.util.ArrayList<>(List.of("tune", "tiny.yaml", "--runs", "runs"));
        all.addAll(List.of(args));
        ProcessBuilder builder = Launcher.command(work, all.toArray(String[]::new));
        builder.environment().put("FULCRUM_JAVA_OPTS", SHORT_HEARTBEAT);
        return builder;
    }

    @Test
    void aStudyKilledMidTrialResumesToTheSameTrialCountWithNoTrialLostOrCountedTwice() throws Exception {
        // Twenty epochs make a trial last long enough to be killed in the middle of one.
        Process killed = tune("--set", "strategy.epochs=20").redirectErrorStream(true)
                .redirectOutput(work.resolve("killed.log").toFile()).start();
        Path trials = work.resolve("runs/tiny/trials");
        Instant limit = Instant.now().plus(Duration.ofMinutes(3));
        while (!startedTrial(trials, 2)) {
            assertTrue(killed.isAlive() && Instant.now().isBefore(limit), () -> "trial 2 never started:\n" + log("killed.log"));
            Thread.sleep(50);
        }
        killed.destroyForcibly().waitFor();
        StudyRecord beforeResume = StudyRecord.at(work.resolve("runs"), "tiny");
        TrialRecord interrupted = beforeResume.trial(2);
        assertEquals(TrialState.RUNNING, interrupted.state(), "kill -9 left trial 2 running, as a crash would");

        CliResult resumed = ChildProcess.run(tune("--set", "strategy.epochs=20"), Duration.ofMinutes(5)).assertExit(0)
                .assertOutContains("resuming study tiny: 2 of 6 trials done");
        StudyRecord study = StudyRecord.at(work.resolve("runs"), "tiny");
        List<TrialRecord> all = study.trials();
        assertEquals(IntStream.range(0, 6).boxed().toList(), all.stream().map(TrialRecord::number).toList(), resumed.all());
        assertTrue(all.stream().allMatch(t -> t.state() == TrialState.COMPLETE), resumed.all());
        assertEquals(interrupted.params(), study.trial(2).params(), "the killed trial ran again with its own values");
        assertNotEquals(interrupted.runFolder(), study.trial(2).runFolder());
        assertFalse(Files.exists(work.resolve("runs/tiny").resolve(interrupted.runFolder()).resolve("summary.json")),
                "the killed attempt's folder stays as the kill left it");
        assertEquals(7, study.trialFolders().size(), "six trials and the killed attempt: " + study.trialFolders());
        for (int number = 0; number < 6; number++) {
            assertEquals(number, study.run(number).summary().at("/study/trial").asInt());
        }
    }

    private static boolean startedTrial(Path trials, int number) throws Exception {
        if (!Files.isDirectory(trials)) {
            return false;
        }
        try (var folders = Files.list(trials)) {
            return folders.anyMatch(f -> f.getFileName().toString().startsWith(number + "-"));
        }
    }

    private String log(String name) {
        try {
            return Files.readString(work.resolve(name));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void twoWorkerProcessesShareOneStudyEachTrialClaimedOnce() throws Exception {
        CliResult result = ChildProcess.run(tune("--set", "tune.parallel=2", "--set", "tune.trials=8"), Duration.ofMinutes(5))
                .assertExit(0).assertOutContains("2 worker processes, ").assertOutContains("study tiny: 8 of 8 trials done");
        StudyRecord study = StudyRecord.at(work.resolve("runs"), "tiny");
        List<TrialRecord> trials = study.trials();
        assertEquals(IntStream.range(0, 8).boxed().toList(), trials.stream().map(TrialRecord::number).toList(), result.all());
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE), result.all());
        assertEquals(8, study.trialFolders().size(), "each trial ran once: " + study.trialFolders());
        Map<String, Long> byWorker = trials.stream().collect(Collectors.groupingBy(TrialRecord::worker, Collectors.counting()));
        assertEquals(2, byWorker.size(), "both workers ran trials: " + byWorker);
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        Set<Integer> budgets = IntStream.range(0, 8).mapToObj(study::run).map(RunRecord::provenance)
                .map(p -> p.at("/threads/cores").asInt()).collect(Collectors.toSet());
        assertEquals(Set.of(cores), budgets, "each trial's threads are the cores divided by the workers");
        assertEquals(2, study.run(3).provenance().at("/study/workers").asInt());
    }

    @Test
    void twoWorkersStopAtTheStudysBudgetHavingOverspentByLessThanAnEpochEach() throws Exception {
        long budget = 1500;
        CliResult result = ChildProcess.run(tune("--set", "tune.parallel=2", "--set", "tune.trials=40",
                        "--set", "tune.budget={samples: " + budget + "}"), Duration.ofMinutes(5))
                .assertExit(0).assertOutContains("the study's budget is spent (study.samples)");
        StudyRecord study = StudyRecord.at(work.resolve("runs"), "tiny");
        List<TrialRecord> trials = study.trials();
        assertTrue(trials.size() < 40, result.all());
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE), result.all());
        long perEpoch = study.run(0).summary().at("/data/tasks/specific/labelled/train").asLong();
        long spent = trials.stream().mapToLong(t -> t.intermediate().isEmpty() ? 0
                : t.intermediate().get(t.lastStep()).get("spent.samples").longValue()).sum();
        assertTrue(spent >= budget && spent < budget + 2 * perEpoch,
                "spent " + spent + " of " + budget + ", at most an epoch (" + perEpoch + ") over per worker\n" + result.all());
        assertTrue(IntStream.range(0, trials.size()).mapToObj(study::run)
                .anyMatch(run -> run.summary().at("/resources/budget/stopped_by").asText().equals("study.samples")), result.all());
    }
}
