package dev.fulcrum.core.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.audit.AuditInput;
import dev.fulcrum.api.audit.AuditReport;
import dev.fulcrum.api.audit.BiasAuditor;
import dev.fulcrum.api.audit.BiasAuditorFactory;
import dev.fulcrum.core.host.FactoryCatalog;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.SavedModel;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.ScratchFolder;
import dev.fulcrum.io.CsvColumns;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "audit", sortOptions = false,
        description = {"Audit decisions made anywhere, group by group, with the group-fairness auditor.",
                "Decisions come from a prediction column, a score column (thresholded), or a saved Fulcrum model.",
                "Exit code 3 when a --gate fails; 2 on bad input."})
final class AuditCommand implements Callable<Integer> {

    /** The auditor this command runs; its params are those of the group-fairness plugin. */
    static final String AUDITOR = "group-fairness";
    private static final Pattern GATE = Pattern.compile("\\s*([a-z_]+)\\s*(>=|<=)\\s*(-?[0-9.]+(?:[eE]-?[0-9]+)?)\\s*");

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "CSV file with a header.")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Column of true labels.")
    String label;

    @Option(names = "--prediction", paramLabel = "COL", description = "Column of predicted labels.")
    String prediction;

    @Option(names = "--score", paramLabel = "COL",
            description = "Column of scores (probability of the positive class); without --prediction, decisions are score >= --threshold.")
    String score;

    @Option(names = "--model", paramLabel = "model.zip",
            description = "A model saved by a Fulcrum run: it predicts from the CSV's columns, in place of --prediction.")
    Path model;

    @Option(names = "--sensitive", required = true, split = ",", paramLabel = "A,B",
            description = "Sensitive attribute columns; with several, intersectional groups are audited too.")
    List<String> sensitive;

    @Option(names = "--privileged", paramLabel = "A=value",
            description = "Privileged value of an attribute (AIF360 style); repeatable. Leave out for Fairlearn-style comparisons.")
    Map<String, String> privileged = new LinkedHashMap<>();

    @Option(names = "--positive", paramLabel = "VALUE", description = "The favourable class (default: the second class, sorted).")
    String positive;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Score threshold for decisions from --score (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--weight", paramLabel = "COL", description = "Column of sample weights (default: every row weighs 1).")
    String weight;

    @Option(names = "--gate", paramLabel = "METRIC>=X",
            description = "A policy gate, e.g. disparate_impact>=0.8 or demographic_parity_difference<=0.1; repeatable.")
    List<String> gates = new ArrayList<>();

    @Option(names = "--bootstrap", paramLabel = "N", description = "Bootstrap resamples for confidence intervals (0: none).")
    Integer bootstrap;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the audit results as JSON.")
    Path out;

    @Mixin
    HostOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkOptions();
        PrintWriter stdout = spec.commandLine().getOut();
        try (FulcrumHost host = options.startHost(spec.commandLine().getErr())) {
            BiasAuditor auditor = auditor(host);
            SavedModel saved = model == null ? null : SavedModel.load(model, host);
            long started = System.nanoTime();
            CsvColumns columns = CsvColumns.read(data, columnsToRead(saved));
            long read = System.nanoTime();
            AuditInput input = new AuditRows(columns, label, sensitive, weight).input(decisions(saved, columns));
            long prepared = System.nanoTime();
            AuditReport report = auditor.audit(input);
            long audited = System.nanoTime();
            stdout.print(report.table());
            stdout.println(String.format(Locale.ROOT, "%d rows of %s: read in %.3f s, decided in %.3f s, audited in %.3f s",
                    input.rows(), data, (read - started) / 1e9, (prepared - read) / 1e9, (audited - prepared) / 1e9));
            stdout.flush();
            if (out != null) {
                write(out, report);
            }
            if (!report.gatesPassed()) {
                GateReport.failed(Json.MAPPER.valueToTree(report.gates()), spec.commandLine().getErr());
                return ExitCodes.GATE_FAILED;
            }
        }
        return ExitCodes.OK;
    }

    private void checkOptions() {
        if (model != null && (prediction != null || score != null)) {
            throw new InvalidInputException("--model predicts the decisions; leave out --prediction and --score");
        }
        if (model == null && prediction == null && score == null) {
            throw new InvalidInputException("say where decisions come from: --prediction COL, --score COL or --model model.zip");
        }
        for (String attribute : privileged.keySet()) {
            if (!sensitive.contains(attribute)) {
                throw new InvalidInputException("--privileged " + attribute + "=...: " + attribute
                        + " is not among the --sensitive attributes " + sensitive);
            }
        }
    }

    /** The auditor, its params bound from the options as a pipeline's audit section would be. */
    private BiasAuditor auditor(FulcrumHost host) {
        FactoryCatalog.Entry entry = host.catalog().find(Family.AUDIT, AUDITOR).orElseThrow(() -> new InvalidInputException(
                "the audit command needs the " + AUDITOR + " plugin, which is not in " + host.pluginsFolder()));
        ObjectNode params = Json.object();
        params.set("attributes", Json.tree(sensitive));
        params.set("privileged", Json.tree(privileged));
        if (positive != null) {
            params.put("positive-class", positive);
        }
        if (bootstrap != null) {
            params.put("bootstrap", bootstrap);
        }
        params.put("seed", seed);
        ArrayNode gateList = params.putArray("gates");
        for (String gate : gates) {
            Matcher matcher = GATE.matcher(gate);
            if (!matcher.matches()) {
                throw new InvalidInputException("--gate " + gate + ": expected METRIC>=NUMBER or METRIC<=NUMBER, e.g. disparate_impact>=0.8");
            }
            gateList.addObject().put("metric", matcher.group(1))
                    .put(matcher.group(2).equals(">=") ? "min" : "max", Double.parseDouble(matcher.group(3)));
        }
        ConfigDocument document = ConfigDocument.parse(params.toString(), "audit options");
        BiasAuditorFactory<?> factory = (BiasAuditorFactory<?>) entry.factory();
        try {
            return create(factory, new ParamsBinder(Path.of(".")).bind(document.root(), factory.paramsType(), ConfigPath.ROOT, document));
        } catch (InvalidParamsException e) {
            Matcher gate = Pattern.compile("gates\\.(\\d+)\\..*").matcher(e.field());
            throw new InvalidInputException((gate.matches() ? "--gate " + gates.get(Integer.parseInt(gate.group(1)))
                    : "audit option " + e.field()) + ": " + e.problem(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> BiasAuditor create(BiasAuditorFactory<P> factory, Object params) {
        try (ScratchFolder scratch = ScratchFolder.create("audit")) {
            return factory.create((P) params, new HostRunContext(0, scratch.runFolder()));
        }
    }

    private Set<String> columnsToRead(SavedModel saved) {
        Set<String> wanted = new LinkedHashSet<>(List.of(label));
        wanted.addAll(sensitive);
        if (prediction != null) {
            wanted.add(prediction);
        }
        if (score != null) {
            wanted.add(score);
        }
        if (weight != null) {
            wanted.add(weight);
        }
        if (saved != null) {
            wanted.addAll(saved.inputSchema().featureNames());
            saved.decisionRule().ifPresent(rule -> wanted.addAll(rule.attributes()));
        }
        return wanted;
    }

    private Decisions decisions(SavedModel saved, CsvColumns columns) {
        if (saved != null) {
            return Decisions.fromModel(saved, columns, sensitive);
        }
        if (prediction != null) {
            return Decisions.fromColumn(columns, label, prediction, score, positive);
        }
        return Decisions.fromScore(columns, label, score, threshold, positive);
    }

    private static void write(Path file, AuditReport report) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, Json.pretty(Json.tree(report.results())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
