package dev.fulcrum.api;

import dev.fulcrum.api.features.FeatureExtractor;

import java.nio.file.Path;
import java.util.Map;

/** What the host gives every component of a run. */
@Stable
public interface RunContext {

    /** The run's seed. */
    long seed();

    /**
     * A seed for one named stream of randomness, derived from the run's seed. Components take
     * their own stream (for example {@code "augment/0"}) so that adding one component does not
     * change the random numbers another one sees.
     */
    long seedFor(String stream);

    /** The run folder; during {@code fulcrum validate}, a temporary folder removed afterwards. */
    Path runFolder();

    /** Records a file the run read, so that its SHA-256 lands in {@code provenance.json}. */
    void recordInput(Path file);

    /** Writes a file into the run folder atomically: it appears whole or not at all. */
    void writeArtifact(String relativePath, byte[] content);

    /**
     * Makes a feature extractor from a mapping nested in a component's params, such as
     * {@code {type: pca, components: 8}} in {@code concat}'s list, exactly as if it were listed under
     * {@code features}: through the loaded plugins, with its params bound, defaults filled in and
     * errors located in the pipeline file. For extractors that combine others; call it from
     * {@link ComponentFactory#create}.
     *
     * @param field   where the mapping sits in the caller's params, such as {@code extractors[1]}
     * @param mapping the nested component: its {@code type} and its params
     * @throws UnsupportedOperationException where the context was not made by the host for making a pipeline
     */
    @Experimental
    default FeatureExtractor featureExtractor(String field, Map<String, Object> mapping) {
        throw new UnsupportedOperationException("nested feature extractors are made only while the host makes a pipeline");
    }
}
