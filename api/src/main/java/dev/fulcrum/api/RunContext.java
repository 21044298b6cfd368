package dev.fulcrum.api;

import java.nio.file.Path;

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
}
