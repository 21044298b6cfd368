package dev.fulcrum.core.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link TrialEngine} that {@code tune.parallel.type} names among those on the class path. */
final class TrialEngines {

    /** The bundle that brings the Spark engine, and where its jars go. */
    static final String SPARK = "spark";

    private TrialEngines() {
    }

    static TrialEngine find(ClusterSpec spec) {
        List<String> found = new ArrayList<>();
        for (TrialEngine engine : ServiceLoader.load(TrialEngine.class, TrialEngines.class.getClassLoader())) {
            if (engine.type().equals(spec.type())) {
                return engine;
            }
            found.add(engine.type());
        }
        if (spec.type().equals(SPARK)) {
            String home = System.getProperty("fulcrum.home", "<fulcrum home>");
            throw spec.error("type", "the Spark runner is not installed: it is the optional Fulcrum Spark bundle; extract "
                    + "fulcrum-spark-<version>.tar.gz into " + home + " (it adds lib/spark/), see docs/scale.md");
        }
        throw spec.error("type", "unknown engine \"" + spec.type() + "\"; installed: "
                + (found.isEmpty() ? "none (" + SPARK + " comes with the Fulcrum Spark bundle)" : String.join(", ", found))
                + "; or give a count of worker processes");
    }
}
