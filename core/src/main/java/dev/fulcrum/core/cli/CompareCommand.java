package dev.fulcrum.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.compare.ComparePageBuilder;
import dev.fulcrum.core.compare.EfficientRuns;
import dev.fulcrum.core.compare.RunCost;
import dev.fulcrum.core.compare.RunSummaries;
import dev.fulcrum.core.tune.StudyFront;
import dev.fulcrum.html.ComparePage;
import dev.fulcrum.html.ComparePageRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Prints runs side by side from their {@code summary.json}: both sides of the balance and what they
 * cost; and the front of each study folder among the arguments, from its {@code pareto.json}. With
 * {@code --html}, also one self-contained page of them ({@link ComparePageBuilder}, {@link ComparePageRenderer}).
 */
@Command(name = "compare", description = "Print runs side by side: strategy, specific and general test accuracy, "
        + "general accuracy before specific training, forgetting, training time; then each task's calibration on test "
        + "rows (expected calibration error, Brier score, negative log-likelihood); where a run interpolated in weight "
        + "space (WiSE-FT), the alpha it chose. A study folder (from fulcrum tune) "
        + "prints its Pareto front: each trial's params and objective values, the selected trial marked. --html OUT.html "
        + "also writes one self-contained page: the config keys that differ, balance and cost, the runs on the "
        + "specific-vs-general plane with the non-dominated ones marked, the learning curves overlaid, each study's "
        + "trials and front. Where the runs record their resources, also parameters, training FLOPs and peak memory; "
        + "--efficiency marks on each side the cheapest run (fewest training FLOPs, then seconds) within --tolerance "
        + "points of the best test accuracy.")
final class CompareCommand implements Callable<Integer> {

    private static final String[] HEADER = {"run", "status", "strategy", "model", "specific", "general", "general_before",
            "forgetting", "train_s"};
    private static final int RUN_TEXT_COLUMNS = 4;
    private static final String[] CALIBRATION_HEADER = {"run", "task", "ece", "brier", "nll"};

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run folders (or their summary.json files), or study folders.")
    List<Path> runs;

    @Option(names = "--html", paramLabel = "OUT.html", description = "Also write the comparison as one self-contained HTML page.")
    Path html;

    @Option(names = "--efficiency", description = "Mark on each side of the balance the cheapest run (fewest training FLOPs, "
            + "ties by training seconds) whose test accuracy is within --tolerance of the best run's.")
    boolean efficiency;

    @Option(names = "--tolerance", paramLabel = "POINTS", defaultValue = "0.5", description = "With --efficiency: how far "
            + "below the best test accuracy a run may be, in points of accuracy (0.5: half a point, 0.005). Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new InvalidInputException("--tolerance: expected a number of points >= 0, got " + tolerance);
        }
        if (tolerance != 0.5 && !efficiency) {
            throw new InvalidInputException("--tolerance: only means something with --efficiency");
        }
        ComparePage page = html == null ? null : page();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        List<String[]> calibration = new ArrayList<>();
        calibration.add(CALIBRATION_HEADER);
        List<StudyFront> studies = new ArrayList<>();
        List<String> alphas = new ArrayList<>();
        List<String> runNames = new ArrayList<>();
        List<EfficientRuns.Run> costs = new ArrayList<>();
        for (Path run : runs) {
            if (Files.isDirectory(run) && StudyFront.isStudyFolder(run)) {
                studies.add(StudyFront.read(run));
            } else {
                JsonNode summary = RunSummaries.read(run);
                rows.add(row(run, summary));
                runNames.add(String.valueOf(RunSummaries.folder(run).getFileName()));
                costs.add(new EfficientRuns.Run(decimal(summary.at("/balance/specific")), decimal(summary.at("/balance/general")),
                        RunCost.of(summary)));
                alphas.add(number(summary.path("interpolation").path("chosen_alpha"), "%.2f"));
                calibration.addAll(calibrationRows(run, summary));
            }
        }
        if (alphas.stream().anyMatch(alpha -> !alpha.equals("-"))) {
            addAlphaColumn(rows, alphas);
        }
        if (costs.stream().anyMatch(run -> run.cost().parameters() != null)) {
            addCostColumns(rows, costs);
        }
        EfficientRuns.Choice choice = efficiency ? EfficientRuns.choose(costs, tolerance / 100) : null;
        if (choice != null) {
            rows.set(0, append(rows.get(0), "efficient"));
            for (int r = 1; r < rows.size(); r++) {
                List<String> sides = choice.sides(r - 1);
                rows.set(r, append(rows.get(r), sides.isEmpty() ? "-" : String.join(",", sides)));
            }
        }
        if (rows.size() > 1) {
            TextTable.print(out, rows, RUN_TEXT_COLUMNS);
        }
        if (choice != null && !costs.isEmpty()) {
            out.println();
            out.println(String.format(Locale.ROOT, "efficient: on each side, the run with the fewest training FLOPs "
                    + "(then seconds) within %s points of the best test accuracy", tolerancePoints()));
            out.println("  specific: " + choiceLine(choice.specific(), runNames, costs, true));
            out.println("  general:  " + choiceLine(choice.general(), runNames, costs, false));
        }
        if (calibration.size() > 1) {
            out.println();
            out.println("calibration on test rows (ece: expected calibration error, 15 bins; brier: 0 to 2; nll: mean -ln p)");
            TextTable.print(out, calibration, 2);
        }
        for (StudyFront study : studies) {
            if (rows.size() > 1 || study != studies.get(0)) {
                out.println();
            }
            out.println(study.title());
            TextTable.print(out, study.rows(), study.textColumns());
        }
        if (page != null) {
            ComparePageRenderer.write(page, html);
            out.println();
            out.println("wrote " + html);
            out.flush();
        }
        return ExitCodes.OK;
    }

    private String tolerancePoints() {
        return tolerance == Math.rint(tolerance) ? String.valueOf((long) tolerance) : String.valueOf(tolerance);
    }

    private static String choiceLine(java.util.Optional<Integer> chosen, List<String> names, List<EfficientRuns.Run> runs,
                                     boolean specific) {
        if (chosen.isEmpty()) {
            return "none (no run has this side's test accuracy and its training FLOPs)";
        }
        double best = runs.stream().map(run -> specific ? run.specific() : run.general()).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElseThrow();
        EfficientRuns.Run run = runs.get(chosen.get());
        return String.format(Locale.ROOT, "%s (accuracy %.4f, best %.4f; %s training FLOPs)", names.get(chosen.get()),
                specific ? run.specific() : run.general(), best, flops(run.cost().trainingFlops()));
    }

    /** Parameters, training FLOPs and peak resident memory (MiB) after the other columns. */
    private static void addCostColumns(List<String[]> rows, List<EfficientRuns.Run> costs) {
        rows.set(0, append(rows.get(0), "params", "train_flops", "peak_mib"));
        for (int r = 1; r < rows.size(); r++) {
            RunCost cost = costs.get(r - 1).cost();
            rows.set(r, append(rows.get(r), cost.parameters() == null ? "-" : String.valueOf(cost.parameters()),
                    flops(cost.trainingFlops()),
                    cost.peakBytes() == null ? "-" : String.format(Locale.ROOT, "%.0f", cost.peakBytes() / (1024.0 * 1024))));
        }
    }

    private static String flops(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3g", value);
    }

    private static String[] append(String[] row, String... cells) {
        String[] widened = java.util.Arrays.copyOf(row, row.length + cells.length);
        System.arraycopy(cells, 0, widened, row.length, cells.length);
        return widened;
    }

    private static Double decimal(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : null;
    }

    /** The page, built before anything is printed or written, so bad input leaves neither. */
    private ComparePage page() {
        Path folder = html.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("--html " + html + ": the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(html)) {
            throw new InvalidInputException("--html " + html + ": a folder, not a file name");
        }
        return ComparePageBuilder.build(runs, efficiency ? tolerance / 100 : null);
    }

    /** A row per task with calibration on the test split; none for a summary before schema 4. */
    private static List<String[]> calibrationRows(Path run, JsonNode summary) {
        List<String[]> rows = new ArrayList<>();
        summary.path("calibration").path("test").fields().forEachRemaining(task -> rows.add(new String[] {
                String.valueOf(RunSummaries.folder(run).getFileName()), task.getKey(),
                number(task.getValue().path("ece"), "%.4f"),
                number(task.getValue().path("brier"), "%.4f"),
                number(task.getValue().path("nll"), "%.4f")}));
        return rows;
    }

    /**
     * Where a run interpolated in weight space, the alpha it chose, as a column before {@code train_s};
     * {@code alphas} holds one value per row after the header.
     */
    private static void addAlphaColumn(List<String[]> rows, List<String> alphas) {
        int at = HEADER.length - 1;
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            String[] widened = new String[row.length + 1];
            System.arraycopy(row, 0, widened, 0, at);
            widened[at] = r == 0 ? "alpha" : alphas.get(r - 1);
            System.arraycopy(row, at, widened, at + 1, row.length - at);
            rows.set(r, widened);
        }
    }

    private static String[] row(Path run, JsonNode summary) {
        JsonNode balance = summary.path("balance");
        Path folder = RunSummaries.folder(run);
        return new String[] {
                String.valueOf(folder.getFileName()),
                summary.path("status").asText("-"),
                summary.path("training").path("strategy").asText("-"),
                summary.path("training").path("model").asText("-"),
                number(balance.path("specific"), "%.4f"),
                number(balance.path("general"), "%.4f"),
                number(balance.path("general_before"), "%.4f"),
                number(balance.path("forgetting"), "%+.4f"),
                number(summary.path("timing").path("stages").path("train"), "%.1f")};
    }

    private static String number(JsonNode node, String format) {
        return node.isNumber() ? String.format(Locale.ROOT, format, node.doubleValue()) : "-";
    }
}
