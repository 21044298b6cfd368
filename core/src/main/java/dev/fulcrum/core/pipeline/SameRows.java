package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** Whether saved runs trained on the same rows, for the commands that put runs side by side, with the first difference as the reason. */
public final class SameRows {

    private SameRows() {
    }

    /** The config sections that prepare the rows (data, split, features, adapt) must be equal. */
    public static void configs(SavedRun first, SavedRun run, String why) {
        for (String section : SavedRun.PREPARATION_SECTIONS) {
            firstDifference(first.config().path(section), run.config().path(section), section).ifPresent(difference -> {
                throw new InvalidInputException(run.folder() + " was trained on other data than " + first.folder() + ": "
                        + difference + "; " + why);
            });
        }
    }

    /** Where the seeds differ, the prepared rows must still be the same: in the same partitions, with the same labels and features. */
    public static void prepared(Dataset reference, SavedRun first, Dataset prepared, SavedRun run, String why) {
        String reason = null;
        if (prepared.rows() != reference.rows()) {
            reason = "it has " + prepared.rows() + " rows and " + first.folder() + " " + reference.rows();
        } else {
            int moved = 0;
            for (int row = 0; row < reference.rows(); row++) {
                moved += prepared.partition(row) == reference.partition(row) ? 0 : 1;
            }
            if (moved > 0) {
                reason = moved + " of its " + reference.rows() + " rows are in another partition than in " + first.folder();
            } else if (reference.schema().taskNames().stream()
                    .anyMatch(task -> !Arrays.equals(prepared.labels(task), reference.labels(task)))) {
                reason = "its rows have other labels than " + first.folder() + "'s";
            } else if (!prepared.features().equals(reference.features())) {
                reason = "its prepared features differ from " + first.folder() + "'s";
            }
        }
        if (reason != null) {
            throw new InvalidInputException(run.folder() + " was trained on other rows than " + first.folder() + ": " + reason
                    + " (their seeds " + run.config().path("seed").asText() + " and " + first.config().path("seed").asText()
                    + " prepared the data differently); " + why);
        }
    }

    /** The first place where two resolved config sections differ, as {@code path (this there, that here)}. */
    private static Optional<String> firstDifference(JsonNode first, JsonNode other, String path) {
        if (Objects.equals(first, other)) {
            return Optional.empty();
        }
        if (first.isObject() && other.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            first.fieldNames().forEachRemaining(keys::add);
            other.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                Optional<String> difference = firstDifference(first.path(key), other.path(key), path + "." + key);
                if (difference.isPresent()) {
                    return difference;
                }
            }
        }
        if (first.isArray() && other.isArray() && first.size() == other.size()) {
            for (int i = 0; i < first.size(); i++) {
                Optional<String> difference = firstDifference(first.get(i), other.get(i), path + "[" + i + "]");
                if (difference.isPresent()) {
                    return difference;
                }
            }
        }
        return Optional.of(path + " is " + shown(other) + " there and " + shown(first) + " in the first run");
    }

    private static String shown(JsonNode node) {
        return node.isMissingNode() ? "absent" : node.toString();
    }

}
