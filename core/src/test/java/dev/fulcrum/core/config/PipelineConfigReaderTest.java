package dev.fulcrum.core.config;

import dev.fulcrum.core.host.Family;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineConfigReaderTest {

    private static final String PIPELINE = """
            data: {specific: {type: synthetic}}
            model: {type: mlp}
            strategy: {type: supervised}
            mitigate:
              - type: reweighing
              - {type: threshold-optimizer, constraint: equal-opportunity}
            """;

    @Test
    void mitigatorsAreAListOfComponentsInTheirOwnFamily() {
        PipelineConfig config = PipelineConfigReader.parse(PIPELINE, "p.yaml", "p", Path.of("."));
        assertEquals(List.of("reweighing", "threshold-optimizer"), config.mitigate().stream().map(ComponentSpec::type).toList());
        assertEquals(Family.MITIGATE, config.mitigate().get(1).family());
        assertEquals("mitigate[1]", config.mitigate().get(1).path().toString());
        assertEquals("equal-opportunity", config.mitigate().get(1).params().get("constraint").asText());
        assertTrue(PipelineConfigReader.parse(PIPELINE.replaceAll("(?s)mitigate:.*", ""), "p.yaml", "p", Path.of("."))
                .mitigate().isEmpty());
    }

    @Test
    void aMitigatorWithoutTypeIsNamed() {
        ConfigException error = assertThrows(ConfigException.class, () -> PipelineConfigReader.parse(
                PIPELINE + "  - {constraint: x}\n", "p.yaml", "p", Path.of(".")));
        assertTrue(error.getMessage().startsWith("p.yaml:7: mitigate[2].type: missing: every bias mitigator names its type"),
                error.getMessage());
    }
}
