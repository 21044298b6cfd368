package dev.fulcrum.plugins.json;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

import java.nio.file.Path;

public record JsonReportParams(
        @Doc("file name of the report inside the run folder") String file,
        @Doc("also write the report here (relative paths start at the pipeline file's folder), replacing what was there") Path copyTo,
        @Doc("include the per-epoch metrics lines") Boolean epochs) {

    public JsonReportParams {
        file = file == null ? "report.json" : file;
        epochs = epochs == null ? Boolean.TRUE : epochs;
        if (file.isBlank() || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new InvalidParamsException("file", "must be a plain file name inside the run folder, got \"" + file + "\"");
        }
    }
}
