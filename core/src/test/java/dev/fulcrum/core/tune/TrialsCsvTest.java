package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.Yaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrialsCsvTest {

    private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");

    private static Map<String, Object> params(Object... pathsAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            params.put((String) pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return params;
    }

    @Test
    void oneRowPerTrialWithEveryParameterSeenAndQuotesWhereRfc4180WantsThem() {
        Path study = Path.of("/studies/balance");
        TrialRecord pruned = new TrialRecord(1, TrialState.PRUNED, params("strategy.type", "pretrain-finetune",
                "strategy.learning-rate", 0.5), Map.of(), true, new TreeMap<>(Map.of(1, Map.of(), 2, Map.of(), 3, Map.of())),
                "/studies/balance/trial-1", null, "w1", START, START.plusMillis(3250));
        TrialRecord failed = new TrialRecord(2, TrialState.FAILED, params("strategy.learning-rate", -0.1), Map.of(), true,
                new TreeMap<>(), "/elsewhere/trial-2", "strategy.specific-share: must be in (0, 1], got \"1.5\"\nat line 2",
                "w1", START, START.plusSeconds(1));
        List<TrialRecord> trials = List.of(MadeUpTrials.waiting(3), failed, pruned,
                MadeUpTrials.complete(0, params("strategy.type", "multi-task", "model.hidden", List.of(256, 128),
                        "strategy.learning-rate", 0.001), 0.8, 0.9, true));
        assertEquals("number,state,strategy.type,model.hidden,strategy.learning-rate,validation.specific.accuracy,"
                + "validation.general.accuracy,feasible,seconds,pruned_step,run_folder,error\r\n"
                + "0,complete,multi-task,\"[256, 128]\",0.001,0.8,0.9,true,10.0,,trial-0,\r\n"
                + "1,pruned,pretrain-finetune,,0.5,,,,3.3,3,trial-1,\r\n"
                + "2,failed,,,-0.1,,,,1.0,,/elsewhere/trial-2,\"strategy.specific-share: must be in (0, 1], got \"\"1.5\"\"\n"
                + "at line 2\"\r\n"
                + "3,waiting,,,,,,,,,,\r\n", TrialsCsv.text(trials, MadeUpTrials.BOTH, new TrialFolders(study)));
    }

    @Test
    void parameterValuesAreYamlFlowTextThatReadsBackTheSame() {
        assertEquals("[[256, 128], {type: pca, dims: 8}]", Yaml.flow(Json.tree(List.of(List.of(256, 128),
                params("type", "pca", "dims", 8)))));
        assertEquals("\"on\"", Yaml.flow(TextNode.valueOf("on")));
        assertEquals("\"0.5\"", Yaml.flow(TextNode.valueOf("0.5")));
        assertEquals("\"a, b\"", Yaml.flow(TextNode.valueOf("a, b")));
        assertEquals("1.0E-4", Yaml.flow(Json.tree(1e-4)));
        assertEquals("true", Yaml.flow(Json.tree(true)));
    }
}
