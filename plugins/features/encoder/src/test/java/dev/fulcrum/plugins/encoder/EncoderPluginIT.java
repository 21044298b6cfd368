package dev.fulcrum.plugins.encoder;

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
        RunRecord first = host().runSucceeding(general);
        RunRecord second = host().runSucceeding(specific.formatted(first.model()));
        Dataset raw = new SyntheticDataFactory().create(new SyntheticParams(500, null, null, 0.0, 0.0, null, null, null, 22L),
                new HostRunContext(0, RunFolder.at(scratch))).load();
        SavedModelCheck.assertPredictsAsInRun(host(), second, raw, Tasks.SPECIFIC);
    }
}
