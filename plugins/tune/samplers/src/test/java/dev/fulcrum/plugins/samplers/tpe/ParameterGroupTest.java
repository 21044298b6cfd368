package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.FixedParameter;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.api.tune.SearchSpace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterGroupTest {

    private static final SearchSpace SPACE = new SearchSpace(List.of(
            new ChoiceParameter("strategy.type", List.of("multi-task", "layer-wise"), Map.of()),
            new FloatParameter("strategy.specific-share", 0.05, 0.5, false, null, Map.of("strategy.type", List.of("multi-task"))),
            new FloatParameter("strategy.learning-rate", 1e-4, 1e-2, true, null, Map.of()),
            new IntParameter("strategy.warmup", 0, 5, false, 1, Map.of("strategy.type", List.of("multi-task"))),
            new IntParameter("strategy.epochs", 4, 4, false, 1, Map.of()),
            new FixedParameter("split.validation", 0.2, Map.of())));

    private static List<String> paths(List<? extends Parameter> parameters) {
        return parameters.stream().map(Parameter::path).toList();
    }

    @Test
    void jointGroupsHoldTheParametersOfOneConditionAndModelOnlyThoseWithSeveralValues() {
        List<ParameterGroup> groups = ParameterGroup.of(SPACE, true);
        assertEquals(2, groups.size());
        assertEquals(List.of("strategy.type", "strategy.learning-rate", "strategy.epochs", "split.validation"), paths(groups.get(0).members()));
        assertEquals(List.of("strategy.type", "strategy.learning-rate"), groups.get(0).axes().stream().map(a -> a.parameter().path()).toList());
        assertEquals(List.of("strategy.specific-share", "strategy.warmup"), paths(groups.get(1).members()));
        Map<String, Object> values = groups.get(0).values(new double[] {1, Math.log(1e-3)});
        assertEquals("layer-wise", values.get("strategy.type"));
        assertEquals(1e-3, (Double) values.get("strategy.learning-rate"), 1e-15);
        assertEquals(4L, values.get("strategy.epochs"), "a single-valued member takes its one value");
        assertEquals(0.2, values.get("split.validation"));
        assertTrue(groups.get(1).active(Map.of("strategy.type", "multi-task")));
        assertFalse(groups.get(1).active(Map.of("strategy.type", "layer-wise")));
    }

    @Test
    void independentGroupsHoldOneParameterEach() {
        assertEquals(List.of(List.of("strategy.type"), List.of("strategy.specific-share"), List.of("strategy.learning-rate"),
                        List.of("strategy.warmup"), List.of("strategy.epochs"), List.of("split.validation")),
                ParameterGroup.of(SPACE, false).stream().map(g -> paths(g.members())).toList());
    }

    @Test
    void aTrialLackingAMemberIsNoObservationOfTheGroup() {
        ParameterGroup conditional = ParameterGroup.of(SPACE, true).get(1);
        assertTrue(conditional.coordinates(Trials.complete(0, Map.of("strategy.type", "multi-task", "strategy.specific-share", 0.1,
                "strategy.warmup", 2L), Map.of())).isPresent());
        assertFalse(conditional.coordinates(Trials.complete(1, Map.of("strategy.type", "layer-wise"), Map.of())).isPresent());
        assertFalse(conditional.coordinates(Trials.complete(2, Map.of("strategy.specific-share", 0.9, "strategy.warmup", 2L), Map.of()))
                .isPresent(), "a value outside the range, as the pipeline as written may hold, is no observation");
    }
}
