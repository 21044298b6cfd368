package dev.fulcrum.core.review;

import dev.fulcrum.math.labels.ConfidentLearning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --query label-issues}: confident learning ({@link ConfidentLearning}, Northcutt et al. 2021) on the
 * out-of-fold probabilities of cross-fitting; the rows prune by noise rate flags, ranked by normalized margin
 * (score = max over other classes j of p(j) - p(given)).
 */
final class LabelIssueQuery {

    /** The chosen rows, how many were flagged, and the estimated share of wrong labels. */
    record Outcome(List<ReviewRow> rows, int flagged, double noiseRate) {
    }

    private LabelIssueQuery() {
    }

    static Outcome select(Candidates candidates, CrossFitting.Result fitted, Integer top) {
        int[] given = new int[fitted.rows().length];
        for (int i = 0; i < given.length; i++) {
            given[i] = candidates.given()[fitted.rows()[i]];
        }
        ConfidentLearning learning = ConfidentLearning.of(fitted.probabilities(), given, candidates.classes().size());
        double[] thresholds = learning.thresholds();
        List<ConfidentLearning.Issue> issues = learning.issues();
        int keep = top == null ? issues.size() : Math.min(top, issues.size());
        List<ReviewRow> rows = new ArrayList<>();
        for (ConfidentLearning.Issue issue : issues.subList(0, keep)) {
            double[] p = fitted.probabilities()[issue.row()];
            int row = fitted.rows()[issue.row()];
            int label = given[issue.row()];
            int predicted = argmax(p);
            String name = candidates.classes().get(label);
            String reason = String.format(Locale.ROOT, "given %s, out-of-fold p(%s)=%.2f %s threshold %.2f; p(%s)=%.2f",
                    name, name, p[label], p[label] < thresholds[label] ? "<" : ">=", thresholds[label],
                    candidates.classes().get(issue.likely()), p[issue.likely()]);
            rows.add(new ReviewRow(candidates.ids()[row], candidates.task(), candidates.split(), name,
                    candidates.classes().get(predicted), p[predicted], issue.margin(), reason, row));
        }
        return new Outcome(rows, issues.size(), learning.noiseRate());
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            best = p[j] > p[best] ? j : best;
        }
        return best;
    }
}
