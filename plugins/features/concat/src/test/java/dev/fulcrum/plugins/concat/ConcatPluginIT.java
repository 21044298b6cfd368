package dev.fulcrum.plugins.concat;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.plugins.csv.CsvDataSourceFactory;
import dev.fulcrum.plugins.csv.CsvParams;
import dev.fulcrum.runtime.config.ConfigException;
import dev.fulcrum.testkit.MixedColumnsCsv;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SavedModelCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcatPluginIT extends PluginContract {

    private static final String PIPELINE = """
            name: concat-it
            seed: 4
            data:
              specific: {type: csv, path: %s, label: label, classes: [low, high], categorical: [colour]}
            features:
              - type: concat
                extractors:
                  - {type: pca, components: 2}
                  - {type: standardize, columns: [age, income, hours]}
                  - {type: one-hot, columns: [colour]}
                  - %s
            model: {type: mlp, hidden: [16]}
            strategy: {type: supervised, epochs: 12, batch-size: 32, learning-rate: 0.01}
            """;

    @Override
    protected String pluginId() {
        return "concat";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.FEATURES, List.of("concat"));
    }

    /**
     * Task-agnostic PCA joined with task-specific standardized, one-hot and product columns; the
     * saved model, restored through four plugins' states, predicts exactly as the run did.
     */
    @Test
    void joinedFeaturesAreFittedSavedAndRestoredTogether(@TempDir Path folder) {
        Path csv = MixedColumnsCsv.write(folder.resolve("people.csv"), 900, 5);
        RunRecord run = host().runSucceeding(PIPELINE.formatted(csv, "{type: interactions, columns: [income, hours]}"));
        List<String> columns = new ArrayList<>();
        run.modelDescription().path("schema").path("features")
                .forEach(f -> columns.add(f.path("name").asText() + " from " + f.path("origin").asText()));
        assertEquals(List.of("pc0 from pca", "pc1 from pca", "age from standardize(age)", "income from standardize(income)",
                "hours from standardize(hours)", "colour=blue from one-hot(colour)", "colour=green from one-hot(colour)",
                "colour=red from one-hot(colour)", "income*hours from interactions(income,hours)"), columns);
        assertTrue(run.metric("test", "specific", "accuracy") > 0.8, run.summary().path("metrics").toPrettyString());
        String resolved = run.config();
        assertTrue(resolved.contains("per: \"auto\"") || resolved.contains("per: auto"),
                "the nested extractors' defaults are written out: " + resolved);
        Dataset raw = new CsvDataSourceFactory().create(new CsvParams(csv, "label", null, null, null, MixedColumnsCsv.CLASSES, null,
                List.of("colour"), null), new HostRunContext(0, RunFolder.at(folder))).load();
        SavedModelCheck.assertPredictsAsInRun(host(), run, raw, MixedColumnsCsv.LABEL);
    }

    @Test
    void aNestedExtractorsMistakeIsNamedWithItsPlaceInTheFile(@TempDir Path folder) {
        Path csv = MixedColumnsCsv.write(folder.resolve("people.csv"), 50, 5);
        ConfigException unknown = assertThrows(ConfigException.class, () -> host().validate(PIPELINE.formatted(csv, "{type: nope}")));
        assertTrue(unknown.getMessage().matches(".*:11: features\\[0\\]\\.extractors\\[3\\]\\.type: unknown feature extractor \"nope\"; known: .*concat.*"),
                unknown.getMessage());
        ConfigException badParam = assertThrows(ConfigException.class,
                () -> host().validate(PIPELINE.formatted(csv, "{type: interactions, columns: [income]}")));
        assertTrue(badParam.getMessage().matches(".*:11: features\\[0\\]\\.extractors\\[3\\]\\.columns: missing: name at least 2 columns"),
                badParam.getMessage());
    }
}
