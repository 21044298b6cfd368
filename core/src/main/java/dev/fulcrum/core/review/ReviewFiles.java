package dev.fulcrum.core.review;

import dev.fulcrum.core.pipeline.LaunchCommand;
import dev.fulcrum.core.run.AtomicFile;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.html.ReviewPage;
import dev.fulcrum.html.RunReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a review: {@code review.csv} where asked and {@code review.html} beside it (same name, {@code .html}), and
 * into the run folder {@code review.json} and the run's {@code report.html} again (its "Review" section), each
 * atomically.
 */
public final class ReviewFiles {

    private ReviewFiles() {
    }

    /** @return the page written beside the CSV */
    public static Path write(Review review, Path csv, Path runFolder, Path pool, LaunchCommand command) {
        String runName = runFolder.getFileName().toString();
        write(csv, ReviewCsv.text(review.rows()));
        String name = csv.getFileName().toString();
        Path html = csv.resolveSibling((name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name) + ".html");
        List<String> columns = ReviewCsv.COLUMNS.subList(0, 8);
        List<ReviewPage.Line> lines = new ArrayList<>();
        for (ReviewRow row : review.rows()) {
            List<String> cells = List.of(row.id(), row.task(), row.split(), row.givenLabel() == null ? "" : row.givenLabel(),
                    row.predictedLabel(), String.format(Locale.ROOT, "%.3f", row.probability()),
                    String.format(Locale.ROOT, "%.3f", row.score()), row.reason());
            lines.add(new ReviewPage.Line(cells, Thumbnails.dataUri(review.raw(), row.row())));
        }
        write(html, ReviewPage.render(new ReviewPage("Review of " + runName + ": " + review.query().label(), review.summary(), name, columns, lines)));
        RunFolder.at(runFolder).writeText(ReviewJson.FILE, Json.pretty(ReviewJson.of(review, ReviewJson.where(csv, runFolder),
                ReviewJson.where(html, runFolder), pool, command, Instant.now())));
        RunReport.write(runFolder, runFolder.resolve("report.html"));
        return html;
    }

    /** Atomically, with the folder's read and write bits, as the run folder's files are. */
    private static void write(Path target, String text) {
        try {
            AtomicFile.write(target.toAbsolutePath().normalize(), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
