package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.core.config.FeedbackSpec;
import dev.fulcrum.core.feedback.CorrectionsFile;

import java.util.Optional;

/**
 * One {@code feedback:} entry, ready to apply: its file read and checked on its own (syntax, actions, weights,
 * repeats), its pool's data source made. What needs the data (ids, labels, splits) is checked when it is applied.
 */
public record ResolvedFeedback(FeedbackSpec spec, CorrectionsFile file, Optional<Resolved<DataSource>> pool) {
}
