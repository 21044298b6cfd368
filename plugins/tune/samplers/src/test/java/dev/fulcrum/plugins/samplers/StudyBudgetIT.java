package dev.fulcrum.plugins.samplers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import dev.fulcrum.testkit.StudyRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tune.budget}: what a whole study may spend on training, counted over its trials, in-process on a real host. */
class StudyBudgetIT extends SharedHostTest {

    private static final String STUDY = TuneStudyIT.STUDY.replace("trials: 6", "trials: 10")
            .replace("strategy: {type: supervised, epochs: 2, learning-rate: 0.01}", "strategy: {type: supervised, epochs: 3, learning-rate: 0.01}");

    @Test
    void noTrialStartsOnceTheStudysBudgetIsSpentAndTheTrialThatSpentItEndsAfterThatEpochComplete() {
        long perEpoch = samplesPerEpoch();
        // trial 0 spends 3 epochs; trial 1's first epoch brings the study to 4
        CliResult result = host().tune(STUDY, "--set", "tune.name=limited", "--set", "tune.budget={samples: " + 4 * perEpoch + "}")
                .assertExit(0).assertOutContains("the study's budget is spent (study.samples): samples " + String.format(Locale.ROOT, "%,d of %,d",
                        4 * perEpoch, 4 * perEpoch))
                .assertOutContains("; budget: samples " + String.format(Locale.ROOT, "%,d of %,d", 4 * perEpoch, 4 * perEpoch));
        StudyRecord study = host().study("limited");
        assertEquals(List.of("complete", "complete"), study.states(), result.all());

        JsonNode whole = study.run(0).summary();
        assertEquals(3, whole.at("/training/phases/0/epochs_run").asInt());
        assertTrue(whole.at("/resources/budget").isNull(), "trial 0 ran every epoch: " + whole.at("/resources/budget"));

        RunRecord stopped = study.run(1);
        assertEquals("succeeded", stopped.status());
        JsonNode budget = stopped.summary().at("/resources/budget");
        assertEquals("study.samples", budget.path("stopped_by").asText(), budget.toString());
        assertEquals(1, budget.at("/stopped_at/epoch").asInt());
        assertTrue(budget.path("samples").isNull(), "the trial's pipeline has no budget of its own");
        assertEquals(perEpoch, budget.at("/spent/samples").asLong());
        assertEquals(1, stopped.summary().at("/training/phases/0/epochs_run").asInt());
        assertEquals(List.of(1), List.copyOf(study.trial(1).intermediate().keySet()));
        assertEquals((double) perEpoch, study.trial(1).intermediate().get(1).get("spent.samples"));

        host().cli("tune", "--status", "limited").assertExit(0)
                .assertOutContains("spent on training, all trials: samples " + String.format(Locale.ROOT, "%,d", 4 * perEpoch));

        // Resumed with more budget: the 4 epochs spent count; one more trial of 3 epochs spends the rest.
        CliResult resumed = host().tune(STUDY, "--set", "tune.name=limited", "--set", "tune.budget={samples: " + 7 * perEpoch + "}")
                .assertExit(0).assertOutContains("resuming study limited: 2 of 10 trials done")
                .assertOutContains("the study's budget is spent (study.samples): samples " + String.format(Locale.ROOT, "%,d of %,d",
                        7 * perEpoch, 7 * perEpoch));
        List<TrialRecord> trials = host().study("limited").trials();
        assertEquals(3, trials.size(), resumed.all());
        assertEquals(3, study.run(2).summary().at("/training/phases/0/epochs_run").asInt());
        assertEquals("study.samples", study.run(2).summary().at("/resources/budget/stopped_by").asText(),
                "its last epoch spent the budget");
    }

    @Test
    void aBadStudyBudgetIsBadInputNamingItsPath() {
        host().tune(STUDY, "--set", "tune.name=bad", "--set", "tune.budget={flops: -1}").assertExit(2)
                .assertErrContains("tune.budget.flops: must be positive");
    }

    /** Samples one epoch of the study's pipeline feeds: its training rows. */
    private long samplesPerEpoch() {
        host().tune(STUDY, "--set", "tune.name=probe", "--set", "tune.trials=1").assertExit(0);
        return host().study("probe").run(0).summary().at("/data/tasks/specific/labelled/train").asLong();
    }
}
