package dev.fulcrum.plugins.html;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;

public record HtmlReportParams(@Doc("file name of the page inside the run folder") String file) {

    public HtmlReportParams {
        file = file == null ? "report.html" : file;
        if (file.isBlank() || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new InvalidParamsException("file", "must be a plain file name inside the run folder, got \"" + file + "\"");
        }
    }
}
