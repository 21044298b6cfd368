package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.host.CatalogFactories;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.RunProgress;
import dev.fulcrum.core.pipeline.SavedRun;
import dev.fulcrum.core.review.Review;
import dev.fulcrum.core.review.ReviewCsv;
import dev.fulcrum.core.review.ReviewFiles;
import dev.fulcrum.core.review.ReviewQuery;
import dev.fulcrum.core.review.ReviewRequest;
import dev.fulcrum.core.review.RunReview;
import dev.fulcrum.math.labels.Uncertainty;
import dev.fulcrum.runtime.FulcrumModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code fulcrum review RUN --task T}: the rows an expert should look at, as {@code review.csv} and {@code review.html}. */
@Command(name = "review", header = "Chooses the rows of a task an expert should look at and writes review.csv and review.html.",
        description = {"--query label-issues (default): confident learning (Northcutt et al. 2021) on out-of-fold probabilities "
                + "from --folds-fold cross-fitting of the run's own pipeline on the task's training rows: the rows whose given label "
                + "is likely wrong, ranked by normalized margin. --query uncertain: the final model's least certain rows (--measure "
                + "margin or entropy), with --diverse one per k-means cluster of the 10 x K most uncertain. --query random: a seeded "
                + "sample, the baseline. --pool FILE reviews unlabelled rows (read as predict --data reads them) with uncertain or random.",
                "review.csv has id,task,split,given-label,predicted-label,probability,score,reason and the expert's empty columns "
                + "action,new-label,weight,annotator,note; the pipeline's feedback: section applies it. review.json in the run folder "
                + "records the review (query, settings, counts, first rows) for the run page, whose report.html is written again. "
                + "Bad input exits 2."})
final class ReviewCommand extends HostCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run folder to review.")
    Path run;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "specific or general: whose rows are reviewed.")
    String task;

    @Option(names = "--top", paramLabel = "K",
            description = "At most K rows (default: every flagged row for label-issues, " + ReviewRequest.DEFAULT_TOP + " otherwise).")
    Integer top;

    @Option(names = "--query", paramLabel = "QUERY", defaultValue = "label-issues",
            description = "label-issues, uncertain or random (default: ${DEFAULT-VALUE}).")
    String query;

    @Option(names = "--folds", paramLabel = "N", defaultValue = "5", description = "Cross-fitting folds for label-issues (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--measure", paramLabel = "M", defaultValue = "margin", description = "margin or entropy, for uncertain (default: ${DEFAULT-VALUE}).")
    String measure;

    @Option(names = "--diverse", description = "With uncertain: one row per k-means cluster (over the final trunk layer) of the 10 x K most uncertain.")
    boolean diverse;

    @Option(names = "--pool", paramLabel = "FILE", description = "Unlabelled rows to review instead of the training rows: a CSV, a data-source mapping (.yaml) or IDX images.")
    Path pool;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the folds, k-means and the random sample (default: the run's seed).")
    Long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the CSV (default: review.csv in the run folder); the page goes beside it.")
    Path out;

    @Override
    public Integer call() {
        ReviewQuery chosen = ReviewQuery.parse(query);
        Uncertainty uncertainty = measure();
        SavedRun saved = SavedRun.read(run);
        ReviewRequest request = new ReviewRequest(task, top, chosen, folds, uncertainty, diverse, seed == null ? saved.pipeline().seed() : seed);
        RunReview.check(saved, request, pool != null);
        Path csv = out == null ? saved.folder().resolve(ReviewCsv.FILE) : out;
        if (Files.isDirectory(csv)) {
            throw new InvalidInputException("--out " + out + ": is a folder; name a file");
        }
        try (FulcrumHost host = startHost()) {
            FulcrumModel model = FulcrumModel.load(saved.folder(), new CatalogFactories(host.catalog()));
            RunReview.Pool rows = null;
            if (pool != null) {
                PredictInput input = PredictInput.read(model, host, pool, null, null);
                rows = new RunReview.Pool(input.rows(), input.ids(), pool.toString());
            }
            Review review = RunReview.review(host, saved, model, request, rows, RunProgress.SILENT, ConsoleProgress.to(err()));
            Path html = ReviewFiles.write(review, csv, saved.folder(), pool, launchCommand());
            out().println(review.summary() + "; written to " + csv + " and " + html.getFileName());
            out().flush();
        }
        return ExitCodes.OK;
    }

    private Uncertainty measure() {
        return switch (measure) {
            case "margin" -> Uncertainty.MARGIN;
            case "entropy" -> Uncertainty.ENTROPY;
            default -> throw new InvalidInputException("--measure: expected margin or entropy, got \"" + measure + "\"");
        };
    }
}
