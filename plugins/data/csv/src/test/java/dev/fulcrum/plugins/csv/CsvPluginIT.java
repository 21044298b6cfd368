package dev.fulcrum.plugins.csv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.run.Digests;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvPluginIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "csv";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.DATA, List.of("csv"));
    }

    private static String separableCsv() {
        StringBuilder csv = new StringBuilder("x1,x2,group,label\n");
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 400; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            csv.append(String.format("%.4f,%.4f,%s,%s%n", a, b, random.nextBoolean() ? "f" : "m", a + b > 0 ? "yes" : "no"));
        }
        return csv.toString();
    }

    private static final String PIPELINE = """
            name: csv-it
            data:
              specific: {type: csv, path: ../data.csv, sensitive: [group]}
            model: {type: mlp, hidden: [16]}
            strategy: {type: supervised, epochs: 15, learning-rate: 0.01}
            """;

    @Test
    void aPipelineLearnsFromACsvFileAndRecordsItsHash() {
        Path data = host().writeFile("data.csv", separableCsv());
        RunRecord run = host().runSucceeding(PIPELINE);
        assertTrue(run.metric("test", "specific", "accuracy") > 0.85, run.summary().toString());
        JsonNode files = run.provenance().path("data_files");
        assertEquals(1, files.size(), files.toString());
        assertEquals(data.toString(), files.get(0).path("path").asText());
        assertEquals(Digests.sha256(data), files.get(0).path("sha256").asText());
    }

    @Test
    void aMalformedRowFailsTheRunWithFileRowAndColumnAndNoPartialFiles() {
        Path data = host().writeFile("data.csv", separableCsv().replaceFirst("\n-?[0-9.]+,", "\nseven,"));
        RunRecord run = host().runInvalid(PIPELINE);
        assertEquals(data + ": row 2, column x1: expected a number, got \"seven\"", run.errorMessage());
        assertEquals("failed", run.status());
        assertEquals("data", run.summary().at("/error/stage").asText());
        assertEquals(List.of("config.yaml", "provenance.json", "summary.json"), run.files());
    }
}
