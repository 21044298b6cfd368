package dev.fulcrum.core.tune;

import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.run.ModelArchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps {@code model.zip} (and {@code theta0.zip}, the model as specific training started) only in the
 * folders of trials on the Pareto front. A finished trial off the front never returns to it (trials
 * only join a study), so its models can go at once.
 */
final class FrontModels {

    private FrontModels() {
    }

    static void keepFront(Path studyFolder, List<Objective> objectives, List<TrialRecord> trials) {
        Set<Integer> front = front(objectives, trials);
        for (TrialRecord trial : trials) {
            if (trial.state().finished() && trial.runFolder() != null && !front.contains(trial.number())) {
                try {
                    Path folder = studyFolder.resolve(trial.runFolder());
                    Files.deleteIfExists(folder.resolve(ModelArchive.FILE));
                    Files.deleteIfExists(folder.resolve(ModelArchive.STARTING_POINT));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove the model of trial " + trial.number(), e);
                }
            }
        }
    }

    private static Set<Integer> front(List<Objective> objectives, List<TrialRecord> trials) {
        Set<Integer> numbers = new HashSet<>();
        ParetoFront.of(trials, objectives).forEach(trial -> numbers.add(trial.number()));
        return numbers;
    }
}
