package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.runtime.config.ConfigPath;

import java.nio.file.Path;
import java.util.Map;

/**
 * The run context one component is made with: the run's own, and the making of the feature
 * extractors it nests in its params, placed under the component in the config.
 */
final class ComponentContext implements RunContext {

    /** Makes a nested feature extractor configured at a place in the config. */
    @FunctionalInterface
    interface NestedMaker {
        FeatureExtractor make(ConfigPath at, Map<String, Object> mapping);
    }

    private final RunContext run;
    private final ConfigPath place;
    private final NestedMaker maker;

    ComponentContext(RunContext run, ConfigPath place, NestedMaker maker) {
        this.run = run;
        this.place = place;
        this.maker = maker;
    }

    @Override
    public long seed() {
        return run.seed();
    }

    @Override
    public long seedFor(String stream) {
        return run.seedFor(stream);
    }

    @Override
    public Path runFolder() {
        return run.runFolder();
    }

    @Override
    public void recordInput(Path file) {
        run.recordInput(file);
    }

    @Override
    public void writeArtifact(String relativePath, byte[] content) {
        run.writeArtifact(relativePath, content);
    }

    @Override
    public FeatureExtractor featureExtractor(String field, Map<String, Object> mapping) {
        return maker.make(place.resolve(field), mapping);
    }
}
