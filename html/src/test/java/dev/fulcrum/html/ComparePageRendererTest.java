package dev.fulcrum.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparePageRendererTest {

    private static final String HOSTILE = "</script><img src=x onerror=alert(1)>";

    private static ComparedRun run(String name, Double specific, Double general, boolean front, Map<String, String> config) {
        return new ComparedRun(name, "succeeded", config, specific, general, null, null, 12.5, 10.0, null, null, null, List.of(), front,
                List.of(new ComparedRun.CurvePoint(1, 0.5, general == null ? null : 0.4),
                        new ComparedRun.CurvePoint(2, 0.6, general == null ? null : 0.45)));
    }

    private static ComparePage page() {
        ComparedStudy study = new ComparedStudy("search", "study search: 1 trial on the front", List.of("trial", "selected", "strategy.type"),
                List.of(List.of("3", "*", HOSTILE)), List.of("validation.specific.accuracy", "validation.general.accuracy"),
                List.of(new ComparedStudy.Trial(0, "complete", List.of(0.8, 0.7), false, false),
                        new ComparedStudy.Trial(3, "complete", List.of(0.9, 0.8), true, true)));
        return new ComparePage("Fulcrum: " + HOSTILE, List.of("strategy.type"), List.of(
                run(HOSTILE, 0.9, 0.8, true, Map.of("strategy.type", HOSTILE)),
                run("plain", 0.7, 0.6, false, Map.of("strategy.type", "supervised")),
                run("specific-only", 0.95, null, false, Map.of())), List.of(study), null);
    }

    private static JsonNode chartData(Document document, String id) throws IOException {
        return new ObjectMapper().readTree(document.getElementById("chart-data-" + id).data());
    }

    @Test
    void everyValueFromARunRendersAsTextNeverAsMarkup() throws IOException {
        Document document = Jsoup.parse(ComparePageRenderer.render(page()));
        assertTrue(document.select("img").isEmpty(), "an img element came from a name");
        assertEquals("Fulcrum: " + HOSTILE, document.title());
        Element firstRow = document.select("#runs-table tbody tr").first();
        assertEquals(HOSTILE, firstRow.child(0).text());
        assertEquals(List.of("path", HOSTILE, "plain", "specific-only"), document.select("#config-table th").eachText());
        assertEquals(List.of("strategy.type", HOSTILE, "supervised", "-"),
                document.select("#config-table tbody tr").first().children().eachText());
        assertEquals(HOSTILE, document.select("#study-0 table.front td").get(2).text());
        assertEquals(HOSTILE, chartData(document, "compare-plane").at("/series/0/data/0/name").asText());
    }

    @Test
    void thePlaneMarksTheNonDominatedRunsAndLeavesOutRunsWithoutAGeneralSide() throws IOException {
        Document document = Jsoup.parse(ComparePageRenderer.render(page()));
        JsonNode series = chartData(document, "compare-plane").path("series");
        assertEquals("non-dominated", series.at("/0/name").asText());
        assertEquals(1, series.at("/0/data").size());
        assertEquals(HOSTILE, series.at("/0/data/0/name").asText());
        assertEquals("[0.8,0.9]", series.at("/0/data/0/value").toString());
        assertEquals("dominated", series.at("/1/name").asText());
        assertEquals("[{\"name\":\"plain\",\"value\":[0.6,0.7]}]", series.at("/1/data").toString());
        assertEquals(List.of("yes", "", ""), document.select("#runs-table tbody tr td:last-child").stream().map(Element::text).toList());
    }

    @Test
    void curvesHaveALinePerRunThatHasTheTask() throws IOException {
        Document document = Jsoup.parse(ComparePageRenderer.render(page()));
        assertEquals(3, chartData(document, "curve-specific").path("series").size());
        JsonNode general = chartData(document, "curve-general").path("series");
        assertEquals(2, general.size());
        assertEquals("[[1,0.4],[2,0.45]]", general.at("/1/data").toString());
    }

    @Test
    void theStudyShowsItsFrontApartWithTheSelectedTrialMarked() throws IOException {
        Document document = Jsoup.parse(ComparePageRenderer.render(page()));
        JsonNode series = chartData(document, "study-0-trials").path("series");
        assertEquals("front", series.at("/0/name").asText());
        assertEquals("trial 3", series.at("/0/data/0/name").asText());
        assertEquals("[0.9,0.8]", series.at("/0/data/0/value").toString());
        assertTrue(series.at("/0/data/0/label/formatter").asText().contains("selected"));
        assertEquals("[{\"name\":\"trial 0\",\"value\":[0.8,0.7]}]", series.at("/1/data").toString());
    }

    @Test
    void thePageIsWrittenWholeAndStandsAlone(@TempDir Path folder) throws IOException {
        Path target = folder.resolve("compare.html");
        ComparePageRenderer.write(page(), target);
        assertEquals(List.of("compare.html"), Files.list(folder).map(p -> p.getFileName().toString()).toList());
        Document document = Jsoup.parse(target.toFile());
        for (String section : List.of("runs", "balance", "curves", "study-0")) {
            assertFalse(document.select("section#" + section).isEmpty(), section);
        }
        assertTrue(document.select("[src], link[href]").isEmpty(), document.select("[src], link[href]").toString());
        assertTrue(Files.size(target) < 2 * 1024 * 1024, Files.size(target) + " bytes");
    }
}
