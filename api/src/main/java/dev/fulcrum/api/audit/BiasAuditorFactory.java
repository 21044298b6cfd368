package dev.fulcrum.api.audit;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Stable;

/** The {@code audit} family: bias and fairness audits of test predictions. */
@Stable
public interface BiasAuditorFactory<P extends Record> extends ComponentFactory<P, BiasAuditor> {
}
