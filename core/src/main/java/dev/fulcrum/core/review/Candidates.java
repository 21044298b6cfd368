package dev.fulcrum.core.review;

import dev.fulcrum.api.data.Dataset;

import java.util.List;

/**
 * The rows a query chooses from: the task's training rows of the run, or the rows of a pool.
 *
 * @param raw rows as their source gave them (the saved model's input)
 * @param rows indices into {@code raw} of the candidates
 * @param split {@code train} or {@code pool}
 * @param ids each row of {@code raw}'s id
 * @param given each row of {@code raw}'s label for the task, or {@code null} for a pool (unlabelled)
 */
record Candidates(Dataset raw, int[] rows, String split, String[] ids, int[] given, String task, List<String> classes) {

    String givenName(int row) {
        return given == null || given[row] == Dataset.NO_LABEL ? null : classes.get(given[row]);
    }
}
