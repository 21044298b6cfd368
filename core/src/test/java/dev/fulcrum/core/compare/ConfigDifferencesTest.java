package dev.fulcrum.core.compare;

import dev.fulcrum.runtime.config.ConfigDocument;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigDifferencesTest {

    private static Map<String, String> flat(String yaml) {
        return ConfigDifferences.flatten(ConfigDocument.parse(yaml, "test.yaml").root());
    }

    @Test
    void aConfigFlattensToThePathsSetTakes() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("name", "a");
        expected.put("features[0].type", "pca");
        expected.put("features[0].components", "8");
        expected.put("features[1].type", "standardize");
        expected.put("model.type", "mlp");
        expected.put("model.hidden", "[64, 32]");
        expected.put("mitigate", "[]");
        expected.put("strategy.early-stopping", "null");
        assertEquals(expected, flat("""
                name: a
                features: [{type: pca, components: 8}, {type: standardize}]
                model: {type: mlp, hidden: [64, 32]}
                mitigate: []
                strategy: {early-stopping: null}
                """));
    }

    @Test
    void onlyThePathsWhoseValuesDifferAreKeptInTheOrderFirstSeen() {
        Map<String, String> supervised = flat("""
                name: fashion
                model: {type: mlp, hidden: [256, 128]}
                strategy: {type: supervised, epochs: 10, learning-rate: 0.001}
                """);
        Map<String, String> multiTask = flat("""
                name: fashion
                model: {type: mlp, hidden: [256, 128]}
                strategy: {type: multi-task, epochs: 10, learning-rate: 0.001, specific-share: 0.25}
                """);
        Map<String, String> longer = flat("""
                name: fashion
                model: {type: mlp, hidden: [256, 128]}
                strategy: {type: supervised, epochs: 20, learning-rate: 0.001}
                """);
        List<String> differing = ConfigDifferences.keysThatDiffer(List.of(supervised, multiTask, longer));
        assertEquals(List.of("strategy.type", "strategy.epochs", "strategy.specific-share"), differing);
        assertEquals(Map.of("strategy.type", "multi-task", "strategy.epochs", "10", "strategy.specific-share", "0.25"),
                ConfigDifferences.at(multiTask, differing));
        assertEquals(Map.of("strategy.type", "supervised", "strategy.epochs", "10"), ConfigDifferences.at(supervised, differing));
    }

    @Test
    void oneConfigOrEqualConfigsDifferNowhere() {
        Map<String, String> config = flat("model: {type: mlp, hidden: [8]}\n");
        assertEquals(List.of(), ConfigDifferences.keysThatDiffer(List.of(config)));
        assertEquals(List.of(), ConfigDifferences.keysThatDiffer(List.of(config, flat("model: {type: mlp, hidden: [8]}\n"))));
        assertEquals(List.of(), ConfigDifferences.keysThatDiffer(List.of()));
    }

    @Test
    void listsOfNumbersAreOneValueSoADifferentLengthIsOneDifference() {
        assertEquals(List.of("model.hidden"), ConfigDifferences.keysThatDiffer(List.of(
                flat("model: {hidden: [64, 32]}\n"), flat("model: {hidden: [64]}\n"))));
        assertEquals(List.of("features[1].type"), ConfigDifferences.keysThatDiffer(List.of(
                flat("features: [{type: pca}, {type: standardize}]\n"), flat("features: [{type: pca}]\n"))));
    }
}
