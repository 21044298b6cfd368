package dev.fulcrum.api.tune;

import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.Experimental;

/**
 * The {@code sampler} family: {@code tune.sampler.type} in the pipeline YAML. {@code create} gets
 * the study's context: its seed and its folder.
 */
@Experimental
public interface SamplerFactory<P extends Record> extends ComponentFactory<P, Sampler> {
}
