package dev.fulcrum.plugins.pretrainfinetune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import dev.fulcrum.runtime.config.ConfigException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WiSE-FT through pretrain-finetune's interpolate option, on the real plugin jars and synthetic rows. */
class InterpolationIT extends SharedHostTest {

    /** The pipeline of {@link PretrainFinetuneTrainingIT}, whose runs are pretrain-finetune without interpolation. */
    private static final String PIPELINE = PretrainFinetuneTrainingIT.PIPELINE;

    /** The validation line of a phase's epoch in metrics.jsonl. */
    private static JsonNode validation(RunRecord run, String phase, int epoch) {
        return run.validationLines().stream()
                .filter(line -> line.path("phase").asText().equals(phase) && line.path("epoch").asInt() == epoch)
                .findFirst().orElseThrow(() -> new AssertionError("no validation line for " + phase + " epoch " + epoch));
    }

    private static void assertPointIs(JsonNode point, JsonNode validationLine) {
        assertEquals(validationLine.path("metrics").path("specific").path("accuracy").asDouble(), point.path("specific").asDouble(), 1e-12,
                point + " against " + validationLine);
        assertEquals(validationLine.path("metrics").path("general").path("accuracy").asDouble(), point.path("general").asDouble(), 1e-12,
                point + " against " + validationLine);
    }

    @Test
    void theCurveRunsFromThetaZeroToTheFineTunedModelAndTheBestMeanIsKept() throws IOException {
        RunRecord run = host().runSucceeding(PIPELINE, "strategy.interpolate={}");
        JsonNode curve = run.summary().path("balance").path("curve");
        assertEquals(11, curve.size(), curve.toString());
        assertEquals(0.0, curve.get(0).path("alpha").asDouble());
        assertEquals(1.0, curve.get(10).path("alpha").asDouble());
        assertPointIs(curve.get(0), validation(run, "finetune", 2));
        assertPointIs(curve.get(10), validation(run, "finetune", 6));

        JsonNode interpolation = run.summary().path("interpolation");
        double bestMean = 0;
        double bestAlpha = -1;
        for (JsonNode point : curve) {
            double mean = (point.path("specific").asDouble() + point.path("general").asDouble()) / 2;
            if (mean > bestMean) {
                bestMean = mean;
                bestAlpha = point.path("alpha").asDouble();
            }
        }
        assertEquals(bestAlpha, interpolation.path("chosen_alpha").asDouble(), interpolation.toString());
        assertEquals("mean", interpolation.path("rule").asText());
        assertTrue(interpolation.path("rule_met").asBoolean());
        assertEquals(run.metric("test", "specific", "accuracy"), interpolation.path("test").path("specific").asDouble(), 1e-12);
        assertEquals(run.summary().path("balance").path("general").asDouble(), interpolation.path("test").path("general").asDouble(), 1e-12);
        assertTrue(interpolation.path("fine_tuned_test").path("specific").isNumber(), interpolation.toString());

        assertEquals("theta0.zip", interpolation.path("theta0").asText());
        ComputationGraph theta0 = ModelSerializer.restoreComputationGraph(run.folder().resolve("theta0.zip").toFile(), false);
        ComputationGraph model = ModelSerializer.restoreComputationGraph(run.model().toFile(), false);
        assertEquals(model.paramTable().keySet(), theta0.paramTable().keySet());
        try (ZipFile zip = new ZipFile(run.folder().resolve("theta0.zip").toFile())) {
            assertNull(zip.getEntry("updaterState.bin"), "theta0.zip holds the parameters only, no updater state");
        }
        assertTrue(host().progress().contains("interpolation: alpha " + bestAlpha + " chosen by rule mean"), host().progress());
    }

    @Test
    void withoutHeadOnlyEpochsAProbePhaseTrainsTheSpecificHeadFirst() {
        RunRecord run = host().runSucceeding(PIPELINE, "strategy.unfreeze-every=0",
                "strategy.interpolate={alphas: [0, 0.5, 1], probe-epochs: 2}");
        JsonNode phases = run.summary().path("training").path("phases");
        assertEquals(List.of("pretrain", "probe", "finetune"),
                List.of(phases.get(0).path("name").asText(), phases.get(1).path("name").asText(), phases.get(2).path("name").asText()));
        assertEquals(2, phases.get(1).path("epochs_run").asInt());
        JsonNode curve = run.summary().path("balance").path("curve");
        assertEquals(3, curve.size());
        assertPointIs(curve.get(0), validation(run, "probe", 2));
        assertEquals(validation(run, "pretrain", 4).path("metrics").path("general").path("accuracy").asDouble(),
                curve.get(0).path("general").asDouble(), 1e-12, "the probe moves the specific head only");
    }

    @Test
    void ruleSpecificKeepsTheGeneralBound() {
        RunRecord run = host().runSucceeding(PIPELINE, "strategy.interpolate={rule: specific, min-general: 0.5}");
        JsonNode interpolation = run.summary().path("interpolation");
        assertEquals(0.5, interpolation.path("min_general").asDouble());
        double chosen = interpolation.path("chosen_alpha").asDouble();
        double bestSpecific = -1;
        for (JsonNode point : run.summary().path("balance").path("curve")) {
            if (point.path("general").asDouble() >= 0.5) {
                bestSpecific = Math.max(bestSpecific, point.path("specific").asDouble());
            }
        }
        assertTrue(interpolation.path("rule_met").asBoolean(), interpolation.toString());
        assertEquals(bestSpecific, interpolation.path("validation").path("specific").asDouble(), 1e-12, "alpha " + chosen);
        assertTrue(interpolation.path("validation").path("general").asDouble() >= 0.5, interpolation.toString());
    }

    @Test
    void thetaZeroIsSavedWithoutInterpolationToo() {
        RunRecord run = host().runSucceeding(PIPELINE);
        assertTrue(run.files().contains("theta0.zip"), run.files().toString());
        assertTrue(run.summary().path("interpolation").isNull());
        assertTrue(run.summary().path("balance").path("curve").isNull());
    }

    @Test
    void aTrunkThatNeverTrainsAfterThetaZeroIsRefusedWithTheReason() {
        assertEquals("strategy.interpolate: the trunk never trains after theta_0 (freeze: trunk, unfreeze-every: 2, epochs: 6), "
                + "so only the specific head would move and the general side of the curve would be flat; let the trunk train "
                + "in fine-tuning or drop interpolate",
                host().runInvalid(PIPELINE, "strategy.freeze=trunk", "strategy.interpolate={}").errorMessage());
        ConfigException noBound = assertThrows(ConfigException.class, () -> host().validate(PIPELINE, "strategy.interpolate={rule: specific}"));
        assertEquals("--set strategy.interpolate={rule: specific}: strategy.interpolate.min-general: rule specific needs the "
                + "least general accuracy to keep", noBound.getMessage());
    }
}
