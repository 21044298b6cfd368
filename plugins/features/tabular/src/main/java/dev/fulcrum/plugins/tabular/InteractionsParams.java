package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.Doc;

import java.util.List;

public record InteractionsParams(
        @Doc("numeric columns whose pairwise products are added as new columns named a*b") List<String> columns) {

    public InteractionsParams {
        columns = columns == null ? null : List.copyOf(columns);
    }
}
