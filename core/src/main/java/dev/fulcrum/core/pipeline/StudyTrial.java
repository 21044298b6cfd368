package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.train.EpochListener;

/**
 * What makes a run one trial of a study ({@code fulcrum tune}): its study and number, which the
 * summary names, what the study records in the run's provenance, and who hears every epoch.
 *
 * @param provenance the {@code study} section of {@code provenance.json}: sampler, pruner, params, seeds, threads
 */
public record StudyTrial(String study, int number, ObjectNode provenance, EpochListener epochs) {
}
