package dev.fulcrum.plugins.idx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.testkit.IdxImages;
import dev.fulcrum.testkit.RunRecord;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The idx source in real pipelines: a specific and a general task cut from one pair of files, as with Fashion-MNIST. */
class IdxPipelineIT extends SharedHostTest {

    private String pipeline;

    @BeforeAll
    void start() {
        IdxImages.Files train = IdxImages.write(host().root().resolve("data"), "train", 1000, 8, 10, 1, true);
        IdxImages.Files test = IdxImages.write(host().root().resolve("data"), "t10k", 400, 8, 10, 2, true);
        String files = "images: %s, labels: %s, test-images: %s, test-labels: %s".formatted(
                train.images(), train.labels(), test.images(), test.labels());
        pipeline = """
                name: idx-balance
                seed: 4
                data:
                  specific: {type: idx, %s, classes: [5, 6, 7, 8, 9], per-class: 20}
                  general: {type: idx, %s, classes: [0, 1, 2, 3, 4]}
                model: {type: mlp, hidden: [32]}
                strategy: {type: supervised, tasks: [specific, general], epochs: 8, batch-size: 32}
                """.formatted(files, files);
    }

    @Test
    void specificAndGeneralTasksComeFromTheirClassesWithTheTestFilesAsTestSplit() {
        RunRecord run = host().runSucceeding(pipeline);
        JsonNode tasks = run.summary().path("data").path("tasks");
        assertEquals(List.of("5", "6", "7", "8", "9"), strings(tasks.path("specific").path("classes")));
        assertEquals(List.of("0", "1", "2", "3", "4"), strings(tasks.path("general").path("classes")));
        JsonNode specific = tasks.path("specific").path("labelled");
        // 20 labelled rows per class, of which the split holds out 15 % (3 per class) for validation
        assertEquals(85, specific.path("train").asInt());
        assertEquals(15, specific.path("validation").asInt());
        assertEquals(200, specific.path("test").asInt());
        assertEquals(200, tasks.path("general").path("labelled").path("test").asInt());
        assertEquals(64, run.number("data", "features"));
        double specificAccuracy = run.number("balance", "specific");
        double generalAccuracy = run.number("balance", "general");
        assertTrue(specificAccuracy > 0.8 && generalAccuracy > 0.8, "the generated classes are easy: " + run.summary().path("balance"));
    }

    @Test
    void theGeneralClassesCanBeChosenFromTheCommandLine() {
        JsonNode general = host().runSucceeding(pipeline, "data.general.classes=[0,2,4,6,8]", "strategy.epochs=1")
                .summary().path("data").path("tasks").path("general");
        assertEquals(List.of("0", "2", "4", "6", "8"), strings(general.path("classes")));
        assertEquals(200, general.path("labelled").path("test").asInt());
    }

    @Test
    void aMissingFileFailsTheRunAsBadInputNamingTheFile() {
        String error = host().runInvalid(pipeline, "data.general.labels=nowhere.gz").errorMessage();
        assertTrue(error.endsWith("nowhere.gz: no such file"), error);
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
