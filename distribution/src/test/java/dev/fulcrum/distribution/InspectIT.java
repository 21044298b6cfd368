package dev.fulcrum.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fulcrum.math.representation.LinearCka;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fulcrum inspect} through the real launcher on saved pretrain-finetune runs, with its refusals. */
class InspectIT {

    private static final String PIPELINE = """
            name: inspected
            seed: 5
            data:
              specific: {type: synthetic, rows: 1000}
            model: {type: mlp, hidden: [16, 8]}
            strategy: {type: pretrain-finetune, pretrain-epochs: 3, pretrain-batch-size: 32, epochs: 4, unfreeze-every: 1,
                       batch-size: 32, learning-rate: 0.01}
            report: [{type: html}]
            """;
    private static final List<String> LAYERS = List.of("dense-1", "dense-2");

    @TempDir
    static Path work;
    static Path pipeline;
    static RunRecord finetuned;
    static CliResult inspected;
    static JsonNode representations;
    static Path export;

    @BeforeAll
    static void inspectAFineTunedRunWithItsActivationsExported() throws Exception {
        pipeline = Files.writeString(work.resolve("inspected.yaml"), PIPELINE);
        finetuned = run("finetuned");
        export = work.resolve("export");
        inspected = Launcher.run(work, "inspect", finetuned.folder().toString(), "--export", export.toString()).assertExit(0);
        representations = read(finetuned.folder());
    }

    private static RunRecord run(String runs, String... settings) throws Exception {
        return Launcher.runPipeline(work, pipeline, runs, settings);
    }

    private static JsonNode read(Path folder) throws IOException {
        return new ObjectMapper().readTree(folder.resolve("representations.json").toFile());
    }

    private static List<String> names(JsonNode layers) {
        List<String> names = new ArrayList<>();
        layers.forEach(layer -> names.add(layer.path("name").asText()));
        return names;
    }

    @Test
    void everyTrunkLayerOfTheFinalModelAndOfTheta0GetsProbesLogMeAndDriftAndEachModelItsLeep() {
        assertEquals(1, representations.path("schema_version").asInt());
        assertEquals(List.of("general", "specific"), List.of(representations.at("/settings/tasks/0").asText(),
                representations.at("/settings/tasks/1").asText()));
        JsonNode models = representations.path("models");
        assertEquals(List.of("final", "theta0"), names(models));
        assertEquals("theta0.zip", models.get(1).path("file").asText());
        int classes = finetuned.summary().at("/data/tasks/specific/classes").size();
        for (JsonNode model : models) {
            assertEquals(LAYERS, names(model.path("layers")), model.toString());
            assertEquals(16, model.at("/layers/0/units").asInt());
            assertEquals(8, model.at("/layers/1/units").asInt());
            double leep = model.path("leep").asDouble();
            assertTrue(model.path("leep").isNumber() && leep < 0, "LEEP is a mean log-likelihood: " + leep);
            for (JsonNode layer : model.path("layers")) {
                for (String task : List.of("general", "specific")) {
                    double accuracy = layer.path("probe_accuracy").path(task).asDouble();
                    assertTrue(accuracy >= 0 && accuracy <= 1, task + ": " + layer);
                }
                assertTrue(layer.path("logme").isNumber(), layer.toString());
            }
        }
        double lastLayerProbe = models.get(0).at("/layers/1/probe_accuracy/specific").asDouble();
        assertTrue(lastLayerProbe > 1.0 / classes + 0.1, "the fine-tuned last layer separates the specific classes: " + lastLayerProbe);
        JsonNode rows = representations.path("rows");
        for (String task : List.of("general", "specific")) {
            assertEquals(finetuned.number("data", "tasks", task, "labelled", "validation"), rows.path(task).path("validation").asDouble(), task);
            assertEquals(finetuned.number("data", "tasks", task, "labelled", "train"), rows.path(task).path("train").asDouble(), task);
        }
        assertEquals(LAYERS, names(representations.path("drift")));
        for (JsonNode layer : representations.path("drift")) {
            for (String task : List.of("general", "specific")) {
                JsonNode drift = layer.path("tasks").path(task);
                assertEquals(1 - drift.path("cka").asDouble(), drift.path("drift").asDouble(), 1e-12);
                assertTrue(drift.path("cka").asDouble() <= 1 + 1e-9 && drift.path("cka_biased").asDouble() <= 1 + 1e-9, drift.toString());
            }
        }
        assertTrue(representations.path("against").isNull());
        assertTrue(inspected.out().contains("probe_general"), inspected.out());
        assertTrue(inspected.out().contains("drift_specific"), inspected.out());
        assertTrue(inspected.out().contains("representations.json written"), inspected.out());
    }

    /** The .npy files are read by ND4J's NumPy reader; their CKA is the drift the file reports. */
    @Test
    void theExportedActivationsRoundTripAndGiveTheReportedDrift() {
        for (String sample : List.of("general-train", "general-validation", "specific-train", "specific-validation")) {
            long[] rows = Nd4j.createFromNpyFile(export.resolve(sample + ".rows.npy").toFile()).toLongVector();
            int[] labels = Nd4j.createFromNpyFile(export.resolve(sample + ".labels.npy").toFile()).toIntVector();
            String[] taskAndPartition = sample.split("-");
            assertEquals(representations.path("rows").path(taskAndPartition[0]).path(taskAndPartition[1]).asInt(), rows.length, sample);
            assertEquals(rows.length, labels.length, sample);
            assertArrayEquals(Arrays.stream(rows).distinct().sorted().toArray(), rows, sample + ": distinct rows in row order");
            for (String model : List.of("final", "theta0")) {
                for (int i = 0; i < LAYERS.size(); i++) {
                    INDArray activations = Nd4j.createFromNpyFile(export.resolve(model).resolve(sample).resolve(LAYERS.get(i) + ".npy").toFile());
                    assertArrayEquals(new long[] {rows.length, i == 0 ? 16 : 8}, activations.shape(), model + " " + sample);
                }
            }
        }
        for (String task : List.of("general", "specific")) {
            for (int i = 0; i < LAYERS.size(); i++) {
                String layer = LAYERS.get(i) + ".npy";
                INDArray theta0 = Nd4j.createFromNpyFile(export.resolve("theta0").resolve(task + "-validation").resolve(layer).toFile());
                INDArray last = Nd4j.createFromNpyFile(export.resolve("final").resolve(task + "-validation").resolve(layer).toFile());
                assertEquals(representations.path("drift").get(i).path("tasks").path(task).path("cka").asDouble(),
                        LinearCka.of(theta0, last, LinearCka.Estimator.DEBIASED), 1e-9, task + " " + layer);
            }
        }
    }

    @Test
    void theRunPageShowsTheMeasuresOnceInspected() throws IOException {
        Document page = Jsoup.parse(finetuned.folder().resolve("report.html").toFile(), "UTF-8");
        assertNotNull(page.selectFirst("section#representations"), "inspect rewrote report.html");
        assertEquals(2, page.select("section#representations table#representations-model-0 tbody tr").size());
        assertEquals(2, page.select("section#representations table#representations-model-1 tbody tr").size());
        assertNotNull(page.selectFirst("section#representations div.chart#representations-drift"));
        assertNotNull(page.selectFirst("script#chart-data-representations-drift"));
    }

    @Test
    void againstARunOnTheSameRowsGivesTheLayerByLayerMatrix() throws Exception {
        RunRecord slower = run("slower", "--set", "strategy.learning-rate=0.002");
        CliResult result = Launcher.run(work, "inspect", slower.folder().toString(), "--against", finetuned.folder().toString(),
                "--layers", "dense-2", "--data", "specific").assertExit(0);
        JsonNode file = read(slower.folder());
        assertEquals(List.of("dense-2"), names(file.path("models").get(0).path("layers")));
        JsonNode against = file.path("against");
        assertEquals(finetuned.folder().toString(), against.path("run").asText());
        assertEquals("[\"dense-2\"]", against.path("layers").toString());
        assertEquals("[\"dense-1\",\"dense-2\"]", against.path("against_layers").toString());
        JsonNode matrix = against.at("/tasks/specific/cka");
        assertEquals(1, matrix.size());
        assertEquals(2, matrix.get(0).size());
        matrix.get(0).forEach(cka -> assertTrue(cka.isNumber() && cka.asDouble() <= 1 + 1e-9, matrix.toString()));
        assertTrue(against.at("/tasks/general").isMissingNode(), "--data specific: the specific rows only");
        assertTrue(result.out().contains("CKA (debiased) with " + finetuned.folder()), result.out());
    }

    @Test
    void badInputIsRefusedWithExitTwoAndTheReason() throws Exception {
        Path run = finetuned.folder();
        Launcher.run(work, "inspect", run.toString(), "--layers", "dense-1,dense-9").assertExit(2)
                .assertErrContains("--layers: " + run + " has no trunk layer \"dense-9\"; its trunk layers are dense-1, dense-2");
        Launcher.run(work, "inspect", run.toString(), "--data", "sideways").assertExit(2)
                .assertErrContains("--data: expected one of general, specific, both, got \"sideways\"");
        Launcher.run(work, "inspect", run.toString(), "--rows", "3").assertExit(2)
                .assertErrContains("--rows: must be at least 4 (the debiased CKA needs 4 rows), got 3");
        RunRecord reseeded = run("reseeded", "--seed", "6");
        Launcher.run(work, "inspect", run.toString(), "--against", reseeded.folder().toString()).assertExit(2)
                .assertErrContains(reseeded.folder() + " was trained on other rows than " + run);
        RunRecord supervised = run("supervised", "--set", "strategy={type: supervised, epochs: 2, tasks: [specific, general]}");
        Launcher.run(work, "inspect", supervised.folder().toString()).assertExit(2)
                .assertErrContains(supervised.folder() + ": it has no theta0.zip (its strategy kept no theta_0, the model as "
                        + "specific training started), so drift cannot be measured; --no-drift inspects it without");
        Launcher.run(work, "inspect", supervised.folder().toString(), "--no-drift").assertExit(0);
        JsonNode file = read(supervised.folder());
        assertTrue(file.path("drift").isNull());
        assertEquals(List.of("final"), names(file.path("models")));
    }
}
