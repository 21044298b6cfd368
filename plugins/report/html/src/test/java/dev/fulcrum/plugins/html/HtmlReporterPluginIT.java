package dev.fulcrum.plugins.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.html.RunReport;
import dev.fulcrum.runtime.config.ConfigException;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page of a real run: a real host on the built jar runs a small pipeline with the {@code html} reporter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReporterPluginIT extends PluginContract {

    private static final String PIPELINE = """
            name: html-it
            seed: 3
            data:
              specific: {type: synthetic, rows: 600}
            model: {type: mlp, hidden: [8]}
            strategy: {type: supervised, tasks: [specific, general], epochs: 3}
            audit:
              - type: group-fairness
                attributes: [group]
                bootstrap: 50
                gates: [{metric: demographic_parity_difference, max: 1.0}]
            report: {type: html}
            """;

    private static final String HOSTILE = "</script><img onerror=alert(1)>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunRecord run;
    private String html;
    private Document page;

    @Override
    protected String pluginId() {
        return "html-report";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.REPORT, List.of("html"));
    }

    @BeforeAll
    void runThePipeline() throws Exception {
        run = host().runSucceeding(PIPELINE);
        html = Files.readString(run.folder().resolve("report.html"), StandardCharsets.UTF_8);
        page = Jsoup.parse(html);
    }

    @Test
    void everySectionWithDataIsThereInPageOrder() {
        List<String> sections = page.select("main > section").stream().map(Element::id).toList();
        assertEquals(List.of("balance", "curves", "tasks", "reliability", "domain-gap", "fairness", "timing", "config",
                "provenance"), sections);
        assertEquals("html-it", page.selectFirst("h1").text());
        assertEquals("succeeded", page.getElementById("run-status").text());
        assertEquals("3", page.getElementById("run-seed").text());
    }

    @Test
    void eachReliabilityDiagramPlotsTheSummarysCalibrationBins() throws Exception {
        JsonNode calibration = run.summary().path("calibration");
        int diagram = 0;
        for (String split : List.of("validation", "test")) {
            for (String task : List.of("specific", "general")) {
                JsonNode expected = calibration.path(split).path(task);
                ArrayNode points = JSON.createArrayNode();
                expected.path("bins").forEach(bin -> {
                    if (bin.path("count").asInt() > 0) {
                        points.addArray().add(bin.path("confidence").asDouble()).add(bin.path("accuracy").asDouble());
                    }
                });
                assertEquals(points, chart("reliability-" + diagram).at("/series/1/data"), split + " " + task);
                assertEquals(expected.path("ece").asDouble(),
                        Double.parseDouble(page.getElementById("figure-ece-" + diagram).attr("data-value")), 1e-12);
                diagram++;
            }
        }
    }

    @Test
    void thePageIsSelfContainedAndUnderTwoMegabytes() {
        assertTrue(html.getBytes(StandardCharsets.UTF_8).length < 2_000_000, html.length() + " characters");
        assertTrue(page.select("[src], [srcset], link, iframe, img, object, embed, form").isEmpty(),
                page.select("[src], [srcset], link, iframe, img, object, embed, form").toString());
        for (Element link : page.select("[href]")) {
            assertTrue(link.attr("href").startsWith("#"), "a link leaves the page: " + link);
        }
        for (Element style : page.select("style")) {
            assertFalse(style.data().contains("url(") || style.data().contains("@import"), "the style sheet loads something");
        }
        assertTrue(page.select("script").stream().anyMatch(script -> script.data().contains("echarts")));
    }

    @Test
    void theBalanceNumbersAndItsPointAreSummaryJsons() throws Exception {
        JsonNode balance = run.summary().get("balance");
        assertEquals(balance.get("specific").asDouble(), value("figure-specific"));
        assertEquals(balance.get("general").asDouble(), value("figure-general"));
        assertEquals("", page.getElementById("figure-general_before").attr("data-value"));
        assertEquals("-", page.getElementById("figure-forgetting").text());
        JsonNode point = chart("balance-plane").at("/series/0/data/0");
        assertEquals(balance.get("general").asDouble(), point.get(0).asDouble());
        assertEquals(balance.get("specific").asDouble(), point.get(1).asDouble());
    }

    @Test
    void theLearningCurvesPlotEveryEpochOfMetricsJsonl() throws Exception {
        List<List<Double>> expected = new ArrayList<>();
        for (JsonNode line : run.trainLines()) {
            expected.add(List.of(line.get("global_epoch").asDouble(), line.get("loss").asDouble()));
        }
        assertEquals(3, expected.size());
        assertEquals(expected, JSON.convertValue(chart("curves-loss").at("/series/0/data"), List.class));
        JsonNode accuracy = chart("curves-validation").at("/series/0");
        assertEquals("specific accuracy", accuracy.get("name").asText());
        assertEquals(run.validationLines().get(2).at("/metrics/specific/accuracy").asDouble(),
                accuracy.at("/data/2/1").asDouble());
    }

    @Test
    void theConfusionMatrixAndPerClassScoresAreTheSummarys() {
        JsonNode classes = run.summary().at("/classes/test/specific");
        Element counts = page.getElementById("confusion-0");
        JsonNode confusion = classes.get("confusion");
        for (int row = 0; row < confusion.size(); row++) {
            Element cells = counts.select("tbody tr").get(row);
            assertEquals(classes.at("/labels/" + row).asText(), cells.child(0).text());
            for (int column = 0; column < confusion.get(row).size(); column++) {
                assertEquals(confusion.get(row).get(column).asText(), cells.child(column + 1).text());
            }
        }
        Element firstClass = page.getElementById("per-class-0").selectFirst("tbody tr");
        String label = classes.at("/labels/0").asText();
        assertEquals(label, firstClass.child(0).text());
        assertEquals(classes.at("/per_class/" + label + "/recall").asDouble(),
                Double.parseDouble(firstClass.child(2).attr("data-value")));
    }

    @Test
    void theGateAndTheProvenanceAreShown() {
        Element gate = page.getElementById("fairness-gates").selectFirst("tbody tr");
        assertTrue(gate.text().contains("demographic_parity_difference"), gate.text());
        assertEquals("pass", gate.selectFirst("td.passed").text());
        String plugins = page.getElementById("provenance-plugins").text();
        assertTrue(plugins.contains("html-report") && plugins.contains(
                run.provenance().at("/plugins").findValuesAsText("sha256").get(0)), plugins);
        assertEquals(run.config(), page.selectFirst("#config-yaml pre").wholeText());
    }

    @Test
    void aHostileRunNameAndClassLabelRenderAsText() throws Exception {
        Path copy = Files.createDirectories(host().root().resolve("hostile"));
        for (String file : List.of("config.yaml", "metrics.jsonl", "provenance.json")) {
            Files.copy(run.folder().resolve(file), copy.resolve(file));
        }
        ObjectNode summary = run.summary().deepCopy();
        ((ObjectNode) summary.get("run")).put("name", HOSTILE);
        ((ArrayNode) summary.at("/classes/test/specific/labels")).set(0, HOSTILE);
        ((ObjectNode) summary.at("/plugins/0")).put("type", HOSTILE);
        Files.writeString(copy.resolve("summary.json"), JSON.writeValueAsString(summary));
        Files.writeString(copy.resolve("config.yaml"), "# " + HOSTILE + "\n" + run.config());

        Document hostile = Jsoup.parse(RunReport.render(copy));
        assertTrue(hostile.select("img").isEmpty(), "an img element was injected");
        assertEquals(HOSTILE, hostile.selectFirst("h1").text());
        assertEquals(HOSTILE + " - Fulcrum run", hostile.title());
        assertEquals(HOSTILE, hostile.getElementById("confusion-0").selectFirst("tbody td").text());
        assertTrue(hostile.getElementById("config-components").text().contains(HOSTILE));
        assertTrue(hostile.selectFirst("#config-yaml pre").wholeText().startsWith("# " + HOSTILE));
        assertEquals(HOSTILE, JSON.readTree(hostile.getElementById("chart-data-balance-plane").data())
                .at("/series/0/name").asText());
    }

    @Test
    void aFileNameOutsideTheRunFolderIsRejected() {
        ConfigException error = assertThrows(ConfigException.class, () -> host().validate(PIPELINE, "report.file=../x.html"));
        assertTrue(error.getMessage().endsWith(
                "report.file: must be a plain file name inside the run folder, got \"../x.html\""), error.getMessage());
    }

    private double value(String id) {
        return Double.parseDouble(page.getElementById(id).attr("data-value"));
    }

    private JsonNode chart(String id) throws Exception {
        assertEquals("chart", page.getElementById(id).className());
        return JSON.readTree(page.getElementById("chart-data-" + id).data());
    }
}
