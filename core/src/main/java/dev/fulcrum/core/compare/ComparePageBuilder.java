package dev.fulcrum.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.tune.StudyFront;
import dev.fulcrum.core.tune.StudyTrials;
import dev.fulcrum.html.ComparePage;
import dev.fulcrum.html.ComparedRun.CurvePoint;
import dev.fulcrum.html.ComparedRun;
import dev.fulcrum.html.ComparedStudy;
import dev.fulcrum.html.JsonValue;
import dev.fulcrum.html.RunView;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The page of {@code fulcrum compare --html}, from the folders it names: each run folder's
 * {@code config.yaml}, {@code summary.json} and {@code metrics.jsonl}; each study folder's
 * {@code pareto.json} and {@code trials.csv}.
 */
public final class ComparePageBuilder {

    private ComparePageBuilder() {
    }

    /** @param efficiencyTolerance with {@code --efficiency}, its tolerance in accuracy, else {@code null} */
    public static ComparePage build(List<Path> folders, Double efficiencyTolerance) {
        List<Path> runs = new ArrayList<>();
        List<ComparedStudy> studies = new ArrayList<>();
        for (Path folder : folders) {
            if (Files.isDirectory(folder) && StudyFront.isStudyFolder(folder)) {
                studies.add(study(folder));
            } else {
                runs.add(folder);
            }
        }
        List<JsonNode> summaries = runs.stream().map(RunSummaries::read).toList();
        List<Map<String, String>> configs = runs.stream().map(ComparePageBuilder::config).toList();
        List<String> differing = ConfigDifferences.keysThatDiffer(configs);
        boolean[] front = front(summaries);
        List<EfficientRuns.Run> costs = summaries.stream().map(summary -> new EfficientRuns.Run(number(summary.at("/balance/specific")),
                number(summary.at("/balance/general")), RunCost.of(summary))).toList();
        EfficientRuns.Choice choice = efficiencyTolerance == null ? null : EfficientRuns.choose(costs, efficiencyTolerance);
        List<ComparedRun> compared = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            compared.add(run(runs.get(i), summaries.get(i), ConfigDifferences.at(configs.get(i), differing), front[i],
                    costs.get(i).cost(), choice == null ? List.of() : choice.sides(i)));
        }
        return new ComparePage(title(folders, runs.size(), studies.size()), differing, compared, studies, efficiencyTolerance);
    }

    /** The folders' names, or how many there are of each kind when they are more than three. */
    private static String title(List<Path> folders, int runs, int studies) {
        if (folders.size() <= 3) {
            return "Fulcrum: " + String.join(", ", folders.stream().map(f -> String.valueOf(RunSummaries.folder(f).getFileName())).toList());
        }
        return "Fulcrum: " + count(runs, "run", "runs") + (studies == 0 ? "" : ", " + count(studies, "study", "studies"));
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The non-dominated runs among those with both sides of the balance; the others are off the plane, so off the front. */
    private static boolean[] front(List<JsonNode> summaries) {
        List<Integer> onPlane = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            Double specific = number(summaries.get(i).path("balance").path("specific"));
            Double general = number(summaries.get(i).path("balance").path("general"));
            if (specific != null && general != null) {
                onPlane.add(i);
                points.add(new double[] {specific, general});
            }
        }
        boolean[] nonDominated = BalanceFront.nonDominated(points);
        boolean[] front = new boolean[summaries.size()];
        for (int p = 0; p < onPlane.size(); p++) {
            front[onPlane.get(p)] = nonDominated[p];
        }
        return front;
    }

    private static ComparedRun run(Path run, JsonNode summary, Map<String, String> config, boolean nonDominated, RunCost cost,
                                   List<String> efficient) {
        JsonNode balance = summary.path("balance");
        JsonNode timing = summary.path("timing");
        return new ComparedRun(String.valueOf(RunSummaries.folder(run).getFileName()), summary.path("status").asText("-"), config,
                number(balance.path("specific")), number(balance.path("general")), number(balance.path("general_before")),
                number(balance.path("forgetting")), number(timing.path("total_seconds")), number(timing.path("stages").path("train")),
                cost.parameters(), cost.trainingFlops(), cost.peakBytes(), efficient, nonDominated, curve(RunSummaries.folder(run)));
    }

    /** The run's resolved config flattened; empty where the folder has no {@code config.yaml}. */
    private static Map<String, String> config(Path run) {
        Path file = RunSummaries.folder(run).resolve("config.yaml");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        return ConfigDifferences.flatten(ConfigDocument.parse(text(file), file.toString()).root());
    }

    /** The validation lines of {@code metrics.jsonl}: each task's accuracy by global epoch; none without the file. */
    static List<CurvePoint> curve(Path folder) {
        List<JsonValue> lines;
        try {
            lines = RunView.metricLines(folder);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        List<CurvePoint> points = new ArrayList<>();
        for (JsonValue line : lines) {
            if ("validation".equals(line.get("split").textOr(""))) {
                points.add(new CurvePoint((int) line.get("global_epoch").number().orElse(0),
                        accuracy(line, "specific"), accuracy(line, "general")));
            }
        }
        return points;
    }

    private static Double accuracy(JsonValue line, String task) {
        OptionalDouble value = line.at("metrics", task, "accuracy").number();
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static ComparedStudy study(Path folder) {
        StudyFront front = StudyFront.read(folder);
        StudyTrials trials = StudyTrials.read(folder);
        List<ComparedStudy.Trial> plotted = trials.trials().stream().filter(StudyTrials.Trial::hasValues)
                .map(trial -> new ComparedStudy.Trial(trial.number(), trial.state(), trial.values(),
                        trials.front().contains(trial.number()), Integer.valueOf(trial.number()).equals(trials.selected())))
                .toList();
        List<String[]> rows = front.rows();
        return new ComparedStudy(String.valueOf(folder.toAbsolutePath().normalize().getFileName()), front.title(),
                Arrays.asList(rows.get(0)), rows.subList(1, rows.size()).stream().map(Arrays::asList).toList(),
                trials.objectives(), plotted);
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : null;
    }

    private static String text(Path file) {
        try {
            return ConfigLimits.text(file);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read it: " + e.getMessage(), e);
        }
    }
}
