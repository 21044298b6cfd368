package dev.fulcrum.plugins.groupfairness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.cli.ExitCodes;
import dev.fulcrum.core.pipeline.SavedModel;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.runtime.Predictions;
import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code fulcrum audit} on CSV files, with the built plugin in the host's plugins folder. */
class AuditCommandIT extends SharedHostTest {

    private static final String FAIRLEARN = """
            y,yhat,group,score
            0,0,b,0.1
            1,0,b,0.2
            1,1,a,0.9
            1,0,b,0.3
            1,1,b,0.8
            0,1,c,0.7
            1,1,c,0.6
            0,0,c,0.4
            1,0,a,0.45
            0,1,a,0.55
            0,1,c,0.95
            0,1,a,0.5
            1,1,b,0.99
            1,0,c,0.01
            1,0,c,0.2
            1,1,b,0.6
            1,1,c,0.7
            1,0,c,0.3
            """;

    private Path fairlearn;

    @BeforeAll
    void start() {
        fairlearn = host().writeFile("data/fairlearn.csv", FAIRLEARN);
    }

    /** {@code fulcrum audit} of the file's prediction column {@code yhat} against its label {@code y}, with more options. */
    private CliResult auditPredictions(String... options) {
        return host().cli(Stream.concat(Stream.of("audit", "--data", fairlearn.toString(), "--label", "y", "--prediction", "yhat"),
                Stream.of(options)).toArray(String[]::new));
    }

    @Test
    void auditsAPredictionColumnAndWritesTheResults() throws IOException {
        Path out = host().root().resolve("out/fairlearn.json");
        auditPredictions("--sensitive", "group", "--bootstrap", "0", "--out", out.toString())
                .assertExit(ExitCodes.OK).assertOutContains("grouping group").assertOutContains("18 rows of " + fairlearn);
        JsonNode audit = Json.MAPPER.readTree(out.toFile());
        assertEquals(0.25, audit.at("/groupings/group/headline/demographic_parity_difference/value").asDouble(), 1e-12);
        assertEquals(1.0, audit.at("/groupings/group/headline/equalized_odds_difference/value").asDouble(), 1e-12);
        assertEquals(0.5, audit.at("/overall/tpr").asDouble(), 1e-12);
    }

    @Test
    void thresholdsAScoreColumnWhenThereIsNoPrediction() throws IOException {
        Path out = host().root().resolve("out/score.json");
        host().cli("audit", "--data", fairlearn.toString(), "--label", "y", "--score", "score",
                "--sensitive", "group", "--bootstrap", "0", "--out", out.toString()).assertExit(ExitCodes.OK);
        // score >= 0.5 reproduces yhat on every row of the file
        assertEquals(0.555556, Json.MAPPER.readTree(out.toFile()).at("/overall/selection_rate").asDouble(), 1e-6);
    }

    @Test
    void aFailedGateExitsWithCodeThreeAfterPrintingTheAudit() {
        auditPredictions("--sensitive", "group", "--privileged", "group=a", "--gate", "disparate_impact>=0.8", "--bootstrap", "50")
                .assertExit(ExitCodes.GATE_FAILED).assertOutContains("FAIL  disparate_impact >= 0.8 [group]")
                // unprivileged b and c pooled: 7 of 14 selected; privileged a: 3 of 4
                .assertErrContains("disparate_impact on group is 0.6667, below the minimum 0.8 by 0.1333");
    }

    @Test
    void badInputNamesTheFileRowAndColumnAndExitsWithTwo() {
        auditPredictions("--sensitive", "race")
                .assertExit(ExitCodes.BAD_INPUT).assertErrContains("error: " + fairlearn
                        + ": row 1, column race: no column \"race\" in the header; columns are [y, yhat, group, score]");

        Path malformed = host().writeFile("data/malformed.csv", "y,yhat,group\n1,1,a\n0,1\n");
        host().cli("audit", "--data", malformed.toString(), "--label", "y", "--prediction", "yhat", "--sensitive", "group")
                .assertExit(ExitCodes.BAD_INPUT).assertErrContains(malformed + ": row 3: expected 3 fields as in the header, got 2");

        Path badScore = host().writeFile("data/bad-score.csv", "y,group,score\n1,a,0.3\n0,b,high\n");
        host().cli("audit", "--data", badScore.toString(), "--label", "y", "--score", "score", "--sensitive", "group")
                .assertExit(ExitCodes.BAD_INPUT).assertErrContains(badScore + ": row 3, column score: expected a number, got \"high\"");

        auditPredictions("--sensitive", "group", "--privileged", "race=white")
                .assertExit(ExitCodes.BAD_INPUT).assertErrContains("--privileged race=...: race is not among the --sensitive attributes [group]");

        auditPredictions("--sensitive", "group", "--privileged", "group=z")
                .assertExit(ExitCodes.BAD_INPUT).assertErrContains("the privileged group z of group has no rows; its groups are [a, b, c]");

        auditPredictions("--sensitive", "group", "--gate", "disparate_impact=0.8")
                .assertExit(ExitCodes.BAD_INPUT).assertErrContains("--gate disparate_impact=0.8: expected METRIC>=NUMBER or METRIC<=NUMBER");

        auditPredictions("--sensitive", "group", "--gate", "fairness>=0.8")
                .assertExit(ExitCodes.BAD_INPUT).assertErrContains("--gate fairness>=0.8: unknown metric \"fairness\"; known:");

        auditPredictions("--model", "runs/x/model.zip", "--sensitive", "group")
                .assertExit(ExitCodes.BAD_INPUT).assertErrContains("--model predicts the decisions; leave out --prediction and --score");

        auditPredictions()
                .assertExit(ExitCodes.BAD_INPUT).assertErrContains("Missing required option: '--sensitive=A,B'");
    }

    @Test
    void auditsTheDecisionsOfASavedModelOnRawRows() throws IOException {
        Path data = host().writeFile("data/people.csv", people(800));
        Path model = host().runSucceeding("""
                name: people
                seed: 3
                data:
                  specific: {type: csv, path: ../data/people.csv, label: y, sensitive: [group]}
                model: {type: mlp, hidden: [16]}
                strategy: {type: supervised, epochs: 4, batch-size: 64}
                """).model();
        Path out = host().root().resolve("out/model.json");
        host().cli("audit", "--data", data.toString(), "--label", "y", "--model", model.toString(),
                "--sensitive", "group", "--bootstrap", "0", "--out", out.toString()).assertExit(ExitCodes.OK);
        JsonNode audit = Json.MAPPER.readTree(out.toFile());
        assertEquals(800, audit.at("/overall/count").asInt());

        SavedModel saved = SavedModel.load(model, host().host());
        float[] features = new float[800 * 3];
        String[] lines = people(800).split("\n");
        for (int row = 0; row < 800; row++) {
            String[] fields = lines[row + 1].split(",");
            for (int j = 0; j < 3; j++) {
                features[row * 3 + j] = Float.parseFloat(fields[j]);
            }
        }
        Dataset raw = Dataset.builder(saved.inputSchema(), Nd4j.create(features, new long[] {800, 3}, DataType.FLOAT)).build();
        int[] predicted = Predictions.argmax(saved.probabilities(raw).get(Tasks.SPECIFIC));
        double selected = 0;
        for (int p : predicted) {
            selected += p;
        }
        assertEquals(selected / 800, audit.at("/overall/selection_rate").asDouble(), 1e-12);

        Path noFeature = host().writeFile("data/no-feature.csv", "x0,x1,y,group\n0.1,0.2,1,a\n");
        host().cli("audit", "--data", noFeature.toString(), "--label", "y", "--model", model.toString(), "--sensitive", "group")
                .assertExit(ExitCodes.BAD_INPUT).assertErrContains(noFeature + ": row 1, column x2: no column \"x2\" in the header");
    }

    /** Seeded rows: three features, a group, and a label that depends on the first feature and the group. */
    static String people(int rows) {
        SplittableRandom random = new SplittableRandom(17);
        StringBuilder csv = new StringBuilder("x0,x1,x2,y,group\n");
        for (int i = 0; i < rows; i++) {
            boolean b = random.nextDouble() < 0.4;
            double x0 = random.nextGaussian() + (b ? -0.5 : 0.3);
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            int y = x0 + 0.5 * x1 + 0.3 * random.nextGaussian() > 0 ? 1 : 0;
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%d,%s%n", x0, x1, x2, y, b ? "b" : "a"));
        }
        return csv.toString();
    }
}
