package dev.fulcrum.core.config;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.runtime.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineConfigReaderTest {

    @TempDir
    Path folder;

    private Path write(String yaml) throws IOException {
        return Files.writeString(folder.resolve("pipe.yaml"), yaml);
    }

    @Test
    void readsTheStructureAndListsOfComponents() throws IOException {
        PipelineConfig config = PipelineConfigReader.read(write("""
                data:
                  specific: {type: synthetic}
                features: {type: standardize}
                augment:
                  - {type: gaussian-noise, sigma: 0.1}
                  - {type: mixup}
                model: {type: mlp}
                strategy: {type: supervised}
                """), List.of(), 7L);
        assertEquals("pipe", config.name());
        assertEquals(7, config.seed());
        assertNull(config.general());
        assertEquals(1, config.features().size());
        assertEquals(Family.AUGMENT, config.augment().get(1).family());
        assertEquals("augment[1]", config.augment().get(1).path().toString());
        assertEquals(0.1, config.augment().get(0).params().get("sigma").doubleValue());
        assertEquals(folder.toAbsolutePath().normalize(), config.folder());
    }

    @Test
    void structuralMistakesAreLocated() throws IOException {
        assertEquals(folder.resolve("pipe.yaml") + ":1: modle: unknown key; a pipeline has adapt, audit, augment, budget, checkpoint, data, "
                        + "description, ensemble, features, feedback, mitigate, model, name, report, seed, split, strategy, tune",
                error("modle: {type: mlp}\n"));
        assertEquals(folder.resolve("pipe.yaml") + ":3: model.type: missing: every model architecture names its type",
                error("data:\n  specific: {type: synthetic}\nmodel: {hidden: [3]}\nstrategy: {type: supervised}\n"));
        assertEquals(folder.resolve("pipe.yaml") + ":1: data: missing: a pipeline needs data.specific (and may have data.general)",
                error("model: {type: mlp}\n"));
        assertEquals(folder.resolve("pipe.yaml") + ":1: seed: expected integer, got \"x\"",
                error("seed: x\ndata:\n  specific: {type: s}\nmodel: {type: m}\nstrategy: {type: s}\n"));
    }

    @Test
    void missingFileIsBadInput() {
        Path missing = folder.resolve("nope.yaml");
        assertEquals(missing + ": no such pipeline file",
                assertThrows(InvalidInputException.class, () -> PipelineConfigReader.read(missing, List.of(), null)).getMessage());
    }

    private String error(String yaml) throws IOException {
        Path file = write(yaml);
        return assertThrows(InvalidInputException.class, () -> PipelineConfigReader.read(file, List.of(), null)).getMessage();
    }

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
