package dev.fulcrum.plugins.json;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.report.Reporter;
import dev.fulcrum.api.report.ReporterFactory;
import org.pf4j.Extension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

@Extension
public final class JsonReporterFactory implements ReporterFactory<JsonReportParams> {

    @Override
    public String type() {
        return "json";
    }

    @Override
    public String description() {
        return "One JSON document with the run's summary and its per-epoch metrics, in the run folder and optionally "
                + "at a fixed path (for dashboards or CI).";
    }

    @Override
    public Class<JsonReportParams> paramsType() {
        return JsonReportParams.class;
    }

    @Override
    public Reporter create(JsonReportParams params, RunContext context) {
        return summary -> {
            StringBuilder json = new StringBuilder("{\n\"name\": ").append(quote(summary.name()))
                    .append(",\n\"status\": ").append(quote(summary.status()))
                    .append(",\n\"run_folder\": ").append(quote(summary.runFolder().toString()))
                    .append(",\n\"summary\": ").append(summary.summaryJson().strip());
            if (params.epochs()) {
                json.append(",\n\"epochs\": [\n").append(String.join(",\n", summary.metricLines())).append("\n]");
            }
            byte[] content = json.append("\n}\n").toString().getBytes(StandardCharsets.UTF_8);
            context.writeArtifact(params.file(), content);
            if (params.copyTo() != null) {
                writeAtomically(params.copyTo(), content);
            }
        };
    }

    /** Writes beside the target, then moves over it, so readers never see half a report. */
    private static void writeAtomically(Path target, byte[] content) {
        try {
            Path folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".partial");
            try {
                Files.write(temporary, content);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + target, e);
        }
    }

    /** A JSON string literal (RFC 8259 escapes). */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
