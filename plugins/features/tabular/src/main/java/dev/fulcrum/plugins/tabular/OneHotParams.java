package dev.fulcrum.plugins.tabular;

import dev.fulcrum.api.Doc;

import java.util.List;

public record OneHotParams(
        @Doc("categorical columns to replace by one 0/1 column per category seen in the training rows "
                + "(a category first seen later gets all zeros)") List<String> columns) {

    public OneHotParams {
        columns = columns == null ? null : List.copyOf(columns);
    }
}
