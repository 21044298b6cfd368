package dev.fulcrum.core.config;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OverridesTest {

    private static final String PIPELINE = """
            data:
              general: {type: idx, classes: [0, 1, 2, 3, 4]}
            features:
              - {type: standardize}
            strategy: {type: supervised, epochs: 10}
            """;

    @Test
    void setsScalarsListsAndMappingsReadAsYaml() {
        ConfigDocument document = ConfigDocument.parse(PIPELINE, "p.yaml");
        Overrides.apply(document, List.of("strategy.epochs=5", "data.general.classes=[0,2,4,6,8]",
                "features[0].type=pca", "model={type: mlp, hidden: [8]}", "strategy.learning-rate=1e-3"));
        assertEquals(5, document.at(ConfigPath.parse("strategy.epochs")).intValue());
        assertEquals("[0,2,4,6,8]", document.at(ConfigPath.parse("data.general.classes")).toString());
        assertEquals("pca", document.at(ConfigPath.parse("features.0.type")).asText());
        assertEquals(8, document.at(ConfigPath.parse("model.hidden[0]")).intValue());
        assertEquals(1e-3, document.at(ConfigPath.parse("strategy.learning-rate")).doubleValue());
    }

    @Test
    void overriddenValuesAreLocatedAtTheOverride() {
        ConfigDocument document = ConfigDocument.parse(PIPELINE, "p.yaml");
        Overrides.apply(document, List.of("strategy.epochs=ten"));
        assertEquals("--set strategy.epochs=ten", document.where(ConfigPath.parse("strategy.epochs")));
        assertEquals("p.yaml:5", document.where(ConfigPath.parse("strategy.type")));
    }

    @Test
    void malformedOverridesAreRejected() {
        ConfigDocument document = ConfigDocument.parse(PIPELINE, "p.yaml");
        assertEquals("--set epochs: expected path=value, e.g. strategy.epochs=5",
                assertThrows(InvalidInputException.class, () -> Overrides.apply(document, List.of("epochs"))).getMessage());
        assertEquals("--set features[3].type=pca: features has no item 3",
                assertThrows(InvalidInputException.class,
                        () -> Overrides.apply(document, List.of("features[3].type=pca"))).getMessage());
    }
}
