package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.plugins.csv.CsvDataSourceFactory;
import dev.fulcrum.plugins.csv.CsvParams;
import dev.fulcrum.testkit.MixedColumnsCsv;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SavedModelCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TabularPluginIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "tabular";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.FEATURES, List.of("bucketize", "interactions", "one-hot"));
    }

    @Test
    void categoriesBucketsAndProductsReachTheModelAndItsSavedForm(@TempDir Path folder) {
        Path csv = MixedColumnsCsv.write(folder.resolve("people.csv"), 900, 3);
        String yaml = """
                name: tabular-it
                seed: 2
                data:
                  specific: {type: csv, path: %s, label: label, classes: [low, high], categorical: [colour]}
                features:
                  - {type: one-hot, columns: [colour]}
                  - {type: bucketize, columns: [age], buckets: 4}
                  - {type: interactions, columns: [income, hours]}
                model: {type: mlp, hidden: [16]}
                strategy: {type: supervised, epochs: 15, batch-size: 32, learning-rate: 0.01}
                """.formatted(csv);
        RunRecord run = host().runSucceeding(yaml);
        String description = run.modelDescription().toString();
        for (String column : List.of("colour=red", "age[", "income*hours")) {
            assertTrue(description.contains("\"" + column), column + " is not among the model's columns: " + description);
        }
        assertTrue(run.metric("test", "specific", "accuracy") > 0.8, run.summary().path("metrics").toPrettyString());
        Dataset raw = new CsvDataSourceFactory().create(new CsvParams(csv, "label", null, null, null, List.of("low", "high"), null,
                List.of("colour"), null), new HostRunContext(0, RunFolder.at(folder))).load();
        SavedModelCheck.assertPredictsAsInRun(host(), run, raw, "label");
    }
}
