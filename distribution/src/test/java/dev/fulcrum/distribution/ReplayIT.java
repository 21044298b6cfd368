package dev.fulcrum.distribution;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.pipeline.SavedModel;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run folder is enough to redo the run, and its model.zip to predict again. */
class ReplayIT extends SharedHostTest {

    private static final String PIPELINE = """
            name: replay
            seed: 3
            data:
              specific: {type: synthetic, rows: 600}
            model: {type: mlp, hidden: [16]}
            strategy: {type: supervised, epochs: 3, tasks: [specific, general]}
            """;

    @Override
    protected TestHost createHost() {
        return TestHost.withJars(Launcher.pluginJars());
    }

    @Test
    void theResolvedConfigReplaysTheRunExactly() {
        RunRecord first = host().runSucceeding(PIPELINE);
        RunRecord replay = host().runSucceeding(first.config());
        assertEquals(first.summary().get("metrics"), replay.summary().get("metrics"));
    }

    @Test
    void theSavedModelPredictsWhatTheRunMeasured() {
        String pipeline = PIPELINE.replace("rows: 600", "rows: 600, target-share: 0.0");
        RunRecord run = host().runSucceeding(pipeline);
        SavedModel saved = SavedModel.load(run.model(), host().host());
        Dataset rows = host().validate(pipeline).specific().component().load();
        INDArray probabilities = saved.probabilities(rows).get("specific");
        int[] labels = rows.labels("specific");
        int[] predicted = probabilities.argMax(1).toIntVector();
        double correct = 0;
        double labelled = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != Dataset.NO_LABEL) {
                labelled++;
                correct += labels[i] == predicted[i] ? 1 : 0;
            }
        }
        double measured = 0;
        double counted = 0;
        for (String split : new String[] {"train", "validation", "test"}) {
            measured += run.metric(split, "specific", "accuracy") * run.metric(split, "specific", "count");
            counted += run.metric(split, "specific", "count");
        }
        assertEquals(counted, labelled);
        assertEquals(measured / counted, correct / labelled, 1e-9);
    }
}
