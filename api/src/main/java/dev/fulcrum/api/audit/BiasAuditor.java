package dev.fulcrum.api.audit;

import dev.fulcrum.api.Stable;

/** Measures how a model's predictions differ across groups of a sensitive attribute. */
@Stable
@FunctionalInterface
public interface BiasAuditor {
    AuditReport audit(AuditInput input);
}
