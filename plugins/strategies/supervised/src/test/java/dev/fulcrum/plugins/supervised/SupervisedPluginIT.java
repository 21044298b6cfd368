package dev.fulcrum.plugins.supervised;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupervisedPluginIT extends PluginContract {

    private static final String PIPELINE = """
            name: supervised-it
            seed: 4
            data:
              specific: {type: synthetic, rows: 1200}
            model: {type: mlp, hidden: [32, 16]}
            strategy: {type: supervised, epochs: 10, batch-size: 32, learning-rate: 0.003}
            """;

    @Override
    protected String pluginId() {
        return "supervised";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.STRATEGY, List.of("supervised"));
    }

    @Test
    void learnsTheSpecificTaskAndTheSameSeedGivesTheSameRun() {
        RunRecord first = host().runSucceeding(PIPELINE);
        RunRecord second = host().runSucceeding(PIPELINE);
        JsonNode test = first.summary().at("/metrics/test");
        assertTrue(test.at("/specific/accuracy").asDouble() > 0.75, test.toString());
        assertEquals(test, second.summary().at("/metrics/test"));
        assertEquals(withoutTimes(first.summary().at("/training/phases/0")), withoutTimes(second.summary().at("/training/phases/0")));
    }

    private static JsonNode withoutTimes(JsonNode phase) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) phase.deepCopy()).without("seconds");
    }

    @Test
    void trainingBothTasksLearnsTheGeneralHeadToo() {
        RunRecord specificOnly = host().runSucceeding(PIPELINE);
        RunRecord both = host().runSucceeding(PIPELINE, "strategy.tasks=[specific, general]");
        double chance = 1.0 / 4;
        assertTrue(both.number("balance", "general") > chance + 0.25, both.summary().at("/balance").toString());
        assertTrue(both.number("balance", "general") > specificOnly.number("balance", "general") + 0.2);
    }

    @Test
    void earlyStoppingStopsAndKeepsTheBestEpoch() {
        RunRecord run = host().runSucceeding(PIPELINE, "strategy.epochs=200", "strategy.learning-rate=0.01",
                "strategy.early-stopping={metric: specific.loss, patience: 2}");
        JsonNode phase = run.summary().at("/training/phases/0");
        assertTrue(phase.get("stopped_early").asBoolean(), phase.toString());
        assertEquals(phase.get("epochs_run").asInt() - 2, phase.get("best_epoch").asInt());
        assertEquals(phase.get("epochs_run").asInt(), run.validationLines().size());
    }

    @Test
    void anEarlyStoppingMetricThatDoesNotExistFailsClearly() {
        assertEquals("early-stopping metric \"specific.acc\" does not exist; validation metrics are general.accuracy, "
                + "general.loss, general.macro_f1, specific.accuracy, specific.loss, specific.macro_f1",
                host().runInvalid(PIPELINE, "strategy.early-stopping.metric=specific.acc").errorMessage());
    }
}
