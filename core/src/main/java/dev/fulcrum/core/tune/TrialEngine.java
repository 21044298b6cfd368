package dev.fulcrum.core.tune;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * An engine that runs a study's trials on machines of its own ({@code tune.parallel: {type: spark, ...}}),
 * found through {@link java.util.ServiceLoader} so that core never depends on it: an optional bundle
 * puts its jars on the class path. The study's driver ({@link ClusterStudy}) keeps the storage and the
 * sampler; the engine only runs each trial it is given, wherever it likes, and hands back the result.
 */
public interface TrialEngine {

    /** The {@code type} that selects it. */
    String type();

    /**
     * Connects to the engine, or fails with a one-line {@link dev.fulcrum.api.InvalidInputException}
     * (a config error at the setting) within a bounded wait when it cannot.
     *
     * @param plugins the host's plugins folder, whose jars (and lock) the engine ships to its machines
     */
    Session connect(ClusterSpec spec, String study, Path plugins);

    /** A connection to the engine, for one study. */
    interface Session extends AutoCloseable {

        /** How many trials it can run at once now (at least 1); the driver keeps that many in flight. */
        int slots();

        /** The cores each trial gets. */
        int coresPerTrial();

        /** One line for the user: where trials run. */
        String describe();

        /**
         * Runs a trial, retrying it where a machine is lost; completes exceptionally when it failed for
         * good. The trial runs under {@link RemoteTrials#run} on the engine's side.
         */
        CompletableFuture<RemoteTrialResult> submit(RemoteTrial trial);

        @Override
        void close();
    }
}
