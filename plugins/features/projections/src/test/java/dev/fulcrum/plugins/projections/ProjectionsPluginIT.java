package dev.fulcrum.plugins.projections;

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

class ProjectionsPluginIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "projections";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.FEATURES, List.of("pca", "random-fourier"));
    }

    @Test
    void aSavedModelProjectsNewRowsAsTheRunDid(@TempDir Path scratch) {
        String yaml = """
                name: projections-it
                seed: 6
                data:
                  specific: {type: synthetic, rows: 600, target-share: 0, general-share: 0, seed: 13}
                features:
                  - {type: pca, components: 6}
                  - {type: random-fourier, components: 64}
                model: {type: mlp, hidden: [16]}
                strategy: {type: supervised, epochs: 3, batch-size: 64}
                """;
        RunRecord run = host().runSucceeding(yaml);
        Dataset raw = new SyntheticDataFactory().create(new SyntheticParams(600, null, null, 0.0, 0.0, null, null, null, 13L),
                new HostRunContext(0, RunFolder.at(scratch))).load();
        SavedModelCheck.assertPredictsAsInRun(host(), run, raw, Tasks.SPECIFIC);
    }
}
