package dev.fulcrum.core.review;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.RunProgress;
import dev.fulcrum.core.pipeline.SavedRun;
import dev.fulcrum.runtime.FulcrumModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fulcrum review}: chooses the rows of one task an expert should look at (see {@link ReviewQuery}), from the
 * run's training rows of that task or from a pool of unlabelled rows.
 */
public final class RunReview {

    private static final List<String> TASKS = List.of(Tasks.SPECIFIC, Tasks.GENERAL);

    private RunReview() {
    }

    /** Refuses a task the run does not have, a {@code --top} below 1, {@code --diverse} off uncertain and label issues on a pool, before any work. */
    public static void check(SavedRun run, ReviewRequest request, boolean pool) {
        if (!TASKS.contains(request.task())) {
            throw new InvalidInputException("--task: expected specific or general, got \"" + request.task() + "\"");
        }
        if (!run.tasks().has(request.task())) {
            throw new InvalidInputException("--task " + request.task() + ": " + run.folder() + " has no " + request.task() + " task");
        }
        if (request.top() != null && request.top() < 1) {
            throw new InvalidInputException("--top: must be at least 1, got " + request.top());
        }
        if (request.diverse() && request.query() != ReviewQuery.UNCERTAIN) {
            throw new InvalidInputException("--diverse goes with --query uncertain, not " + request.query().label());
        }
        if (pool && request.query() == ReviewQuery.LABEL_ISSUES) {
            throw new InvalidInputException("--query label-issues needs given labels, and --pool rows have none; use --query "
                    + "uncertain or random with --pool");
        }
    }

    /**
     * @param pool unlabelled rows in the model's input schema with their ids, or {@code null} for the run's training rows
     * @param quiet where the cross-fitting runs report
     */
    public static Review review(FulcrumHost host, SavedRun run, FulcrumModel model, ReviewRequest request, Pool pool,
                                RunProgress quiet, RunProgress progress) {
        check(run, request, pool != null);
        long started = System.nanoTime();
        String task = request.task();
        List<String> classes = model.inputSchema().task(task).orElseThrow().classes();
        progress.note("review: preparing the rows of " + run.folder());
        Dataset raw = run.splitRawRows(host, quiet);
        Candidates candidates = pool == null ? training(raw, task, classes) : pool(raw, pool, task, classes);
        if (candidates.rows().length == 0) {
            throw new InvalidInputException(pool == null ? run.folder() + " has no " + task + " training rows to review"
                    : "--pool " + pool.source() + ": every row's id is already among the run's " + task + " rows, so none is left to review");
        }
        String of = candidates.rows().length + " " + task + " " + (pool == null ? "training" : "pool") + " rows";
        List<ReviewRow> rows;
        String summary;
        Optional<CrossFitting.Result> fitted = Optional.empty();
        Integer flagged = null;
        Double noiseRate = null;
        switch (request.query()) {
            case LABEL_ISSUES -> {
                progress.note("review: " + request.folds() + "-fold cross-fitting of " + run.folder() + "'s pipeline on its " + of);
                CrossFitting.Result result = CrossFitting.run(host, run, raw, task, request.folds(), request.seed(), quiet, progress);
                fitted = Optional.of(result);
                LabelIssueQuery.Outcome outcome = LabelIssueQuery.select(candidates, result, request.top());
                rows = outcome.rows();
                flagged = outcome.flagged();
                noiseRate = outcome.noiseRate();
                summary = String.format(Locale.ROOT, "label-issues: %d of %d flagged (estimated noise rate %.3f; confident "
                        + "learning, prune by noise rate, %d-fold cross-fitting), %d listed by normalized margin",
                        outcome.flagged(), candidates.rows().length, outcome.noiseRate(), request.folds(), rows.size());
            }
            case UNCERTAIN -> {
                rows = UncertainQuery.select(candidates, model, request.measure(), request.diverse(), request.topOrDefault(), request.seed());
                summary = String.format(Locale.ROOT, "uncertain: the %d of %s the final model is least sure of (%s%s)", rows.size(), of,
                        request.measure().name().toLowerCase(Locale.ROOT), request.diverse() ? ", one per k-means cluster of the "
                                + Math.min(UncertainQuery.CANDIDATES_PER_ROW * request.topOrDefault(), candidates.rows().length)
                                + " most uncertain" : "");
            }
            case RANDOM -> {
                rows = RandomQuery.select(candidates, model, request.topOrDefault(), request.seed());
                summary = String.format(Locale.ROOT, "random: %d of %s, a seeded sample (seed %d)", rows.size(), of, request.seed());
            }
            default -> throw new IllegalStateException(request.query().label());
        }
        rows = new ArrayList<>(rows);
        rows.sort(Comparator.comparingDouble(ReviewRow::score).reversed().thenComparingInt(ReviewRow::row));
        double seconds = (System.nanoTime() - started) / 1e9;
        summary += String.format(Locale.ROOT, " in %.1f s", seconds);
        return new Review(request, List.copyOf(rows), candidates.raw(), candidates.rows().length, flagged, noiseRate, summary,
                seconds, fitted);
    }

    private static Candidates training(Dataset raw, String task, List<String> classes) {
        return new Candidates(raw, raw.labelledRows(task, Partition.TRAIN), "train", raw.ids(), raw.labels(task), task, classes);
    }

    /** The pool's rows whose ids the run's rows of the task do not have. */
    private static Candidates pool(Dataset raw, Pool pool, String task, List<String> classes) {
        Set<String> known = new HashSet<>();
        int[] labels = raw.labels(task);
        for (int row = 0; row < raw.rows(); row++) {
            if (labels[row] != Dataset.NO_LABEL) {
                known.add(raw.id(row));
            }
        }
        List<Integer> fresh = new ArrayList<>();
        for (int row = 0; row < pool.rows().rows(); row++) {
            if (!known.contains(pool.ids()[row])) {
                fresh.add(row);
            }
        }
        return new Candidates(pool.rows(), fresh.stream().mapToInt(Integer::intValue).toArray(), "pool", pool.ids(), null, task, classes);
    }

    /**
     * Unlabelled rows to review, as {@code fulcrum predict --data} reads them.
     *
     * @param source the file they came from, for messages
     */
    public record Pool(Dataset rows, String[] ids, String source) {
    }
}
