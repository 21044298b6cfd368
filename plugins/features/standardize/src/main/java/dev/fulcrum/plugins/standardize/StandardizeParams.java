package dev.fulcrum.plugins.standardize;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.features.FeatureColumns;

import java.util.List;

public record StandardizeParams(
        @Doc("numeric columns to centre and scale; by default every numeric column (categorical ones pass unchanged)")
        List<String> columns,
        @Doc("column: a mean and deviation per column; channel: one per image channel, so that shifting or "
                + "rotating pixels keeps their meaning; auto: channel for image rows, column otherwise") String per) {

    static final String COLUMN = "column";
    static final String CHANNEL = "channel";
    static final String AUTO = "auto";

    public StandardizeParams {
        columns = columns == null ? null : List.copyOf(columns);
        per = per == null ? AUTO : per;
        if (!List.of(COLUMN, CHANNEL, AUTO).contains(per)) {
            throw new InvalidParamsException("per", "must be column, channel or auto, got \"" + per + "\"");
        }
        if (columns != null && columns.isEmpty()) {
            throw new InvalidParamsException("columns", "name at least one column, or leave it out to standardize all");
        }
        if (columns != null && per.equals(CHANNEL)) {
            throw new InvalidParamsException("columns", "per: channel standardizes whole images; leave columns out");
        }
    }

    /** The indices of the columns to standardize in a schema. */
    int[] selectedColumns(Schema schema) {
        return FeatureColumns.numeric(schema, columns, "columns");
    }
}
