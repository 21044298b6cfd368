package dev.fulcrum.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.cli.FulcrumCli;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.tune.SelectRule;
import dev.fulcrum.core.tune.StudyOutputs;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.fulcrum.distribution.StudyFixture.OBJECTIVES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a study leaves in its folder, from real trial runs: trials.csv, pareto.json, best.yaml; and compare on it. */
class StudyOutputsIT extends SharedHostTest {

    private StudyFixture fixture;

    @Override
    protected TestHost createHost() {
        return TestHost.withJars(Launcher.pluginJars());
    }

    @BeforeAll
    void runTheTrials() {
        fixture = new StudyFixture(host(), "balance-study");
    }

    private static SelectRule rule(String select) {
        return SelectRule.read(ConfigDocument.parse("select: " + select, "test"), ConfigPath.parse("select"));
    }

    private JsonNode pareto() throws IOException {
        return Json.MAPPER.readTree(fixture.study.resolve("pareto.json").toFile());
    }

    /** {@code fulcrum compare} in-process; it takes no host options, so not through {@link TestHost#cli}. */
    private static String compare(String... folders) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[folders.length + 1];
        args[0] = "compare";
        System.arraycopy(folders, 0, args, 1, folders.length);
        int code = FulcrumCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        new CliResult(code, out.toString(), err.toString()).assertExit(0);
        return out.toString();
    }

    private static String value(RunRecord run, String task) {
        return String.valueOf(run.metric("validation", task, "accuracy"));
    }

    @Test
    void trialsCsvHasARowPerTrialWithItsParamsValuesAndRunFolder() throws IOException {
        StudyOutputs.write(fixture.study, OBJECTIVES, null, fixture.trials);
        List<String> lines = List.of(Files.readString(fixture.study.resolve("trials.csv")).split("\r\n"));
        assertEquals(List.of(
                "number,state,strategy.tasks,validation.specific.accuracy,validation.general.accuracy,feasible,seconds,"
                        + "pruned_step,run_folder,error",
                "0,complete,[specific]," + value(fixture.specificRun, "specific") + "," + value(fixture.specificRun, "general")
                        + ",true,12.3,," + fixture.specificRun.folder().getFileName() + ",",
                "1,complete,[general]," + value(fixture.generalRun, "specific") + "," + value(fixture.generalRun, "general")
                        + ",true,12.3,," + fixture.generalRun.folder().getFileName() + ",",
                "2,pruned,\"[specific, general]\",,,,2.0,1,,",
                "3,failed,[domain],,,,1.0,,,\"trial 3: strategy.tasks[0]: unknown task \"\"domain\"\"\""), lines);
    }

    @Test
    void paretoJsonHoldsTheFrontWithValidationMetricsAndTestMetricsOfTheSelectedTrialOnly() throws IOException {
        SelectRule select = rule("{max: specific.macro_f1}");
        StudyOutputs.write(fixture.study, OBJECTIVES, select, fixture.trials);
        JsonNode pareto = pareto();
        assertEquals(1, pareto.path("schema_version").asInt());
        assertEquals("balance-study", pareto.path("study").asText());
        assertEquals(Json.MAPPER.readTree("[{\"metric\": \"validation.specific.accuracy\", \"direction\": \"max\"},"
                + " {\"metric\": \"validation.general.accuracy\", \"direction\": \"max\"}]"), pareto.path("objectives"));
        JsonNode front = pareto.path("front");
        assertEquals(2, front.size(), front::toPrettyString);
        RunRecord[] runs = {fixture.specificRun, fixture.generalRun};
        for (int i = 0; i < 2; i++) {
            JsonNode trial = front.get(i);
            assertEquals(i, trial.path("trial").asInt());
            assertEquals(i == 0, trial.path("selected").asBoolean());
            assertEquals(runs[i].folder().getFileName().toString(), trial.path("run_folder").asText());
            assertEquals(runs[i].summary().at("/metrics/validation"), trial.path("validation"));
            assertEquals(runs[i].metric("validation", "general", "accuracy"),
                    trial.path("values").path("validation.general.accuracy").asDouble());
        }
        assertEquals(fixture.specificRun.summary().at("/metrics/test"), front.get(0).path("test"));
        assertFalse(front.get(1).has("test"), "test metrics are shown for the selected trial only");
        assertEquals(Json.MAPPER.readTree("{\"trial\": 0, \"rule\": {\"max\": \"validation.specific.macro_f1\"},"
                + " \"how\": \"by max validation.specific.macro_f1\"}"), pareto.path("selected"));

        double sa = fixture.specificRun.metric("validation", "specific", "accuracy");
        double ga = fixture.specificRun.metric("validation", "general", "accuracy");
        double sb = fixture.generalRun.metric("validation", "specific", "accuracy");
        double gb = fixture.generalRun.metric("validation", "general", "accuracy");
        JsonNode hypervolume = pareto.path("hypervolume");
        // Two boxes from (0, 0), trial 0 wider and trial 1 taller, overlapping in [0, sb] x [0, ga].
        assertEquals(sa * ga + sb * gb - sb * ga, hypervolume.path("value").asDouble(), 1e-12);
        assertEquals(Json.MAPPER.readTree("{\"validation.specific.accuracy\": 0.0, \"validation.general.accuracy\": 0.0}"),
                hypervolume.path("reference_point"));
        assertEquals("0 for a maximised accuracy or macro_f1, else the worst value over the complete trials",
                hypervolume.path("reference_rule").asText());
    }

    @Test
    void bestYamlIsTheSelectedTrialsPipelineAndReplaysIt() throws IOException {
        StudyOutputs.write(fixture.study, OBJECTIVES, rule("{max: general.accuracy}"), fixture.trials);
        Path best = fixture.study.resolve("best.yaml");
        String folder = fixture.generalRun.folder().getFileName().toString();
        assertEquals("# Study balance-study, trial 1, selected by max validation.general.accuracy.\n"
                + "# The trial's resolved pipeline (" + folder + "/config.yaml): fulcrum run best.yaml replays it.\n"
                + fixture.generalRun.config(), Files.readString(best));
        host().cli("run", best.toString()).assertExit(0);
        assertEquals(fixture.generalRun.summary().get("metrics"), host().latestRun().summary().get("metrics"));
    }

    @Test
    void whenNoFrontTrialMeetsTheRuleNoneIsSelectedAndBestYamlIsGone() throws IOException {
        StudyOutputs.write(fixture.study, OBJECTIVES, null, fixture.trials);
        assertTrue(Files.isRegularFile(fixture.study.resolve("best.yaml")));
        StudyOutputs.write(fixture.study, OBJECTIVES, rule("{max: specific.accuracy, subject-to: \"general.macro_f1 > 1\"}"),
                fixture.trials);
        JsonNode pareto = pareto();
        assertTrue(pareto.path("selected").path("trial").isNull(), pareto::toPrettyString);
        assertEquals("none: no front trial meets validation.general.macro_f1 > 1.0", pareto.path("selected").path("how").asText());
        pareto.path("front").forEach(trial -> assertFalse(trial.has("test"), trial::toPrettyString));
        assertFalse(Files.exists(fixture.study.resolve("best.yaml")));
    }

    @Test
    void withoutARuleTheFrontTrialBestOnTheFirstObjectiveIsSelected() throws IOException {
        StudyOutputs.write(fixture.study, OBJECTIVES, null, fixture.trials);
        JsonNode selected = pareto().path("selected");
        assertEquals(0, selected.path("trial").asInt());
        assertTrue(selected.path("rule").isNull());
        assertEquals("without tune.select: the front trial best on validation.specific.accuracy (max)",
                selected.path("how").asText());
    }

    @Test
    void compareOnAStudyFolderPrintsItsFrontBesideTheRunsTable() throws IOException {
        StudyOutputs.write(fixture.study, OBJECTIVES, null, fixture.trials);
        String[] lines = compare(fixture.study.toString()).split("\n");
        String hypervolume = String.format(Locale.ROOT, "%.6f", pareto().path("hypervolume").path("value").asDouble());
        assertEquals("study balance-study: 2 trials on the front, hypervolume " + hypervolume
                + "; selected: trial 0, without tune.select: the front trial best on validation.specific.accuracy (max)", lines[0]);
        assertEquals("trial  selected  strategy.tasks  validation.specific.accuracy  validation.general.accuracy", lines[1]);
        assertEquals(String.format(Locale.ROOT, "0      *         [specific]      %28.4f  %27.4f",
                fixture.specificRun.metric("validation", "specific", "accuracy"),
                fixture.specificRun.metric("validation", "general", "accuracy")), lines[2]);
        assertEquals(String.format(Locale.ROOT, "1                [general]       %28.4f  %27.4f",
                fixture.generalRun.metric("validation", "specific", "accuracy"),
                fixture.generalRun.metric("validation", "general", "accuracy")), lines[3]);
        assertEquals(4, lines.length);

        String runAlone = compare(fixture.specificRun.folder().toString());
        String both = compare(fixture.specificRun.folder().toString(), fixture.study.toString());
        assertEquals(runAlone + "\n" + String.join("\n", lines) + "\n", both);
    }
}
