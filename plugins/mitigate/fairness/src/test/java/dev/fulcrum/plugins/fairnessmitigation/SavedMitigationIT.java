package dev.fulcrum.plugins.fairnessmitigation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.cli.ExitCodes;
import dev.fulcrum.core.pipeline.SavedModel;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model trained on a CSV with correlation removal and per-group thresholds: `fulcrum audit --model`
 * replays both on raw rows, so it audits the decisions the model was saved to make.
 */
class SavedMitigationIT extends SharedHostTest {

    private static final int ROWS = 900;

    @Test
    void theAuditCommandAppliesTheSavedTransformAndThresholds() throws IOException {
        String csv = applicants();
        Path data = host().writeFile("data/applicants.csv", csv);
        Path model = host().runSucceeding("""
                name: applicants
                seed: 5
                data:
                  specific: {type: csv, path: ../data/applicants.csv, label: hired, sensitive: [sex]}
                features:
                  - {type: correlation-remover}
                mitigate:
                  - {type: threshold-optimizer, constraint: demographic-parity}
                model: {type: mlp, hidden: [16]}
                strategy: {type: supervised, epochs: 4, batch-size: 64}
                """).model();
        Path out = host().root().resolve("out/applicants.json");
        host().cli("audit", "--data", data.toString(), "--label", "hired", "--model", model.toString(),
                "--sensitive", "sex", "--privileged", "sex=m", "--bootstrap", "0", "--out", out.toString()).assertExit(ExitCodes.OK);

        SavedModel saved = SavedModel.load(model, host().host());
        String[] lines = csv.split("\n");
        float[] features = new float[ROWS * 2];
        String[] sex = new String[ROWS];
        for (int row = 0; row < ROWS; row++) {
            String[] fields = lines[row + 1].split(",");
            features[row * 2] = Float.parseFloat(fields[0]);
            features[row * 2 + 1] = Float.parseFloat(fields[1]);
            sex[row] = fields[3];
        }
        Dataset raw = Dataset.builder(saved.inputSchema(), Nd4j.create(features, new long[] {ROWS, 2}, DataType.FLOAT))
                .sensitive("sex", sex).build();
        INDArray probabilities = saved.probabilities(raw).get(Tasks.SPECIFIC);
        int[] decided = saved.decide(probabilities, Map.of("sex", sex));
        double selectedMen = 0;
        double men = 0;
        for (int row = 0; row < ROWS; row++) {
            if (sex[row].equals("m")) {
                men++;
                selectedMen += decided[row];
            }
        }
        JsonNode results = Json.MAPPER.readTree(out.toFile());
        assertEquals(selectedMen / men, results.at("/groupings/sex/groups/m/selection_rate").asDouble(), 1e-12);
        double disparateImpact = results.at("/groupings/sex/headline/disparate_impact/value").asDouble();
        assertTrue(disparateImpact > 0.8, "demographic-parity thresholds should hold on these rows: " + disparateImpact);
    }

    /** Seeded applicants: skill and a proxy feature for sex; hiring favoured men. */
    private static String applicants() {
        SplittableRandom random = new SplittableRandom(23);
        StringBuilder csv = new StringBuilder("skill,proxy,hired,sex\n");
        for (int i = 0; i < ROWS; i++) {
            boolean woman = random.nextDouble() < 0.45;
            double skill = random.nextGaussian();
            double proxy = random.nextGaussian() + (woman ? 1.5 : -1.0);
            int hired = skill + (woman ? -1.0 : 0.5) + 0.4 * random.nextGaussian() > 0 ? 1 : 0;
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%d,%s%n", skill, proxy, hired, woman ? "f" : "m"));
        }
        return csv.toString();
    }
}
