package dev.fulcrum.api.report;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Stable;

/** The {@code report} family: where a run's results go besides the run folder. */
@Stable
public interface ReporterFactory<P extends Record> extends ComponentFactory<P, Reporter> {
}
