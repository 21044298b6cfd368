package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.fulcrum.core.tune.MadeUpTrials.BOTH;
import static dev.fulcrum.core.tune.MadeUpTrials.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StudyStatusTest {

    private static final List<TrialRecord> HISTORY = List.of(
            complete(0, 0.80, 0.90),
            complete(1, 0.90, 0.80),
            MadeUpTrials.pruned(2, 3),
            MadeUpTrials.failed(3, "strategy.learning-rate: must be positive, got -0.1"),
            complete(4, Map.of(), 0.99, 0.99, false),
            complete(5, 0.85, 0.85),
            MadeUpTrials.running(6),
            MadeUpTrials.waiting(7),
            complete(8, 0.70, 0.70));

    private static String status(SelectRule select, List<TrialRecord> trials) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StudyStatus.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "balance", BOTH, select, trials);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsProgressBestValuesTheFrontItsHypervolumeAndTheSelectedTrial() {
        SelectRule select = SelectRule.read(ConfigDocument.parse(
                "select: {max: specific.accuracy, subject-to: \"general.accuracy >= 0.85\"}", "p.yaml"), ConfigPath.parse("select"));
        // The front (0.80, 0.90), (0.90, 0.80), (0.85, 0.85) against (0, 0): 0.90 * 0.80 + 0.85 * 0.05 + 0.80 * 0.05.
        assertEquals("""
                study balance: 9 trials: 5 complete (1 infeasible), 1 pruned, 1 failed, 1 running, 1 waiting
                best validation.specific.accuracy (max): 0.9000, trial 1
                best validation.general.accuracy (max): 0.9000, trial 0
                front: 3 trials: 0, 1, 5
                hypervolume: 0.802500 against the reference point (validation.specific.accuracy 0.0000, validation.general.accuracy 0.0000)
                selected: trial 5, by max validation.specific.accuracy subject to validation.general.accuracy >= 0.85
                spent on training, all trials: samples 0, flops 0.00, seconds 0.0
                """, status(select, HISTORY));
    }

    @Test
    void withoutARuleTheFrontTrialBestOnTheFirstObjectiveIsSelected() {
        String text = status(null, HISTORY);
        assertEquals("selected: trial 1, without tune.select: the front trial best on validation.specific.accuracy (max)",
                text.lines().toList().get(5));
    }

    @Test
    void aRuleNoFrontTrialCanMeetSaysWhy() {
        SelectRule onMissingMetric = SelectRule.read(ConfigDocument.parse("select: {max: specific.macro_f1}", "p.yaml"),
                ConfigPath.parse("select"));
        assertEquals("selected: none: no front trial has validation.specific.macro_f1",
                status(onMissingMetric, HISTORY).lines().toList().get(5));
        SelectRule unmet = SelectRule.read(ConfigDocument.parse("select: {max: specific.accuracy, subject-to: "
                + "\"general.accuracy > 0.95\"}", "p.yaml"), ConfigPath.parse("select"));
        assertEquals("selected: none: no front trial meets validation.general.accuracy > 0.95",
                status(unmet, HISTORY).lines().toList().get(5));
    }

    @Test
    void aStudyWithoutCompleteTrialsSaysWhatItLacks() {
        assertEquals("""
                study balance: 2 trials: 0 complete, 1 pruned, 0 failed, 0 running, 1 waiting
                best validation.specific.accuracy (max): none yet
                best validation.general.accuracy (max): none yet
                front: none yet
                hypervolume: none yet (no complete trial)
                selected: none: the front is empty (no complete, feasible trial yet)
                spent on training, all trials: samples 0, flops 0.00, seconds 0.0
                """, status(null, List.of(MadeUpTrials.pruned(0, 1), MadeUpTrials.waiting(1))));
    }
}
