package dev.fulcrum.plugins.pretrainfinetune;

import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.model.LayerActivations;
import dev.fulcrum.api.train.LayerChoice;
import dev.fulcrum.api.train.TrainingSession;
import dev.fulcrum.math.representation.LinearProbe;
import dev.fulcrum.math.representation.LogMe;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * {@code freeze: auto}: after pre-training, scores what the fine-tuned part would start from at each
 * cut (the raw input, freezing nothing, then each trunk layer's output, freezing it and every layer
 * below) for the specific task on its training rows, and freezes at the deepest cut whose score is
 * within the tolerance of the best. Which depth is right depends on the shift (Lee et al. 2022,
 * "Surgical Fine-Tuning Improves Adaptation to Distribution Shifts", arXiv 2210.11466); among cuts
 * that score alike the deeper freezes more, so the general task, which shares the frozen layers,
 * keeps more of what it learned.
 */
final class AutoFreeze {

    static final String SCORE_LOGME = "logme";
    static final String SCORE_PROBE = "probe";
    static final String RULE = "the deepest cut whose score is within the tolerance of the best";

    private AutoFreeze() {
    }

    static LayerChoice choose(TrainingSession session, String score, double tolerance, int maxRows) {
        long started = System.nanoTime();
        LayerActivations activations = session.trunkActivations(Tasks.SPECIFIC, maxRows);
        List<String> trunk = activations.layers();
        List<LayerChoice.Candidate> candidates = new ArrayList<>();
        candidates.add(new LayerChoice.Candidate(LayerChoice.Candidate.INPUT, PretrainFinetuneParams.FREEZE_NONE,
                score(score, session.trainingInputs(Tasks.SPECIFIC, maxRows), activations)));
        for (String layer : trunk) {
            candidates.add(new LayerChoice.Candidate(layer, layer, score(score, activations.of(layer), activations)));
        }
        int chosen = deepestWithinTolerance(candidates.stream().mapToDouble(LayerChoice.Candidate::score).toArray(), tolerance);
        return new LayerChoice(score, RULE, tolerance, activations.rows(), candidates, candidates.get(chosen).freeze(),
                reason(candidates, chosen, tolerance), (System.nanoTime() - started) / 1e9);
    }

    /** The index of the last score within {@code tolerance} of the largest. */
    static int deepestWithinTolerance(double[] scores, double tolerance) {
        double best = IntStream.range(0, scores.length).mapToDouble(i -> scores[i]).max().orElseThrow();
        int chosen = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= best - tolerance) {
                chosen = i;
            }
        }
        return chosen;
    }

    private static double score(String score, INDArray features, LayerActivations activations) {
        int[] labels = activations.labels();
        if (score.equals(SCORE_LOGME)) {
            return LogMe.score(features, labels, activations.classes());
        }
        // The session hands out training rows only: the probe trains on every other one and is scored on the rest.
        int[] train = IntStream.range(0, labels.length).filter(i -> i % 2 == 0).toArray();
        int[] held = IntStream.range(0, labels.length).filter(i -> i % 2 == 1).toArray();
        return LinearProbe.accuracy(features.getRows(train), pick(labels, train), features.getRows(held), pick(labels, held),
                activations.classes());
    }

    private static int[] pick(int[] labels, int[] rows) {
        return IntStream.of(rows).map(row -> labels[row]).toArray();
    }

    private static String reason(List<LayerChoice.Candidate> candidates, int chosen, double tolerance) {
        LayerChoice.Candidate best = candidates.stream().max((a, b) -> Double.compare(a.score(), b.score())).orElseThrow();
        LayerChoice.Candidate pick = candidates.get(chosen);
        String deeper = chosen == candidates.size() - 1 ? "it is the deepest cut"
                : "no deeper cut is within " + number(tolerance) + " of the best";
        if (pick == best) {
            return pick.layer() + " scores best (" + number(pick.score()) + ") and " + deeper;
        }
        return pick.layer() + " scores " + number(pick.score()) + ", within " + number(tolerance) + " of the best ("
                + best.layer() + ", " + number(best.score()) + "), and " + deeper;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
