package dev.fulcrum.core.review;

import dev.fulcrum.runtime.FulcrumModel;

/** The final model's class probabilities for the task on some candidate rows, through the saved model's prediction path. */
final class Scoring {

    private Scoring() {
    }

    static double[][] probabilities(FulcrumModel model, Candidates candidates, int[] rows) {
        if (rows.length == 0) {
            return new double[0][];
        }
        return model.probabilities(model.inRawSchema(candidates.raw().select(rows))).get(candidates.task()).toDoubleMatrix();
    }
}
