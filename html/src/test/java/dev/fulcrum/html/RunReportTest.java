package dev.fulcrum.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages of hand-made run folders ({@code src/test/resources/runs/}): what real runs do not have yet, or rarely. */
class RunReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path fixture(String name) {
        try {
            return Path.of(RunReportTest.class.getResource("/runs/" + name + "/summary.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void calibrationBinsInTheSummaryGiveAReliabilityDiagramOfThem() throws Exception {
        Document page = Jsoup.parse(RunReport.render(fixture("calibrated")));
        assertEquals(List.of("balance", "reliability"), page.select("main > section").eachAttr("id"));
        JsonNode option = JSON.readTree(page.getElementById("chart-data-reliability-0").data());
        assertEquals(JSON.readTree("[[0.55, 0.5], [0.75, 0.625], [0.95, 1.0]]"), option.at("/series/1/data"));
        assertEquals(JSON.readTree("[[0, 0], [1, 1]]"), option.at("/series/0/data"));
        assertEquals("0.0625", page.getElementById("figure-ece-0").attr("data-value"));
        assertEquals("0.1875", page.getElementById("figure-brier-0").attr("data-value"));
        assertEquals("0.4375", page.getElementById("figure-nll-0").attr("data-value"));
        Element bins = page.getElementById("reliability-bins-0");
        assertEquals(3, bins.select("tbody tr").size(), "only the bins with predictions are listed");
        assertEquals(List.of("0.9333", "1.0000", "0.9500", "1.0000", "64"), bins.select("tbody tr").get(2).children().eachText());
        assertEquals("test rows, specific", page.selectFirst("#reliability h3").text());
    }

    @Test
    void theInterpolationCurveIsPlottedAlphaByAlphaWithTheChosenPointMarked() throws Exception {
        Document page = Jsoup.parse(RunReport.render(fixture("interpolated")));
        JsonNode option = JSON.readTree(page.getElementById("chart-data-interpolation-curve").data());
        JsonNode curve = option.path("series").get(0);
        assertEquals("curve", curve.path("name").asText());
        assertEquals(3, curve.path("data").size());
        assertEquals("alpha 0.5", curve.path("data").get(1).path("name").asText());
        assertEquals(0.866, curve.path("data").get(1).path("value").get(0).asDouble());
        assertEquals(0.84, curve.path("data").get(1).path("value").get(1).asDouble());
        JsonNode chosen = option.path("series").get(1);
        assertEquals("chosen", chosen.path("name").asText());
        assertEquals("alpha 0.5", chosen.path("data").get(0).path("name").asText());
        assertEquals("0.5", page.getElementById("figure-chosen_alpha").attr("data-value"));
        assertEquals("0.597", page.getElementById("figure-fine_tuned_general").attr("data-value"));
        var rows = page.select("#interpolation-points tbody tr");
        assertEquals(3, rows.size());
        assertEquals("chosen", rows.get(1).child(0).className());
        assertEquals("", rows.get(0).child(0).className());
    }

    @Test
    void freezeAutoShowsEachCutsScoreInputSideFirstAndMarksTheChosenCut() throws Exception {
        Document page = Jsoup.parse(RunReport.render(fixture("auto-frozen")));
        var rows = page.select("#layer-choice-candidates tbody tr");
        assertEquals(List.of("input", "dense-1", "dense-2"), rows.stream().map(row -> row.child(0).text()).toList());
        assertEquals(List.of("dense-2", "dense-2", "-0.4100"), rows.get(2).children().eachText());
        assertEquals(List.of("dense-2"), page.select("#layer-choice-candidates td.chosen").eachText());
        JsonNode option = JSON.readTree(page.getElementById("chart-data-layer-choice-scores").data());
        assertEquals(-0.512, option.at("/series/0/data/0").asDouble());
        assertEquals("input", option.at("/xAxis/data/0").asText());
        String note = page.select("#layer-choice p.note").text();
        assertTrue(note.contains("Chosen: freeze dense-2, because dense-2 scores -0.4100"), note);
        assertTrue(page.select("#layer-choice b").isEmpty(), "the reason is escaped");
    }

    @Test
    void anEnsemblesMembersAreSetAgainstTheEnsembleOnAccuracyAndLikelihood() throws Exception {
        Document page = Jsoup.parse(RunReport.render(fixture("ensemble")));
        JsonNode option = JSON.readTree(page.getElementById("chart-data-ensemble-0").data());
        assertEquals(JSON.readTree("[[0.55, 0.8], [0.6, 0.78], [0.52, 0.82]]"), option.at("/series/0/data"));
        assertEquals(JSON.readTree("[[0.48, 0.84]]"), option.at("/series/1/data"));
        Element table = page.getElementById("ensemble-members-0");
        assertEquals(List.of("member 1", "member 2", "member 3", "ensemble"),
                table.select("tbody tr").stream().map(row -> row.child(0).text()).toList());
        assertEquals(List.of("ensemble", "0.8400", "0.0300", "0.4800"), table.select("tbody tr").get(3).children().eachText());
        assertTrue(page.selectFirst("#ensemble p.note").text().startsWith("soft combination of 3 members varying by seed"));
        assertEquals("ens<script>", page.selectFirst("h1").text(), "the name is escaped, not run");
    }

    @Test
    void anInspectedRunShowsEachModelsLayersTheDriftByDepthAndTheMatrixAgainstTheOtherRun() throws Exception {
        Document page = Jsoup.parse(RunReport.render(fixture("inspected")));
        assertEquals(List.of("representations"), page.select("main > section").eachAttr("id"));
        Element fine = page.getElementById("representations-model-0");
        assertEquals(List.of("layer", "units", "probe accuracy, general", "probe accuracy, specific", "LogME (specific)"),
                fine.select("thead th").eachText());
        assertEquals(List.of("dense-1", "256", "0.8750", "0.9300", "-0.5000"), fine.select("tbody tr").get(0).children().eachText());
        assertEquals(List.of("dense-2", "128", "0.8200", "0.9600", "-"), fine.select("tbody tr").get(1).children().eachText());
        assertEquals(2, page.select("#representations-model-1 tbody tr").size());
        assertEquals("-0.625", page.getElementById("figure-leep-1").attr("data-value"));
        JsonNode option = JSON.readTree(page.getElementById("chart-data-representations-drift").data());
        assertEquals(JSON.readTree("[\"dense-1\", \"dense-2\"]"), option.at("/xAxis/data"));
        assertEquals("general", option.at("/series/0/name").asText());
        assertEquals(JSON.readTree("[0.0625, 0.25]"), option.at("/series/0/data"));
        assertEquals(JSON.readTree("[0.125, null]"), option.at("/series/1/data"));
        assertEquals(List.of("dense-2", "0.2500", "-", "0.8000", "-"),
                page.select("#representations-drift-table tbody tr").get(1).children().eachText());
        Element against = page.getElementById("representations-against-0");
        assertEquals(List.of("layer", "dense-1", "dense-2", "dense-3"), against.select("thead th").eachText());
        assertEquals(List.of("dense-2", "0.5000", "0.8750", "-"), against.select("tbody tr").get(1).children().eachText());
        assertEquals("Against /runs/other</h4><script>alert(1)</script>", page.selectFirst("#representations h3:containsOwn(Against)").text());
        assertEquals(List.of("chart-data-representations-drift"), page.select("#representations script").eachAttr("id"),
                "the other run's name is text, not markup");
    }

    @Test
    void appliedCorrectionsFilesAreListedWithTheirHashesAndTheRowsEachActionChanged() throws Exception {
        Document page = Jsoup.parse(RunReport.render(fixture("feedback")));
        assertEquals(List.of("feedback"), page.select("main > section").eachAttr("id"));
        assertEquals("Expert feedback", page.selectFirst("#feedback h2").text());
        assertEquals(List.of("3", "1", "1", "4", "1"), List.of("relabel", "exclude", "reweight", "add", "keep").stream()
                .map(action -> page.getElementById("figure-feedback_" + action).attr("data-value")).toList());
        var rows = page.select("#feedback-files tbody tr");
        assertEquals(List.of("/work/runs/a/review.csv", "review", "specific", "4f1c", "7", "2", "1", "1", "2", "1"), rows.get(0).children().eachText());
        assertEquals("/work/ls-export<b>.json", rows.get(1).child(0).text(), "a file name is text, not markup");
    }

    @Test
    void theHeaderSaysWhatRanWhenAndHowToRunItAgain() throws Exception {
        Document page = Jsoup.parse(RunReport.render(fixture("calibrated")));
        assertEquals("calibrated", page.selectFirst("h1").text());
        assertEquals("11", page.getElementById("run-seed").text());
        assertEquals("fulcrum run calibrated.yaml --seed 11", page.getElementById("run-command").text());
        assertTrue(page.selectFirst(".facts").text().contains("duration 2 min 5 s"), page.selectFirst(".facts").text());
        JsonNode plane = JSON.readTree(page.getElementById("chart-data-balance-plane").data());
        assertEquals(JSON.readTree("[[0.5, 0.875]]"), plane.at("/series/0/data"));
        assertEquals(0.625, plane.at("/series/0/markLine/data/0/xAxis").asDouble());
        assertEquals("0.1250", page.getElementById("figure-forgetting").text());
    }

    @Test
    void aFailedRunShowsItsStageAndMessageAndOnlyTheSectionsItHasDataFor() {
        Document page = Jsoup.parse(RunReport.render(fixture("failed")));
        assertEquals("failed in stage data", page.getElementById("run-status").text());
        assertEquals("rows.csv: row 3, column age: expected a number, got \"n/a\"", page.selectFirst(".error").text());
        assertEquals(List.of("config"), page.select("main > section").eachAttr("id"));
        assertEquals("-", page.selectFirst(".facts dd:last-child").text());
        assertTrue(page.select("div.chart").isEmpty());
    }

    @Test
    void writeReplacesTheTargetWholeAndLeavesNothingBeside(@TempDir Path folder) throws Exception {
        Path target = folder.resolve("out/report.html");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");
        RunReport.write(fixture("calibrated"), target);
        assertTrue(Files.readString(target).startsWith("<!DOCTYPE html>"));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aSoupsStepsShowWhichMembersWentInAndTheScoreAfterEach() throws Exception {
        Document page = Jsoup.parse(RunReport.render(fixture("soup")));
        Element table = page.getElementById("soup-members");
        assertEquals(List.of("1", "member 2", "runs/ft2", "0.8500", "0.8500", "in", "0.8500"), table.select("tbody tr").get(0).children().eachText());
        assertEquals(List.of("3", "member 3", "runs/ft3", "0.8000", "0.8300", "out", "0.8700"), table.select("tbody tr").get(2).children().eachText());
        assertEquals("left-out", table.select("tbody tr").get(2).child(5).className());
        assertTrue(page.selectFirst("#soup p.note").text().startsWith("A greedy soup (Wortsman et al. 2022)"), page.selectFirst("#soup p.note").text());
        assertTrue(page.selectFirst("#soup p.note").text().contains("soup of members 2, 1."));
        JsonNode option = JSON.readTree(page.getElementById("chart-data-soup-steps").data());
        assertEquals("[[1,0.85],[2,0.87],[3,0.87]]", option.path("series").get(1).path("data").toString());
        assertTrue(page.html().contains("runs/ft1&lt;b&gt;"), "the run names are escaped");
    }

    @Test
    void anAveragingPhaseShowsValidationBeforeAndAfter() throws Exception {
        Document page = Jsoup.parse(RunReport.render(fixture("averaged")));
        Element table = page.getElementById("averaging");
        assertEquals(2, table.select("tbody tr").size(), "one row per task of the one averaging phase");
        assertEquals(List.of("finetune", "swa, 5 of the last 5 epochs", "general", "0.8600", "0.8650", "0.4000", "0.3900"),
                table.select("tbody tr").get(0).children().eachText());
    }

    /** The fixture's resources are a real run's (benchmarks/cost, 1,000 rows), with a budget added. */
    @Test
    void theTimingSectionShowsWhatTheRunCostLayerByLayerAndPhaseByPhaseAndItsBudget() throws Exception {
        Document page = Jsoup.parse(RunReport.render(fixture("budgeted")));
        assertEquals("235146", page.getElementById("figure-resources-parameters").attr("data-value"));
        assertEquals("469898", page.getElementById("figure-resources-forward-flops").attr("data-value"));
        assertEquals("1.41e+09", page.getElementById("figure-resources-training-flops").text());
        assertEquals(List.of("dense-1", "dense", "200960", "200960", "401664"),
                page.select("#resources-layers tbody tr").get(0).children().eachText());
        assertEquals(List.of("supervised", "1", "1000"), page.select("#resources-phases tbody tr").get(0).children().eachText()
                .subList(0, 3));
        assertEquals("235146", page.select("#resources-phases tbody tr td").get(4).text());
        Element budget = page.getElementById("resources-budget");
        assertTrue(budget.text().contains("stopped_by samples"), budget.text());
        assertTrue(page.getElementById("figure-resources-physical").text().endsWith(" MiB"));
    }

    @Test
    void aFolderWithoutASummaryIsNamed(@TempDir Path folder) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RunReport.render(folder));
        assertEquals(folder.resolve("summary.json") + ": no such file (is " + folder + " a run folder?)",
                error.getMessage());
    }

    @Test
    void everySectionHasAUniqueIdAndATitle() {
        List<String> ids = RunReport.sections().stream().map(ReportSection::id).toList();
        assertEquals(List.of("balance", "curves", "interpolation", "averaging", "layer-choice", "ensemble", "soup", "representations",
                "review", "tasks", "reliability", "domain-gap", "fairness", "feedback", "timing", "config", "provenance"), ids);
        assertFalse(RunReport.sections().stream().anyMatch(section -> section.title().isBlank()));
    }
}
