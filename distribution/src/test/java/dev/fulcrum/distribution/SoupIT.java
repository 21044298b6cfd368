package dev.fulcrum.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.RunRecord;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fine-tunes of one saved theta_0 (pretrain-finetune's start-from) and their model soups through the real launcher:
 * {@code fulcrum ensemble --combine greedy-soup|uniform-soup}, {@code fulcrum predict} on the soup, and the refusals.
 */
class SoupIT {

    private static final String PIPELINE = """
            name: small
            data:
              specific: {type: synthetic, rows: 800}
            model: {type: mlp, hidden: [16]}
            strategy: {type: pretrain-finetune, pretrain-epochs: 2, epochs: 6, unfreeze-every: 2}
            report: [{type: html}]
            """;

    @TempDir
    static Path work;
    static Path pipeline;
    static RunRecord base;
    static List<RunRecord> fineTunes = new ArrayList<>();

    @BeforeAll
    static void fineTuneOneThetaZeroThreeWays() throws Exception {
        pipeline = Files.writeString(work.resolve("small.yaml"), PIPELINE);
        base = run("base");
        String[] rates = {"0.001", "0.003", "0.0005"};
        for (int k = 1; k <= 3; k++) {
            fineTunes.add(run("ft" + k, "--set", "strategy.start-from=" + base.folder(), "--set", "strategy.finetune-seed=" + k,
                    "--set", "strategy.learning-rate=" + rates[k - 1]));
        }
    }

    private static RunRecord run(String runs, String... settings) throws Exception {
        return Launcher.runPipeline(work, pipeline, runs, settings);
    }

    private static Map<String, INDArray> parameters(Path network) throws Exception {
        ComputationGraph graph = ModelSerializer.restoreComputationGraph(network.toFile(), false);
        return graph.paramTable();
    }

    @Test
    void aStartFromRunSkipsPreTrainingAndKeepsTheSavedThetaZeroAsItsOwn() throws Exception {
        RunRecord fineTune = fineTunes.get(0);
        JsonNode phases = fineTune.summary().path("training").path("phases");
        assertEquals(1, phases.size(), phases.toString());
        assertEquals("finetune", phases.get(0).path("name").asText());
        assertEquals(4, phases.get(0).path("epochs_run").asInt(), "epochs - unfreeze-every: the head-only epochs are theta_0's");
        Map<String, INDArray> saved = parameters(base.folder().resolve("theta0.zip"));
        Map<String, INDArray> own = parameters(fineTune.folder().resolve("theta0.zip"));
        assertEquals(saved.keySet(), own.keySet());
        saved.forEach((name, values) -> assertArrayEquals(values.dup().data().asFloat(), own.get(name).dup().data().asFloat(), 0f, name));
        JsonNode from = fineTune.provenance().path("starting_point");
        assertEquals(base.folder().resolve("theta0.zip").toString(), from.path("file").asText());
        assertEquals(sha256(base.folder().resolve("theta0.zip")), from.path("sha256").asText());
        assertTrue(base.provenance().path("starting_point").isNull());
        assertTrue(fineTune.summary().path("balance").path("general_before").isNumber(), "general accuracy at theta_0");
        assertFalse(fineTune.metric("test", "specific", "loss") == fineTunes.get(1).metric("test", "specific", "loss"),
                "another seed and rate, another fine-tune");
    }

    @Test
    void aGreedySoupIsOneModelThatPredictsAndNeverScoresBelowItsBestMemberOnValidation() throws Exception {
        Path out = work.resolve("greedy");
        List<String> args = new ArrayList<>(List.of("ensemble"));
        fineTunes.forEach(run -> args.add(run.folder().toString()));
        args.addAll(List.of("--out", out.toString(), "--combine", "greedy-soup"));
        Launcher.run(work, args.toArray(String[]::new)).assertExit(0).assertOutContains("greedy-soup of 3 runs written");
        RunRecord soup = RunRecord.at(out);
        JsonNode section = soup.summary().path("ensemble");
        assertEquals("greedy-soup", section.path("combine").asText());
        assertTrue(section.path("combiner").isNull());
        JsonNode recipe = section.path("soup");
        assertEquals("greedy", recipe.path("recipe").asText());
        assertEquals(3, recipe.path("steps").size());
        double bestAlone = 0;
        for (JsonNode step : recipe.path("steps")) {
            bestAlone = Math.max(bestAlone, step.path("alone").asDouble());
        }
        assertTrue(recipe.path("validation_score").asDouble() >= bestAlone, recipe.toString());
        double validation = (soup.metric("validation", "specific", "accuracy") + soup.metric("validation", "general", "accuracy")) / 2;
        assertEquals(recipe.path("validation_score").asDouble(), validation, 1e-12, "the soup's score is its model's");
        assertEquals(recipe.path("steps").get(0).path("member").asInt(), recipe.path("ingredients").get(0).asInt());
        assertTrue(Files.isRegularFile(out.resolve("model.zip")));
        assertTrue(Files.isRegularFile(out.resolve("theta0.zip")));
        assertFalse(Files.exists(out.resolve("members")), "a soup is one model, not its members");
        assertEquals(sha256(fineTunes.get(0).folder().resolve("model.zip")),
                section.path("members").get(0).path("model_sha256").asText());
        assertTrue(Files.readString(out.resolve("report.html")).contains("id=\"soup-members\""));

        Path rows = Files.writeString(work.resolve("rows.yaml"), "{type: synthetic, rows: 800}\n");
        CliResult predicted = Launcher.run(work, "predict", out.toString(), "--data", rows.toString(), "--partition", "test",
                "--out", work.resolve("predictions.csv").toString());
        predicted.assertExit(0).assertOutContains(String.format(Locale.ROOT, "specific accuracy %.4f",
                soup.metric("test", "specific", "accuracy")));
    }

    @Test
    void aUniformSoupAveragesEveryMember() throws Exception {
        Path out = work.resolve("uniform");
        Launcher.run(work, "ensemble", fineTunes.get(0).folder().toString(), fineTunes.get(1).folder().toString(),
                "--out", out.toString(), "--combine", "uniform-soup").assertExit(0);
        JsonNode recipe = RunRecord.at(out).summary().path("ensemble").path("soup");
        assertEquals("[1,2]", recipe.path("ingredients").toString());
        Map<String, INDArray> first = parameters(fineTunes.get(0).model());
        Map<String, INDArray> second = parameters(fineTunes.get(1).model());
        Map<String, INDArray> soup = parameters(out.resolve("model.zip"));
        first.forEach((name, values) -> {
            float[] a = values.dup().data().asFloat();
            float[] b = second.get(name).dup().data().asFloat();
            float[] mean = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                mean[i] = a[i] + (b[i] - a[i]) / 2;
            }
            assertArrayEquals(mean, soup.get(name).dup().data().asFloat(), 1e-6f, name);
        });
    }

    @Test
    void runsThatDoNotShareThetaZeroAreRefusedWithTheReason() throws Exception {
        String member = fineTunes.get(0).folder().toString();
        RunRecord otherStart = run("other-start", "--set", "strategy.pretrain-learning-rate=0.01");
        CliResult refused = Launcher.run(work, "ensemble", member, otherStart.folder().toString(), "--out", "x", "--combine", "greedy-soup");
        refused.assertExit(2).assertErrContains(fineTunes.get(0).folder().resolve("theta0.zip") + " and "
                + otherStart.folder().resolve("theta0.zip") + " (a soup averages fine-tunes of one theta_0) hold other values: parameter ");
        RunRecord supervised = run("supervised", "--set", "strategy={type: supervised, epochs: 2}");
        Launcher.run(work, "ensemble", member, supervised.folder().toString(), "--out", "y", "--combine", "uniform-soup")
                .assertExit(2).assertErrContains(supervised.folder() + ": it has no theta0.zip; a soup averages fine-tunes of one theta_0");
        Launcher.run(work, "ensemble", member, member, "--out", "z", "--combine", "salad-soup")
                .assertExit(2).assertErrContains("--combine: unknown soup \"salad-soup\"; expected uniform-soup or greedy-soup");
        Launcher.run(work, "run", pipeline.toString(), "--runs", "missing", "--set", "strategy.start-from=" + work.resolve("nowhere"))
                .assertExit(2).assertErrContains(work.resolve("nowhere") + ": no such file");
        assertFalse(Files.exists(work.resolve("x")), "nothing written for refused runs");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
