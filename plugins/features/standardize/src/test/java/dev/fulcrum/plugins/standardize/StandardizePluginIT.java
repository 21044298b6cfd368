package dev.fulcrum.plugins.standardize;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.plugins.synthetic.SyntheticDataFactory;
import dev.fulcrum.plugins.synthetic.SyntheticParams;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SavedModelCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardizePluginIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "standardize";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.FEATURES, List.of("standardize"));
    }

    @Test
    void aSavedModelStandardizesNewRowsAsTheRunDid(@TempDir Path scratch) {
        String yaml = """
                name: standardize-it
                seed: 3
                data:
                  specific: {type: synthetic, rows: 600, target-share: 0, general-share: 0, seed: 11}
                features:
                  - {type: standardize}
                model: {type: mlp, hidden: [16]}
                strategy: {type: supervised, epochs: 3, batch-size: 64}
                """;
        RunRecord run = host().runSucceeding(yaml);
        RunContext context = new HostRunContext(0, RunFolder.at(scratch));
        Dataset raw = new SyntheticDataFactory().create(new SyntheticParams(600, null, null, 0.0, 0.0, null, null, null, 11L),
                context).load();
        SavedModelCheck.assertPredictsAsInRun(host(), run, raw, Tasks.SPECIFIC);
    }

    @Test
    void aColumnThatIsNotThereIsNamedWithItsPlaceInTheFile() {
        String yaml = """
                data:
                  specific: {type: synthetic, rows: 100}
                features:
                  - {type: standardize, columns: [x1, age]}
                model: {type: mlp, hidden: [4]}
                strategy: {type: supervised, epochs: 1}
                """;
        String error = host().runInvalid(yaml).errorMessage();
        assertTrue(error.matches(".*:4: features\\[0\\]\\.columns: no feature column \"age\".*"), error);
    }
}
