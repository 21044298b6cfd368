package dev.fulcrum.api.report;

import dev.fulcrum.api.Stable;

/** Publishes a finished run somewhere: a file, the terminal, a tracking service. */
@Stable
@FunctionalInterface
public interface Reporter {
    void report(RunSummary summary);
}
