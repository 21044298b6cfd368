package dev.fulcrum.testkit;

import dev.fulcrum.api.MetricNames;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.pipeline.SavedModel;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Proves that a run's {@code model.zip}, loaded as a user loads it later, predicts exactly as the
 * model did inside the run: its saved feature transforms are restored and applied to raw rows.
 */
public final class SavedModelCheck {

    private SavedModelCheck() {
    }

    /**
     * Predicts the specific task for every row of {@code raw} (the rows the run loaded, before its
     * feature extractors) with the saved model, and checks that, over the rows labelled under
     * {@code task}, the number of correct predictions and the summed cross-entropy equal those of the
     * run's train, validation and test metrics of the specific task together. Every labelled row must
     * have been evaluated in the run (no hidden target labels).
     *
     * @param task the task of {@code raw} that the run made its specific task
     */
    public static void assertPredictsAsInRun(TestHost testHost, RunRecord run, Dataset raw, String task) {
        SavedModel model = SavedModel.load(run.model(), testHost.host());
        float[][] probabilities = model.probabilities(raw).get(Tasks.SPECIFIC).toFloatMatrix();
        int[] labels = raw.labels(task);
        long rows = 0;
        long correct = 0;
        double loss = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == Dataset.NO_LABEL) {
                continue;
            }
            rows++;
            correct += argmax(probabilities[i]) == labels[i] ? 1 : 0;
            loss -= Math.log(Math.max(1e-7, probabilities[i][labels[i]]));
        }
        double runRows = 0;
        double runCorrect = 0;
        double runLoss = 0;
        for (String split : new String[] {"train", "validation", "test"}) {
            double count = run.metric(split, Tasks.SPECIFIC, MetricNames.COUNT);
            runRows += count;
            runCorrect += run.metric(split, Tasks.SPECIFIC, MetricNames.ACCURACY) * count;
            runLoss += run.metric(split, Tasks.SPECIFIC, MetricNames.LOSS) * count;
        }
        assertEquals(runRows, rows, "the run evaluated " + runRows + " labelled rows, the data has " + rows);
        assertEquals(runCorrect, correct, 1e-6, "correct predictions of the saved model versus the run");
        assertEquals(runLoss, loss, 1e-5 * Math.max(1, runLoss), "summed cross-entropy of the saved model versus the run");
    }

    /**
     * The recall of one class (correct predictions among the rows labelled with it) of the saved model's
     * specific task on rows it never saw, labelled under {@code task}.
     */
    public static double recall(TestHost testHost, RunRecord run, Dataset rows, String task, int label) {
        SavedModel model = SavedModel.load(run.model(), testHost.host());
        float[][] probabilities = model.probabilities(rows).get(Tasks.SPECIFIC).toFloatMatrix();
        int[] labels = rows.labels(task);
        int found = 0;
        int total = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                total++;
                found += argmax(probabilities[i]) == label ? 1 : 0;
            }
        }
        return (double) found / total;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }
}
