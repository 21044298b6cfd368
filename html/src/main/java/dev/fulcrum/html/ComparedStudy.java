package dev.fulcrum.html;

import java.util.List;

/**
 * A study folder of a comparison: its front as {@code fulcrum compare STUDY} prints it, and its
 * trials on the plane of its first two objectives.
 *
 * @param name        the study's name
 * @param title       the line naming the front's size, the hypervolume and the selection
 * @param frontHeader the front table's column names
 * @param frontRows   the front table, a row per front trial
 * @param objectives  the objectives' metric paths, in the study's order
 * @param trials      every trial with all objective values, in number order
 */
public record ComparedStudy(String name, String title, List<String> frontHeader, List<List<String>> frontRows,
                            List<String> objectives, List<Trial> trials) {

    public ComparedStudy {
        frontHeader = List.copyOf(frontHeader);
        frontRows = frontRows.stream().map(List::copyOf).toList();
        objectives = List.copyOf(objectives);
        trials = List.copyOf(trials);
    }

    /** Whether the trials can be drawn on a plane: the study has two objectives or more. */
    public boolean hasPlane() {
        return objectives.size() >= 2;
    }

    /**
     * A trial with its objective values (in the study's order).
     *
     * @param onFront  whether {@code pareto.json} has it on the front
     * @param selected whether it is the study's selected trial
     */
    public record Trial(int number, String state, List<Double> values, boolean onFront, boolean selected) {

        public Trial {
            values = List.copyOf(values);
        }
    }
}
