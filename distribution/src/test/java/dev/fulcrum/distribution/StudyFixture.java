package dev.fulcrum.distribution;

import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.cli.ConsoleProgress;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunProgress;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.TestHost;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A study of two real trials on the bundled plugins, as a tune worker would leave it: trial 0 trains
 * the specific task only and trial 1 the general task only, so each is better on its own side and
 * both lie on the front of (specific accuracy, general accuracy).
 */
final class StudyFixture {

    static final Objective SPECIFIC = new Objective("validation.specific.accuracy", Direction.MAXIMIZE);
    static final Objective GENERAL = new Objective("validation.general.accuracy", Direction.MAXIMIZE);
    static final List<Objective> OBJECTIVES = List.of(SPECIFIC, GENERAL);
    static final long SEED = 5;
    static final RunProgress QUIET = new ConsoleProgress(new PrintWriter(Writer.nullWriter()), false);
    private static final String PIPELINE = """
            name: balance
            seed: %d
            data:
              specific: {type: synthetic, rows: 2000}
            model: {type: mlp, hidden: [32, 16]}
            strategy: {type: supervised, epochs: 8, batch-size: 32, learning-rate: 0.003, tasks: [%s],
                       early-stopping: {metric: %s.accuracy}}
            """;
    private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");

    final Path study;
    final RunRecord specificRun;
    final RunRecord generalRun;
    /** Trials 0 and 1 (run folders, one named relative to the study folder and one absolute), 2 pruned, 3 failed. */
    final List<TrialRecord> trials;

    StudyFixture(TestHost host, String name) {
        study = host.root().resolve("runs").resolve(name);
        specificRun = run(host, "specific");
        generalRun = run(host, "general");
        trials = List.of(
                complete(0, specificRun, "specific", study.relativize(specificRun.folder()).toString()),
                complete(1, generalRun, "general", generalRun.folder().toAbsolutePath().toString()),
                new TrialRecord(2, TrialState.PRUNED, Map.of("strategy.tasks", List.of("specific", "general")), Map.of(), true,
                        new TreeMap<>(Map.of(1, Map.of(SPECIFIC.metric(), 0.4))), null, null, "w1", START, START.plusSeconds(2)),
                new TrialRecord(3, TrialState.FAILED, Map.of("strategy.tasks", List.of("domain")), Map.of(), true,
                        new TreeMap<>(), null, "trial 3: strategy.tasks[0]: unknown task \"domain\"", "w1", START,
                        START.plusSeconds(1)));
    }

    /** A trial that trains one task's head (and the trunk), keeping the epoch best on that task. */
    private RunRecord run(TestHost host, String task) {
        RunOutcome outcome = new PipelineLauncher(host.host(), QUIET).run(host.config(PIPELINE.formatted(SEED, task, task)), study);
        assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome::errorMessage);
        return RunRecord.of(outcome);
    }

    private static TrialRecord complete(int number, RunRecord run, String task, String runFolder) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(SPECIFIC.metric(), run.metric("validation", "specific", "accuracy"));
        values.put(GENERAL.metric(), run.metric("validation", "general", "accuracy"));
        return new TrialRecord(number, TrialState.COMPLETE, Map.of("strategy.tasks", List.of(task)), values, true, new TreeMap<>(),
                runFolder, null, "w1", START, START.plusMillis(12_340));
    }
}
