package dev.fulcrum.html;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which sections apply to which run: each appears exactly where its data is. */
class SectionsTest {

    @TempDir
    Path folder;

    private static List<String> applying(RunView run) {
        return RunReport.sections().stream().filter(section -> section.applies(run)).map(ReportSection::id).toList();
    }

    private RunView runWithSummary(String summary) throws IOException {
        Files.writeString(folder.resolve("summary.json"), summary);
        return RunView.read(folder);
    }

    @Test
    void aRunWithABalanceAndCalibrationButNothingElseGetsThoseTwo() {
        assertEquals(List.of("balance", "reliability"), applying(RunView.read(RunReportTest.fixture("calibrated"))));
    }

    @Test
    void aRunThatFailedBeforeTrainingHasNoBalanceOnlyItsConfig() {
        assertEquals(List.of("config"), applying(RunView.read(RunReportTest.fixture("failed"))));
    }

    @Test
    void calibrationWithoutBinsDrawsNoDiagram() throws IOException {
        assertEquals(List.of(), applying(runWithSummary("{\"calibration\": {\"test\": {\"specific\": {\"bins\": []}}}}")));
    }

    @Test
    void eachRecordOfTheSummaryBringsItsOwnSection() throws IOException {
        assertEquals(List.of("tasks"), applying(runWithSummary(
                "{\"classes\": {\"test\": {\"specific\": {\"labels\": [\"a\"], \"confusion\": [[1]], \"per_class\": {}}}}}")));
        assertEquals(List.of("domain-gap"), applying(runWithSummary("{\"domain_gap\": {\"before\": {}, \"after\": {}}}")));
        assertEquals(List.of("fairness"), applying(runWithSummary("{\"audit\": null, \"gates\": [{\"passed\": true}]}")));
        assertEquals(List.of("timing"), applying(runWithSummary("{\"timing\": {\"stages\": {}}}")));
        assertEquals(List.of(), applying(runWithSummary("{\"audit\": null, \"gates\": [], \"domain_gap\": null}")));
    }

    @Test
    void anInterpolatedRunHasItsCurveAndARunWithoutOneDoesNot() throws IOException {
        assertEquals(List.of("balance", "interpolation"), applying(RunView.read(RunReportTest.fixture("interpolated"))));
        assertEquals(List.of(), applying(runWithSummary("{\"interpolation\": null, \"balance\": {\"curve\": null}}")));
    }

    @Test
    void aRunThatChoseItsFreezeByScoresShowsThemAndARunThatDidNotDoesNot() throws IOException {
        assertEquals(List.of("layer-choice"), applying(RunView.read(RunReportTest.fixture("auto-frozen"))));
        assertEquals(List.of(), applying(runWithSummary("{\"training\": {\"phases\": [], \"layer_choice\": null}}")));
    }

    @Test
    void anEnsembleRunGetsItsMembersAgainstTheEnsembleAndOnlyThen() throws IOException {
        assertEquals(List.of("ensemble"), applying(RunView.read(RunReportTest.fixture("ensemble"))));
        assertEquals(List.of(), applying(runWithSummary("{\"ensemble\": null}")));
    }

    @Test
    void aSoupGetsItsStepsBesideItsMembersAndAnOutputEnsembleDoesNot() throws IOException {
        assertEquals(List.of("ensemble", "soup"), applying(RunView.read(RunReportTest.fixture("soup"))));
        assertEquals(List.of("ensemble"), applying(RunView.read(RunReportTest.fixture("ensemble"))));
        assertEquals(List.of(), applying(runWithSummary("{\"ensemble\": {\"members\": [], \"soup\": null}}")));
    }

    @Test
    void aPhaseThatAveragedItsWeightsBringsTheAveragingSection() throws IOException {
        assertEquals(List.of("averaging", "timing"), applying(runWithSummary(
                "{\"training\": {\"phases\": [{\"name\": \"p\", \"averaging\": {\"type\": \"swa\"}}]}, \"timing\": {\"stages\": {}}}")));
        assertEquals(List.of(), applying(runWithSummary("{\"training\": {\"phases\": [{\"name\": \"p\", \"averaging\": null}]}}")));
    }

    @Test
    void anInspectedRunShowsItsRepresentationsAndOnlyWithTheFile() throws IOException {
        assertEquals(List.of("representations"), applying(RunView.read(RunReportTest.fixture("inspected"))));
        assertEquals(List.of(), applying(runWithSummary("{\"representations\": {\"models\": []}}")));
        Files.writeString(folder.resolve("representations.json"), "{\"schema_version\": 1, \"models\": []}");
        assertEquals(List.of(), applying(runWithSummary("{}")), "no model measured, nothing to show");
    }

    @Test
    void learningCurvesNeedMetricsLines() throws IOException {
        Files.writeString(folder.resolve("metrics.jsonl"),
                "{\"phase\":\"supervised\",\"epoch\":1,\"global_epoch\":1,\"split\":\"train\",\"loss\":0.5}\n");
        assertEquals(List.of("curves"), applying(runWithSummary("{}")));
    }
}
