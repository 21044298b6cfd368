package dev.fulcrum.api.data;

import dev.fulcrum.api.Stable;

/**
 * Loads rows. Called once per run. A source that reads files records each one with
 * {@link dev.fulcrum.api.RunContext#recordInput} and reports a malformed one with
 * {@link dev.fulcrum.api.DataFileException}.
 *
 * <p>Under {@code data.specific} the task named {@code specific}, or else the first task, becomes the
 * specific task; under {@code data.general} the first task becomes the general one.
 */
@Stable
@FunctionalInterface
public interface DataSource {
    Dataset load();
}
