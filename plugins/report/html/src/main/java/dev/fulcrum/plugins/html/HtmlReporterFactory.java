package dev.fulcrum.plugins.html;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.report.Reporter;
import dev.fulcrum.api.report.ReporterFactory;
import dev.fulcrum.html.RunReport;
import org.pf4j.Extension;

import java.nio.charset.StandardCharsets;

/** The run's page, made by fulcrum-html from the run folder alone (so the same page can be made again later). */
@Extension
public final class HtmlReporterFactory implements ReporterFactory<HtmlReportParams> {

    @Override
    public String type() {
        return "html";
    }

    @Override
    public String description() {
        return "The run's page in the run folder: header, the balance, learning curves, per-task confusion matrices "
                + "and per-class scores, domain gap, fairness audit, timing, config and provenance; one file with "
                + "its charts inlined, opening offline.";
    }

    @Override
    public Class<HtmlReportParams> paramsType() {
        return HtmlReportParams.class;
    }

    @Override
    public Reporter create(HtmlReportParams params, RunContext context) {
        return summary -> context.writeArtifact(params.file(),
                RunReport.render(summary.runFolder()).getBytes(StandardCharsets.UTF_8));
    }
}
