package dev.fulcrum.core.feedback;

import java.util.Arrays;

/**
 * Which task's source each row came from, since a row is named by (task, id): the specific and the general source
 * may share ids (both may read one file). A row of a pipeline with one source answers every task of the data.
 */
public final class RowOwners {

    /** Each row's task, or {@code null} where the row's source gave every task. */
    private final String[] owners;

    private RowOwners(String[] owners) {
        this.owners = owners;
    }

    /** Rows as the load stage joins them: the specific source's first, then the general source's, if any. */
    public static RowOwners loaded(int rows, int specificRows, boolean generalSource, String specificTask, String generalTask) {
        String[] owners = new String[rows];
        Arrays.fill(owners, 0, specificRows, generalSource ? specificTask : null);
        Arrays.fill(owners, specificRows, rows, generalTask);
        return new RowOwners(owners);
    }

    public int rows() {
        return owners.length;
    }

    public boolean owns(int row, String task) {
        return owners[row] == null || owners[row].equals(task);
    }

    RowOwners select(int[] rows) {
        String[] picked = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = owners[rows[i]];
        }
        return new RowOwners(picked);
    }

    RowOwners append(String task, int count) {
        String[] joined = Arrays.copyOf(owners, owners.length + count);
        Arrays.fill(joined, owners.length, joined.length, task);
        return new RowOwners(joined);
    }
}
