package dev.fulcrum.plugins.samplers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import dev.fulcrum.testkit.StudyRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fulcrum tune end to end, in-process, on a real host: six two-epoch trials on synthetic data. */
class TuneStudyIT extends SharedHostTest {

    static final String STUDY = """
            name: tiny
            seed: 3
            data:
              specific: {type: synthetic, rows: 400}
            model: {type: mlp, hidden: [8]}
            strategy: {type: supervised, epochs: 2, learning-rate: 0.01}
            tune:
              objectives:
                - {metric: validation.specific.accuracy, direction: max}
                - {metric: validation.specific.loss, direction: min}
              parameters:
                strategy.learning-rate: {float: [0.001, 0.1], log: true}
                model.hidden: {choice: [[8], [16, 8]]}
                model.dropout: {float: [0.0, 0.3], when: {model.hidden: [[16, 8]]}}
              trials: 6
              select: {max: specific.accuracy, subject-to: "specific.loss <= 5"}
            """;

    @Test
    void aStudyRunsEveryTrialAsAnOrdinaryRunFolderAndTrialZeroIsThePipelineAsWritten() throws Exception {
        CliResult result = host().tune(STUDY, "--set", "tune.name=six").assertExit(0)
                .assertOutContains("study six: 6 trials in").assertOutContains("trial 0 is the pipeline as written")
                .assertOutContains("study six: 6 of 6 trials done (0 pruned, 0 failed), 0 running");
        StudyRecord study = host().study("six");
        assertEquals(List.of("complete", "complete", "complete", "complete", "complete", "complete"), study.states(), result.all());
        assertTrue(Files.isRegularFile(study.folder().resolve("study.db")));
        assertEquals(6, study.trialFolders().size(), study.trialFolders().toString());
        assertTrue(study.trialFolders().stream().allMatch(name -> name.matches("[0-5]-\\d{8}-\\d{6}")), study.trialFolders().toString());

        TrialRecord zero = study.trial(0);
        assertEquals(Map.of("strategy.learning-rate", 0.01, "model.hidden", List.of(8L)), zero.params(),
                "trial 0 runs the pipeline's own values; model.dropout is inactive with hidden [8]");
        RunRecord zeroRun = study.run(0);
        assertEquals(11, zeroRun.number("schema_version"));
        assertEquals("six", zeroRun.summary().at("/study/name").asText());
        assertEquals(0, zeroRun.summary().at("/study/trial").asInt());
        assertTrue(zeroRun.config().contains("learning-rate: 0.01"), zeroRun.config());
        JsonNode provenance = zeroRun.provenance().path("study");
        assertTrue(provenance.path("pipeline_as_written").asBoolean(), provenance.toString());
        assertEquals("tpe", provenance.at("/sampler/type").asText(), "the default sampler");

        for (int number = 0; number < 6; number++) {
            TrialRecord trial = study.trial(number);
            RunRecord run = study.run(number);
            assertEquals("succeeded", run.status());
            assertEquals(number, run.summary().at("/study/trial").asInt());
            assertEquals(run.metric("validation", "specific", "accuracy"), (double) trial.values().get("validation.specific.accuracy"));
            assertEquals(Set.of(1, 2), trial.intermediate().keySet(), "one report per epoch, counted from 1");
            assertEquals((double) trial.params().get("strategy.learning-rate"), provenance(run).at("/params").path("strategy.learning-rate").asDouble());
        }
        Set<Integer> withModel = IntStream.range(0, 6).filter(n -> Files.exists(study.run(n).model())).boxed().collect(Collectors.toSet());
        assertFalse(withModel.isEmpty());
        for (int number = 0; number < 6; number++) {
            TrialRecord trial = study.trial(number);
            boolean dominated = study.trials().stream().anyMatch(other -> dominates(other, trial));
            assertEquals(!dominated, withModel.contains(number), "model.zip is kept on the front only: trial " + number);
        }
        for (String output : List.of("trials.csv", "pareto.json", "best.yaml")) {
            assertTrue(Files.isRegularFile(study.folder().resolve(output)), output);
        }
        assertEquals(7, Files.readAllLines(study.folder().resolve("trials.csv")).size(), "a header and a row per trial");
        host().cli("tune", "--status", "six").assertExit(0).assertOutContains("study six: 6 trials: 6 complete")
                .assertOutContains("selected: trial ");
        host().cli("tune", "--status", study.folder().toString()).assertExit(0).assertOutContains("study six: 6 trials");
    }

    @Test
    void confirmRunsTheFrontAgainWithMoreSeeds() {
        host().tune(STUDY, "--set", "tune.name=confirmed", "--set", "tune.trials=2", "--confirm", "1").assertExit(0);
        StudyRecord study = host().study("confirmed");
        assertTrue(Files.isRegularFile(study.folder().resolve("confirmation.json")));
        assertTrue(Files.isDirectory(study.folder().resolve("confirm")));
    }

    private static JsonNode provenance(RunRecord run) {
        return run.provenance().path("study");
    }

    private static boolean dominates(TrialRecord a, TrialRecord b) {
        double accA = a.values().get("validation.specific.accuracy");
        double accB = b.values().get("validation.specific.accuracy");
        double lossA = a.values().get("validation.specific.loss");
        double lossB = b.values().get("validation.specific.loss");
        return accA >= accB && lossA <= lossB && (accA > accB || lossA < lossB);
    }

    @Test
    void oneWorkerWithTheSameSeedDrawsAndMeasuresTheSameStudy() {
        host().tune(STUDY, "--set", "tune.name=first", "--set", "tune.trials=4").assertExit(0);
        host().tune(STUDY, "--set", "tune.name=second", "--set", "tune.trials=4").assertExit(0);
        List<TrialRecord> first = host().study("first").trials();
        List<TrialRecord> second = host().study("second").trials();
        assertEquals(first.stream().map(TrialRecord::params).toList(), second.stream().map(TrialRecord::params).toList());
        assertEquals(first.stream().map(TrialRecord::values).toList(), second.stream().map(TrialRecord::values).toList());
        assertEquals(first.stream().map(TuneStudyIT::reportsWithoutWallTime).toList(),
                second.stream().map(TuneStudyIT::reportsWithoutWallTime).toList());
        TrialRecord last = first.get(3);
        assertTrue(last.intermediate().get(last.lastStep()).get("spent.seconds") > 0, "each report says what the trial spent: " + last);
        assertEquals(4, first.stream().map(TrialRecord::params).distinct().count(), "every trial draws its own values");
    }

    /** A trial's epoch reports but their {@code spent.seconds}, the one figure that is the machine's, not the seed's. */
    private static Map<Integer, Map<String, Double>> reportsWithoutWallTime(TrialRecord trial) {
        Map<Integer, Map<String, Double>> reports = new java.util.TreeMap<>();
        trial.intermediate().forEach((step, metrics) -> {
            Map<String, Double> kept = new java.util.LinkedHashMap<>(metrics);
            kept.remove("spent.seconds");
            reports.put(step, kept);
        });
        return reports;
    }

    @Test
    void runningAgainResumesTheStudyAndAnotherDefinitionIsRefused() {
        host().tune(STUDY, "--set", "tune.name=again", "--set", "tune.trials=2").assertExit(0);
        host().tune(STUDY, "--set", "tune.name=again", "--set", "tune.trials=3").assertExit(0)
                .assertOutContains("resuming study again: 2 of 3 trials done")
                .assertOutContains("study again: 3 of 3 trials done");
        assertEquals(3, host().study("again").trials().size());

        CliResult changed = host().tune(STUDY.replace("[0.001, 0.1]", "[0.001, 0.2]"), "--set", "tune.name=again").assertExit(2);
        assertTrue(changed.err().startsWith("error: study again in " + host().runsFolder().resolve("again") + " was made with another "
                + "definition (it differs in space); resuming it would mix two studies. Run with --new to start afresh (the old "
                + "folder is moved aside, not deleted), or give tune.name another name"), changed.all());

        host().tune(STUDY.replace("[0.001, 0.1]", "[0.001, 0.2]"), "--set", "tune.name=again", "--set", "tune.trials=1", "--new")
                .assertExit(0).assertOutContains("--new: the earlier study again moved to " + host().runsFolder().resolve("again.old-"));
        assertEquals(1, host().study("again").trials().size());
        try (var folders = Files.list(host().runsFolder())) {
            String old = folders.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("again.old-")).findFirst().orElseThrow();
            assertEquals(3, StudyRecord.inFolder(host().runsFolder().resolve(old), "again").trials().size(),
                    "the earlier study is kept, whole");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTrialWithoutItsObjectiveFailsAndMaxFailedStopsTheStudy() {
        CliResult result = host().tune(STUDY.replace("validation.specific.loss", "validation.specific.f1"),
                "--set", "tune.name=no-f1", "--set", "tune.max-failed=2").assertExit(1);
        StudyRecord study = host().study("no-f1");
        assertEquals(List.of("failed", "failed"), study.states(), result.all());
        String missing = "the run has no metric validation.specific.f1; summary.json's metrics are ";
        assertTrue(study.trial(1).error().startsWith(missing) && study.trial(1).error().contains("validation.specific.macro_f1"),
                study.trial(1).error());
        assertTrue(result.err().startsWith("error: the study stopped: 2 trials failed (tune.max-failed: 2); the last, trial 1: "
                + missing), result.all());
        assertEquals("succeeded", study.run(1).status(), "the run itself succeeded; the trial failed for want of its objective");
    }

    @Test
    void badInputAtRunTimeFailsTheTrialAndStopsTheWorker() {
        // The params take any <task>.<metric>; only training finds that the metric does not exist, as it would in every trial.
        CliResult result = host().tune(STUDY.replace("    model.hidden: {choice: [[8], [16, 8]]}\n"
                        + "    model.dropout: {float: [0.0, 0.3], when: {model.hidden: [[16, 8]]}}\n",
                        "    strategy.early-stopping.metric: {choice: [specific.nope]}\n"), "--set", "tune.name=stops").assertExit(2);
        StudyRecord study = host().study("stops");
        assertEquals(List.of("complete", "failed"), study.states(), result.all());
        assertTrue(result.err().contains("error: trial 1 met bad input, which every later trial would meet too, so worker w1-"),
                result.all());
        assertTrue(study.trial(1).error().startsWith("early-stopping metric \"specific.nope\" does not exist"), study.trial(1).error());
    }
}
