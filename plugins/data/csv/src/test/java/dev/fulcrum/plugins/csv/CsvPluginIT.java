package dev.fulcrum.plugins.csv;

import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
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
    void aPipelineLearnsFromACsvFileAndRecordsItsHash() throws Exception {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            host.writeFile("data.csv", separableCsv());
            RunOutcome outcome = host.run(PIPELINE);
            assertEquals(RunStatus.SUCCEEDED, outcome.status(), outcome.errorMessage());
            assertTrue(outcome.summary().at("/metrics/test/specific/accuracy").asDouble() > 0.85, outcome.summary().toString());
            String provenance = Files.readString(outcome.folder().resolve("provenance.json"));
            assertTrue(provenance.contains(host.root().resolve("data.csv").toString()), provenance);
        }
    }

    @Test
    void aMalformedRowFailsTheRunWithFileRowAndColumnAndNoPartialFiles() throws Exception {
        try (TestHost host = TestHost.forBuiltPlugin()) {
            host.writeFile("data.csv", separableCsv().replaceFirst("\n-?[0-9.]+,", "\nseven,"));
            RunOutcome outcome = host.run(PIPELINE);
            assertEquals(RunStatus.INVALID_INPUT, outcome.status());
            assertEquals(host.root().resolve("data.csv") + ": row 2, column x1: expected a number, got \"seven\"", outcome.errorMessage());
            assertEquals("failed", outcome.summary().get("status").asText());
            assertEquals("data", outcome.summary().at("/error/stage").asText());
            try (var files = Files.list(outcome.folder())) {
                assertEquals(List.of("config.yaml", "provenance.json", "summary.json"),
                        files.map(f -> f.getFileName().toString()).sorted().toList());
            }
        }
    }
}
