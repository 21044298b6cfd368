package dev.fulcrum.plugins.fairnessmitigation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.cli.ExitCodes;
import dev.fulcrum.core.pipeline.SavedModel;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/fairness-mitigation.yaml, trained for real on half its rows for half its epochs, to keep
 * the build quick: without mitigation its four-fifths gate fails; with it, the gate passes, at a
 * cost in accuracy that the summary reports.
 */
class FairnessMitigationExampleIT extends SharedHostTest {

    static final Path EXAMPLE = Path.of("../../../examples/fairness-mitigation.yaml");
    private static final String[] QUICKER = {"data.specific.rows=4000", "strategy.epochs=4"};

    private CliResult baseline;
    private RunRecord mitigated;

    @BeforeAll
    void run() throws IOException {
        baseline = host().cli("run", EXAMPLE.toString(), "--set", "mitigate=[]", "--set", QUICKER[0], "--set", QUICKER[1]);
        mitigated = host().runSucceeding(Files.readString(EXAMPLE), QUICKER);
    }

    @Test
    void withoutMitigationTheFourFifthsGateFails() {
        baseline.assertExit(ExitCodes.GATE_FAILED);
        assertTrue(baseline.err().matches("(?s).*disparate_impact >= 0.8 \\[group]: disparate_impact on group is 0\\.[0-7]\\d*, "
                + "below the minimum 0.8 by .*"), baseline.all());
    }

    @Test
    void withMitigationItPassesAndTheAccuracyCostIsReported() {
        JsonNode summary = mitigated.summary();
        JsonNode gate = summary.path("gates").get(0);
        assertTrue(gate.path("passed").asBoolean(), gate.toString());
        JsonNode thresholds = summary.path("mitigation").path("mitigate[1]");
        double before = thresholds.path("test").path("accuracy_before").asDouble();
        double after = thresholds.path("test").path("accuracy_after").asDouble();
        assertEquals(before - after, thresholds.path("test").path("accuracy_cost").asDouble(), 1e-12);
        assertTrue(before > after, "equal selection rates should cost some accuracy here: " + before + " -> " + after);
        assertEquals(after, mitigated.number("audit", "audit[0]", "overall", "accuracy"), 1e-12,
                "the audit sees the post-processed decisions");
        assertEquals(before, mitigated.metric("test", "specific", "accuracy"), 1e-12);
        assertTrue(host().progress().contains("post-process: mitigate[1] (threshold-optimizer): test accuracy"), host().progress());
    }

    @Test
    void reweighingBalancesTheTrainingLabels() {
        JsonNode reweighing = mitigated.summary().path("mitigation").path("mitigate[0]");
        assertTrue(reweighing.path("label_parity_difference_before").asDouble() > 0.3, reweighing.toString());
        assertEquals(0.0, reweighing.path("label_parity_difference_after").asDouble(), 1e-6);
    }

    @Test
    void theThresholdsAreSavedWithTheModel() {
        SavedModel saved = SavedModel.load(mitigated.model(), host().host());
        assertTrue(saved.decisionRule().isPresent());
        @SuppressWarnings("unchecked")
        Map<String, Object> state = Json.MAPPER.convertValue(mitigated.summary().path("mitigation").path("mitigate[1]"), Map.class);
        state.remove("test");
        assertEquals(Json.tree(state), Json.tree(saved.decisionRule().get().state()));
        assertFalse(baseline.out().contains("post-process"));
    }
}
