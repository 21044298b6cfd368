package dev.fulcrum.plugins.pretrainfinetune;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.testkit.ParamsYaml;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FineTuneScheduleTest {

    private static final List<String> TRUNK = List.of("a", "b", "c");

    private static Map<String, Double> rates(double a, double b, double c) {
        return Map.of("a", a, "b", b, "c", c);
    }

    @Test
    void gradualUnfreezingAddsOneLayerFromTheTopEveryFewEpochsWithDiscriminativeRates() {
        FineTuneSchedule schedule = new FineTuneSchedule(TRUNK, "none", 2, 2.0);
        assertEquals(rates(0, 0, 0), schedule.at(0));
        assertEquals(rates(0, 0, 0), schedule.at(1));
        assertEquals(rates(0, 0, 0.5), schedule.at(2));
        assertEquals(rates(0, 0.25, 0.5), schedule.at(5));
        assertEquals(rates(0.125, 0.25, 0.5), schedule.at(6));
        assertEquals(rates(0.125, 0.25, 0.5), schedule.at(100));
    }

    @Test
    void withoutGradualUnfreezingEveryLayerTrainsFromTheStart() {
        assertEquals(rates(1, 1, 1), new FineTuneSchedule(TRUNK, "none", 0, 1.0).at(0));
        FineTuneSchedule ulmfit = new FineTuneSchedule(TRUNK, "none", 0, 2.6);
        assertEquals(Math.pow(2.6, -3), ulmfit.at(0).get("a"), 1e-12);
        assertEquals(1 / 2.6, ulmfit.at(0).get("c"), 1e-12);
    }

    @Test
    void frozenLayersStayFrozenWhateverTheEpoch() {
        assertEquals(rates(0, 0, 0), new FineTuneSchedule(TRUNK, "trunk", 0, 1.0).at(50));
        FineTuneSchedule belowC = new FineTuneSchedule(TRUNK, "b", 1, 1.0);
        assertEquals(rates(0, 0, 0), belowC.at(0));
        assertEquals(rates(0, 0, 1), belowC.at(1));
        assertEquals(rates(0, 0, 1), belowC.at(9));
    }

    @Test
    void aLayerTheTrunkDoesNotHaveIsAnErrorNamingTheTrunk() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> new FineTuneSchedule(TRUNK, "dense-9", 0, 1.0));
        assertEquals("strategy.freeze: the model has no trunk layer \"dense-9\"; expected none, trunk, auto or one of [a, b, c]", error.getMessage());
    }

    @Test
    void paramsAreCheckedByField() {
        assertEquals("params.yaml:1: lr-decay: must be at least 1, got 0.5", ParamsYaml.error(PretrainFinetuneParams.class, "lr-decay: 0.5"));
        assertEquals("params.yaml:1: unfreeze-every: must be at least 0, got -1",
                ParamsYaml.error(PretrainFinetuneParams.class, "unfreeze-every: -1"));
        assertEquals("params.yaml:2: early-stopping.patience: must be at least 1, got 0",
                ParamsYaml.error(PretrainFinetuneParams.class, "early-stopping:\n  patience: 0\n"));
        assertEquals("freeze", assertThrows(InvalidParamsException.class, () -> new PretrainFinetuneParams(null, null, null,
                null, null, null, " ", null, null, null, null, null, null, null)).field());
        assertTrue(new PretrainFinetuneParams(null, null, null, null, null, null, null, null, null, null, null, null, null, null).earlyStopping() == null,
                "fine-tuning runs every epoch unless asked to stop early");
        assertTrue(new PretrainFinetuneParams(null, null, null, null, null, null, null, null, null, null, null, null, null, null).interpolate() == null,
                "no interpolation unless asked");
    }

    @Test
    void freezeAutosSettingsAreRefusedWithoutItAndAnUnknownScoreIsNamed() {
        assertEquals("params.yaml:1: freeze-tolerance: applies only with freeze: auto, but freeze is none",
                ParamsYaml.error(PretrainFinetuneParams.class, "freeze-tolerance: 0.1"));
        assertEquals("params.yaml:1: freeze-score: applies only with freeze: auto, but freeze is trunk",
                ParamsYaml.error(PretrainFinetuneParams.class, "{freeze: trunk, freeze-score: probe}"));
        assertEquals("params.yaml:1: freeze-score: expected logme or probe, got \"cka\"",
                ParamsYaml.error(PretrainFinetuneParams.class, "{freeze: auto, freeze-score: cka}"));
        assertEquals("params.yaml:1: freeze-rows: must be at least 2, got 1",
                ParamsYaml.error(PretrainFinetuneParams.class, "{freeze: auto, freeze-rows: 1}"));
    }
}
