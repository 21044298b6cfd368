package dev.fulcrum.runtime;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.runtime.config.ConfigPath;

import java.nio.file.Path;
import java.util.Map;

/**
 * The run context a saved model's components are made with again: the run's seed, the model's
 * folder, and the making of nested feature extractors, placed under the component in the saved
 * config. Restoring reads only: nothing is recorded or written.
 */
final class RestoreContext implements RunContext {

    /** Makes a nested feature extractor configured at a place in the config. */
    @FunctionalInterface
    interface NestedMaker {
        FeatureExtractor make(ConfigPath at, Map<String, Object> mapping);
    }

    private final long seed;
    private final Path folder;
    private final ConfigPath place;
    private final NestedMaker maker;

    RestoreContext(long seed, Path folder, ConfigPath place, NestedMaker maker) {
        this.seed = seed;
        this.folder = folder;
        this.place = place;
        this.maker = maker;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public long seedFor(String stream) {
        return Seeds.derive(seed, stream);
    }

    @Override
    public Path runFolder() {
        return folder;
    }

    @Override
    public void recordInput(Path file) {
        // A saved model records no provenance; the run that made it did.
    }

    @Override
    public void writeArtifact(String relativePath, byte[] content) {
        throw new UnsupportedOperationException("a saved model is only read; " + relativePath + " was not written");
    }

    @Override
    public FeatureExtractor featureExtractor(String field, Map<String, Object> mapping) {
        return maker.make(place.resolve(field), mapping);
    }
}
