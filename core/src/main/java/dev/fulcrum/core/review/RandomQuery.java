package dev.fulcrum.core.review;

import dev.fulcrum.math.random.RandomArrays;
import dev.fulcrum.runtime.FulcrumModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** {@code --query random}: a seeded uniform sample of K rows, the baseline; score = K - position, so the file keeps the draw's order. */
final class RandomQuery {

    private RandomQuery() {
    }

    static List<ReviewRow> select(Candidates candidates, FulcrumModel model, int top, long seed) {
        int count = Math.min(top, candidates.rows().length);
        int[] order = RandomArrays.permutation(candidates.rows().length, new SplittableRandom(seed));
        int[] drawn = Arrays.stream(order, 0, count).map(i -> candidates.rows()[i]).toArray();
        double[][] p = Scoring.probabilities(model, candidates, drawn);
        List<ReviewRow> rows = new ArrayList<>();
        for (int i = 0; i < drawn.length; i++) {
            int predicted = LabelIssueQuery.argmax(p[i]);
            rows.add(new ReviewRow(candidates.ids()[drawn[i]], candidates.task(), candidates.split(), candidates.givenName(drawn[i]),
                    candidates.classes().get(predicted), p[i][predicted], count - i,
                    "seeded random sample (seed " + seed + "), draw " + (i + 1) + " of " + count, drawn[i]));
        }
        return rows;
    }
}
