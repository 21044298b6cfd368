package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import dev.fulcrum.testkit.StudyRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host reports every epoch to the study and asks its pruner; a pruned trial ends there, recorded as pruned. */
class TunePruningIT extends SharedHostTest {

    private static final String STUDY = """
            name: pruning
            seed: 5
            data:
              specific: {type: synthetic, rows: 400}
            model: {type: mlp, hidden: [8]}
            strategy: {type: supervised, epochs: 4, learning-rate: 0.05}
            tune:
              objectives:
                - {metric: validation.specific.loss, direction: min}
              parameters:
                strategy.learning-rate: {choice: [0.05, 0.00001]}
              pruner: {type: asha, min-resource: 1, reduction-factor: 2}
              trials: 6
            """;

    @Test
    void prunedTrialsEndEarlyAndAreRecordedAsPruned() {
        CliResult result = host().tune(STUDY).assertExit(0);
        StudyRecord study = host().study("pruning");
        List<TrialRecord> trials = study.trials();
        List<TrialRecord> pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).toList();
        assertFalse(pruned.isEmpty(), result.all());
        assertEquals(TrialState.COMPLETE, trials.get(0).state());
        assertEquals(4, trials.get(0).lastStep(), "trial 0 ran all four epochs");
        for (TrialRecord trial : pruned) {
            RunRecord run = study.run(trial.number());
            assertTrue(trial.lastStep() < 4, "trial " + trial.number() + " ran " + trial.lastStep() + " epochs");
            assertEquals("pruned", run.status());
            assertEquals(trial.lastStep(), run.summary().at("/study/pruned_after_epoch").asInt());
            assertEquals(trial.lastStep(), run.validationLines().size(), "no epoch ran after the pruned one");
            assertFalse(Files.exists(run.model()), "a pruned trial saves no model");
            assertTrue(trial.values().isEmpty());
            assertTrue(result.out().contains("trial " + trial.number() + " pruned after epoch " + trial.lastStep()), result.out());
        }
    }
}
