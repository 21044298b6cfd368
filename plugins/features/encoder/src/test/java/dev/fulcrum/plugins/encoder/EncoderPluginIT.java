package dev.fulcrum.plugins.encoder;

import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.plugins.synthetic.SyntheticDataFactory;
import dev.fulcrum.plugins.synthetic.SyntheticParams;
import dev.fulcrum.testkit.PluginContract;
import dev.fulcrum.testkit.SavedModelCheck;
import dev.fulcrum.testkit.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EncoderPluginIT extends PluginContract {

    @Override
    protected String pluginId() {
        return "encoder";
    }

    @Override
    protected Map<Family, List<String>> expectedTypes() {
        return Map.of(Family.FEATURES, List.of("encoder"));
    }

    /** A run learns mostly the general task; a second run learns the specific task on the first one's trunk activations. */
    @Test
    void aLaterRunTrainsOnTheTrunkOfAnEarlierOne(@TempDir Path scratch) {
        String general = """
                name: general
                seed: 1
                data:
                  specific: {type: synthetic, rows: 800, general-share: 0.7, target-share: 0, seed: 21}
                model: {type: mlp, hidden: [24, 12]}
                strategy: {type: supervised, tasks: [general, specific], epochs: 3}
                """;
        String specific = """
                name: specific
                seed: 2
                data:
                  specific: {type: synthetic, rows: 500, general-share: 0, target-share: 0, seed: 22}
                features:
                  - {type: encoder, model: %s}
                model: {type: mlp, hidden: [8]}
                strategy: {type: supervised, epochs: 3}
                """;
        try (TestHost host = TestHost.forBuiltPlugin()) {
            RunOutcome first = host.run(general);
            assertEquals(RunStatus.SUCCEEDED, first.status(), first.summary().toPrettyString());
            RunOutcome second = host.run(specific.formatted(first.folder().resolve(ModelArchive.FILE)));
            assertEquals(RunStatus.SUCCEEDED, second.status(), second.summary().toPrettyString());
            Dataset raw = new SyntheticDataFactory().create(new SyntheticParams(500, null, null, 0.0, 0.0, null, null, null, 22L),
                    new HostRunContext(0, RunFolder.at(scratch))).load();
            SavedModelCheck.assertPredictsAsInRun(host, second, raw, Tasks.SPECIFIC);
        }
    }
}
