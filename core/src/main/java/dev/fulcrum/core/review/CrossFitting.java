package dev.fulcrum.core.review;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.host.CatalogFactories;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.HeldOutRows;
import dev.fulcrum.core.pipeline.PipelineLauncher;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.pipeline.RunProgress;
import dev.fulcrum.core.pipeline.RunStatus;
import dev.fulcrum.core.pipeline.SavedRun;
import dev.fulcrum.core.run.ScratchFolder;
import dev.fulcrum.math.random.StratifiedFolds;
import dev.fulcrum.runtime.FulcrumModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Out-of-sample class probabilities for every training row of one task by k-fold cross-fitting of the run's own
 * pipeline: the rows are dealt to folds stratified by given label (seeded); for fold f the run's {@code config.yaml}
 * runs again in a scratch folder with fold f's rows left out of that task's training rows ({@link HeldOutRows}; the
 * other task's rows and every validation and test row as they were), and that run's saved model predicts fold f's
 * rows through {@link FulcrumModel}, the path {@code fulcrum predict} takes. No row is scored by a model that trained
 * on it; {@link #run} checks it on the ids each fold's run reports it trained on.
 */
public final class CrossFitting {

    /** One fold: the ids its model trained on (of the task) and the ids it scored. */
    public record Fold(int index, List<String> trained, List<String> scored, double seconds) {
    }

    /**
     * @param rows indices into the rows handed to {@link #run}: the task's training rows, ascending
     * @param probabilities per row of {@code rows}, the out-of-fold probability of each of the task's classes
     * @param fold per row of {@code rows}, the fold that scored it
     */
    public record Result(int[] rows, double[][] probabilities, int[] fold, List<Fold> folds) {
    }

    private CrossFitting() {
    }

    /**
     * @param raw the run's rows as its sources gave them, split as it split them ({@link SavedRun#splitRawRows})
     * @param quiet where the fold runs report (nothing, usually)
     * @param progress where each fold's line goes
     * @throws InvalidInputException for fewer than 2 folds or a class with fewer training rows than folds
     */
    public static Result run(FulcrumHost host, SavedRun run, Dataset raw, String task, int folds, long seed,
                             RunProgress quiet, RunProgress progress) {
        int[] rows = raw.labelledRows(task, Partition.TRAIN);
        int[] all = raw.labels(task);
        List<String> classes = raw.schema().task(task).orElseThrow().classes();
        int[] labels = new int[rows.length];
        int[] counts = new int[classes.size()];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = all[rows[i]];
            counts[labels[i]]++;
        }
        if (folds < 2) {
            throw new InvalidInputException("--folds: must be at least 2 (cross-fitting scores each row with a model trained "
                    + "without it), got " + folds);
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < folds) {
                throw new InvalidInputException("--folds " + folds + ": the " + task + " class \"" + classes.get(c) + "\" has "
                        + counts[c] + " training rows in " + run.folder() + ", fewer than the folds; use --folds " + Math.max(2, counts[c])
                        + " or fewer");
            }
        }
        int[] fold = StratifiedFolds.assign(labels, classes.size(), folds, seed);
        double[][] probabilities = new double[rows.length][];
        List<Fold> done = new ArrayList<>();
        CatalogFactories factories = new CatalogFactories(host.catalog());
        PipelineLauncher launcher = new PipelineLauncher(host, quiet);
        // A fold's run folder is thrown away once its model has scored the fold, so its reporters would work for nothing.
        PipelineConfig unreported = run.pipelineWith(List.of("report=[]"));
        for (int f = 0; f < folds; f++) {
            long started = System.nanoTime();
            List<Integer> members = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < rows.length; i++) {
                if (fold[i] == f) {
                    members.add(i);
                    ids.add(raw.id(rows[i]));
                }
            }
            HeldOutRows heldOut = HeldOutRows.of(task, ids);
            double[][] scored;
            try (ScratchFolder scratch = ScratchFolder.create("review-fold")) {
                RunOutcome outcome = launcher.runHoldingOut(unreported, scratch.runFolder(), heldOut);
                if (outcome.status() != RunStatus.SUCCEEDED && outcome.status() != RunStatus.GATE_FAILED) {
                    throw new IllegalStateException("cross-fitting fold " + (f + 1) + " of " + folds + ": the pipeline ended "
                            + outcome.status().label() + ": " + outcome.errorMessage());
                }
                FulcrumModel model = FulcrumModel.load(scratch.path(), factories);
                Dataset foldRows = raw.select(members.stream().mapToInt(i -> rows[i]).toArray());
                INDArray p = model.probabilities(model.inRawSchema(foldRows)).get(task);
                scored = p.toDoubleMatrix();
            }
            Set<String> trained = new HashSet<>(heldOut.trained());
            for (String id : ids) {
                if (trained.contains(id)) {
                    throw new IllegalStateException("cross-fitting fold " + (f + 1) + " trained on " + id + ", which it scores");
                }
            }
            for (int m = 0; m < members.size(); m++) {
                probabilities[members.get(m)] = scored[m];
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            done.add(new Fold(f, heldOut.trained(), List.copyOf(ids), seconds));
            progress.note(String.format(java.util.Locale.ROOT, "review: fold %d of %d: trained on %d %s rows, scored %d (%.1f s)",
                    f + 1, folds, heldOut.trained().size(), task, ids.size(), seconds));
        }
        return new Result(rows, probabilities, fold, done);
    }
}
