package dev.fulcrum.html;

import java.util.List;

/**
 * What {@code fulcrum compare --html} shows: runs side by side and the studies among its arguments.
 *
 * @param title      the page's title
 * @param configKeys the config paths whose values differ between the runs, in the order first seen
 * @param runs       the run folders, in the order given
 * @param studies    the study folders, in the order given
 * @param efficiencyTolerance with {@code --efficiency}, its tolerance in accuracy (0.005 for half a point), else {@code null}
 */
public record ComparePage(String title, List<String> configKeys, List<ComparedRun> runs, List<ComparedStudy> studies,
                          Double efficiencyTolerance) {

    public ComparePage {
        configKeys = List.copyOf(configKeys);
        runs = List.copyOf(runs);
        studies = List.copyOf(studies);
    }

    /** Whether some run has a point on the specific-vs-general plane. */
    public boolean hasBalancePlane() {
        return runs.stream().anyMatch(ComparedRun::onPlane);
    }

    /** Whether some run records its resources (parameters, FLOPs, memory). */
    public boolean hasResources() {
        return runs.stream().anyMatch(run -> run.parameters() != null);
    }

    /** Whether the page marks the cheapest run near the best on each side. */
    public boolean marksEfficiency() {
        return efficiencyTolerance != null;
    }

    /** Whether some run has a learning curve. */
    public boolean hasCurves() {
        return runs.stream().anyMatch(run -> !run.curve().isEmpty());
    }
}
