package dev.fulcrum.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.cli.FulcrumCli;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.core.tune.StudyOutputs;
import dev.fulcrum.testkit.Browser;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import dev.fulcrum.testkit.TestHost;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.fulcrum.distribution.StudyFixture.OBJECTIVES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages people look at, opened in headless Chromium with the network off: the {@code html}
 * reporter's page of a real run and {@code fulcrum compare --html} of real runs and of a study. Each page draws every chart with
 * no console error, and what the charts plot is what the run folders hold. Screenshots go to
 * {@code target/pages/}.
 */
class ReportPagesBrowserIT extends SharedHostTest {

    private static final Path SCREENSHOTS = Path.of("target", "pages");
    /** General pre-training, then fine-tuning: two phases, so a curve's global epochs run on across them. */
    private static final String TWO_PHASE_PIPELINE = """
            name: two-phase
            seed: 3
            data:
              specific: {type: synthetic, rows: 1200}
            model: {type: mlp, hidden: [16]}
            strategy: {type: pretrain-finetune, pretrain-epochs: 3, epochs: 3}
            report: [{type: json}, {type: html}]
            """;

    private StudyFixture fixture;
    private Browser browser;

    @Override
    protected TestHost createHost() {
        return TestHost.withJars(Launcher.pluginJars());
    }

    @BeforeAll
    void runsAndBrowser() {
        fixture = new StudyFixture(host(), "pages-study");
        StudyOutputs.write(fixture.study, OBJECTIVES, null, fixture.trials);
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static CliResult compare(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("compare"));
        all.addAll(List.of(args));
        int code = FulcrumCli.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliResult(code, out.toString(), err.toString());
    }

    private Path work(String name) throws IOException {
        return Files.createDirectories(host().root().resolve(name));
    }

    /** Opens a page, waits for its charts, and fails on any console error. */
    private void openDrawn(Path page) {
        browser.open(page).awaitCharts();
        assertEquals(List.of(), browser.severe(), "console errors on " + page);
    }

    /** A chart's points by series name: each a data item's {@code name} to its {@code value}, or a line's points. */
    private Map<String, JsonNode> series(String chart) {
        Map<String, JsonNode> series = new HashMap<>();
        browser.chart(chart).path("series").forEach(s -> series.put(s.path("name").asText(), s.path("data")));
        return series;
    }

    private static List<Double> point(double... values) {
        List<Double> point = new ArrayList<>();
        for (double value : values) {
            point.add(value);
        }
        return point;
    }

    private static List<List<Double>> points(JsonNode data) {
        List<List<Double>> points = new ArrayList<>();
        data.forEach(p -> points.add(numbers(p)));
        return points;
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(value -> values.add(value.isNull() ? null : value.doubleValue()));
        return values;
    }

    @Test
    void theRunPageOfTheHtmlReporterPlotsTheRunsCurvesAndBalance() {
        RunOutcome outcome = new PipelineLauncher(host().host(), StudyFixture.QUIET)
                .run(host().config(TWO_PHASE_PIPELINE), host().root().resolve("runs"));
        assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome::errorMessage);
        RunRecord run = RunRecord.of(outcome);
        openDrawn(run.folder().resolve("report.html"));

        JsonNode balance = browser.chart("balance-plane").at("/series/0/data/0");
        assertEquals(point(run.number("balance", "general"), run.number("balance", "specific")), numbers(balance));
        List<List<Double>> trainLoss = run.trainLines().stream()
                .map(line -> point(line.path("global_epoch").asInt(), line.path("loss").doubleValue())).toList();
        assertEquals(trainLoss, points(series("curves-loss").get("training loss")));
        assertEquals(2, run.trainLines().stream().map(line -> line.path("phase").asText()).distinct().count(),
                "the run has two phases, so global epochs differ from epochs");
        Map<String, JsonNode> validation = series("curves-validation");
        for (String task : List.of("specific", "general")) {
            List<List<Double>> expected = run.validationLines().stream().filter(line -> line.path("metrics").has(task))
                    .map(line -> point(line.path("global_epoch").asInt(), line.path("metrics").path(task).path("accuracy").doubleValue()))
                    .toList();
            assertEquals(expected, points(validation.get(task + " accuracy")), task);
        }
        browser.screenshot(SCREENSHOTS.resolve("run.png"), 1100, 4000);
    }

    @Test
    void theComparePageOfRunsPlotsTheirBalanceAndTheirValidationLines() throws IOException {
        List<RunRecord> runs = List.of(fixture.specificRun, fixture.generalRun);
        Path page = work("compare-runs").resolve("compare.html");
        compare("--html", page.toString(), runs.get(0).folder().toString(), runs.get(1).folder().toString())
                .assertExit(0).assertOutContains("wrote " + page);
        openDrawn(page);

        Map<String, JsonNode> plane = series("compare-plane");
        Map<String, List<Double>> plotted = new HashMap<>();
        plane.values().forEach(data -> data.forEach(item -> plotted.put(item.path("name").asText(), numbers(item.path("value")))));
        for (RunRecord run : runs) {
            assertEquals(point(run.number("balance", "general"), run.number("balance", "specific")),
                    plotted.get(run.folder().getFileName().toString()), plane.toString());
        }
        for (String task : List.of("specific", "general")) {
            Map<String, JsonNode> curves = series("curve-" + task);
            for (RunRecord run : runs) {
                List<List<Double>> expected = run.validationLines().stream().map(line -> point(line.path("global_epoch").asInt(),
                        line.path("metrics").path(task).path("accuracy").doubleValue())).toList();
                assertEquals(expected, points(curves.get(run.folder().getFileName().toString())), task + " curve of " + run.folder());
            }
        }
        browser.screenshot(SCREENSHOTS.resolve("compare.png"), 1100, 2400);

        Document document = Jsoup.parse(page.toFile());
        for (String section : List.of("runs", "balance", "curves")) {
            assertFalse(document.select("section#" + section).isEmpty(), "no section " + section);
        }
        assertEquals(List.of("run", "status", "specific", "general", "general before", "forgetting", "total", "train",
                "parameters", "training FLOPs", "peak memory", "non-dominated"), document.select("#runs-table th").eachText());
        assertEquals(List.of("strategy.tasks", "[specific]", "[general]"),
                document.select("#config-table tr[data-path=strategy.tasks] td").eachText());
        assertEquals(List.of("strategy.tasks", "strategy.early-stopping.metric"),
                document.select("#config-table tbody tr").stream().map(row -> row.attr("data-path")).toList());
        assertTrue(document.select("[src], link[href], [href^=http]").isEmpty(), document.select("[src], link[href]").toString());
        assertTrue(Files.size(page) < 2 * 1024 * 1024, Files.size(page) + " bytes");
    }

    @Test
    void theComparePageOfAStudyPlotsItsTrialsWithTheFrontApart() throws IOException {
        Path page = work("compare-study").resolve("study.html");
        compare("--html", page.toString(), fixture.study.toString()).assertExit(0);
        openDrawn(page);
        Map<String, JsonNode> trials = series("study-0-trials");
        Map<String, List<Double>> front = new HashMap<>();
        trials.get("front").forEach(item -> front.put(item.path("name").asText(), numbers(item.path("value"))));
        assertEquals(Map.of(
                "trial 0", point(fixture.specificRun.metric("validation", "specific", "accuracy"),
                        fixture.specificRun.metric("validation", "general", "accuracy")),
                "trial 1", point(fixture.generalRun.metric("validation", "specific", "accuracy"),
                        fixture.generalRun.metric("validation", "general", "accuracy"))), front);
        assertEquals(0, trials.get("other trials").size(), "the pruned and failed trials have no values to plot");
        Document document = Jsoup.parse(page.toFile());
        assertEquals(2, document.select("#study-0 table.front tbody tr").size());
        assertTrue(document.select("section#runs").isEmpty(), "a study alone has no runs table");
        browser.screenshot(SCREENSHOTS.resolve("study.png"), 1100, 2400);
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws IOException {
        Path work = work("bad-input");
        String run = fixture.specificRun.folder().toString();
        Path missing = work.resolve("no-such-folder/compare.html");
        CliResult noFolder = compare("--html", missing.toString(), run).assertExit(2);
        assertTrue(noFolder.err().contains("--html " + missing + ": the folder " + missing.getParent() + " does not exist"),
                noFolder.all());
        Path notARun = Files.createDirectories(work.resolve("not-a-run"));
        Path page = work.resolve("compare.html");
        CliResult notRun = compare("--html", page.toString(), run, notARun.toString()).assertExit(2);
        assertTrue(notRun.err().contains(notARun + ": not a run folder (it has no summary.json)"), notRun.all());
        assertEquals("", notRun.out(), "nothing printed before the bad input was found");
        compare("--html", page.toString()).assertExit(2);
        try (var files = Files.list(work)) {
            assertEquals(List.of("not-a-run"), files.map(f -> f.getFileName().toString()).toList());
        }
    }
}
