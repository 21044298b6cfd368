package dev.fulcrum.plugins.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.runtime.config.ConfigException;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReporterPluginIT extends PluginContract {

    private static final String PIPELINE = """
            name: json-it
            data:
              specific: {type: synthetic, rows: 400}
            model: {type: mlp, hidden: [8]}
            strategy: {type: supervised, epochs: 3}
            report: {type: json, copy-to: ../reports/latest.json}
            """;

    @Override
    protected String pluginId() {
        return "json-report";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.REPORT, List.of("json"));
    }

    @Test
    void writesTheSummaryAndEpochsInTheRunFolderAndAtTheCopyPath() throws Exception {
        RunRecord run = host().runSucceeding(PIPELINE);
        JsonNode report = new ObjectMapper().readTree(run.folder().resolve("report.json").toFile());
        assertEquals("json-it", report.get("name").asText());
        assertEquals(run.summary().get("metrics"), report.at("/summary/metrics"));
        assertEquals(6, report.get("epochs").size());
        JsonNode copy = new ObjectMapper().readTree(host().root().resolve("reports/latest.json").toFile());
        assertEquals(report, copy);
        assertTrue(run.summary().at("/plugins").toString().contains("json-report"));
    }

    @Test
    void aFileNameOutsideTheRunFolderIsRejected() {
        ConfigException error = assertThrows(ConfigException.class, () -> host().validate(PIPELINE, "report.file=../x.json"));
        assertTrue(error.getMessage().endsWith(
                "report.file: must be a plain file name inside the run folder, got \"../x.json\""), error.getMessage());
    }
}
