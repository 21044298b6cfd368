package dev.fulcrum.core.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.pipeline.LaunchCommand;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.math.labels.Uncertainty;

import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code review.json} in the run folder: what the latest {@code fulcrum review} of the run chose and how (its query,
 * settings, counts and where its files went, with its first rows), since {@code review.csv} itself does not say;
 * the run page's "Review" section shows it. Schema version 1.
 */
public final class ReviewJson {

    public static final String FILE = "review.json";
    public static final int SCHEMA_VERSION = 1;
    /** The run page shows this many of the chosen rows. */
    static final int FIRST_ROWS = 10;

    private ReviewJson() {
    }

    /** @param csv and @param html where the files went: their names where they sit in the run folder, else their paths */
    public static ObjectNode of(Review review, String csv, String html, Path pool, LaunchCommand command, Instant created) {
        ReviewRequest request = review.request();
        ObjectNode root = Json.object();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("created", created.toString());
        root.put("command", command.arguments().isEmpty() ? null : command.line());
        root.put("query", request.query().label());
        root.put("task", request.task());
        root.put("split", pool == null ? "train" : "pool");
        root.put("pool", pool == null ? null : pool.toAbsolutePath().normalize().toString());
        root.put("seed", request.seed());
        if (request.top() == null) {
            root.putNull("top");
        } else {
            root.put("top", request.top());
        }
        switch (request.query()) {
            case LABEL_ISSUES -> {
                root.put("folds", request.folds());
                root.put("flagged", review.flagged());
                Json.putNumber(root, "noise_rate", review.noiseRate());
            }
            case UNCERTAIN -> {
                root.put("measure", request.measure() == Uncertainty.MARGIN ? "margin" : "entropy");
                root.put("diverse", request.diverse());
            }
            case RANDOM -> { }
            default -> throw new IllegalStateException(request.query().label());
        }
        root.put("candidates", review.candidates());
        root.put("rows", review.rows().size());
        Json.putNumber(root, "seconds", review.seconds());
        root.put("summary", review.summary());
        root.put("csv", csv);
        root.put("html", html);
        ArrayNode first = root.putArray("first_rows");
        for (ReviewRow row : review.rows().subList(0, Math.min(FIRST_ROWS, review.rows().size()))) {
            ObjectNode line = first.addObject();
            line.put("id", row.id());
            line.put("given_label", row.givenLabel());
            line.put("predicted_label", row.predictedLabel());
            Json.putNumber(line, "probability", row.probability());
            Json.putNumber(line, "score", row.score());
            line.put("reason", row.reason());
        }
        return root;
    }

    /** A file's name where it sits in the run folder, else its absolute path. */
    static String where(Path file, Path runFolder) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.getParent().equals(runFolder) ? absolute.getFileName().toString() : absolute.toString();
    }
}
