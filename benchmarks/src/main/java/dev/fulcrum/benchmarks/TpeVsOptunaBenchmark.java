package dev.fulcrum.benchmarks;

import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Sampler;
import dev.fulcrum.api.tune.SamplerFactory;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.api.tune.TrialState;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.tune.TrialSeeds;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.fulcrum.benchmarks.PandasAuditPeer.median;

/**
 * Fulcrum's {@code tpe} sampler (from the built samplers plugin, through a real host, with its
 * defaults) against Optuna 3.1's {@code TPESampler(multivariate=True)} (the peer script
 * {@code benchmarks/tpe-vs-optuna/optuna_tpe.py}) on two known functions to minimise: the 2-D
 * quadratic (x - 0.3)^2 + (y + 1.2)^2 on [-5, 5]^2 (least 0) and Branin on [-5, 10] x [0, 15]
 * (least 0.397887). Each study runs 40 trials in one worker; the table gives the median over the
 * study seeds of the best value after 10, 20 and 40 trials, with Fulcrum's random search beside.
 * The two sides draw from different generators, so single seeds do not compare; medians do.
 *
 * <p>Usage, from the repository root: {@code benchmarks/tpe-vs-optuna/run [seeds] [peer.py]}
 */
public final class TpeVsOptunaBenchmark {

    private static final int[] BUDGETS = {10, 20, 40};
    private static final Objective VALUE = new Objective("validation.value", Direction.MINIMIZE);
    private static final Pattern PEER_LINE = Pattern.compile("optuna (\\w+) seed=(\\d+) best10=(\\S+) best20=(\\S+) best40=(\\S+)");

    private TpeVsOptunaBenchmark() {
    }

    /** A function to minimise over a space of floats. */
    private record Function(String name, SearchSpace space, ToDoubleFunction<Map<String, Object>> value) {
    }

    private static double number(Map<String, Object> params, String path) {
        return (Double) params.get(path);
    }

    private static final List<Function> FUNCTIONS = List.of(
            new Function("quadratic", floats("x", -5, 5, "y", -5, 5), p -> {
                double x = number(p, "x") - 0.3;
                double y = number(p, "y") + 1.2;
                return x * x + y * y;
            }),
            // Branin-Hoo (Dixon and Szego, 1978), as in Bergstra et al.'s and Optuna's benchmarks.
            new Function("branin", floats("x1", -5, 10, "x2", 0, 15), p -> {
                double x1 = number(p, "x1");
                double x2 = number(p, "x2");
                double b = 5.1 / (4 * Math.PI * Math.PI);
                double c = 5 / Math.PI;
                double t = 1 / (8 * Math.PI);
                double q = x2 - b * x1 * x1 + c * x1 - 6;
                return q * q + 10 * (1 - t) * Math.cos(x1) + 10;
            }));

    private static SearchSpace floats(String first, double firstLow, double firstHigh, String second, double secondLow, double secondHigh) {
        return new SearchSpace(List.of(new FloatParameter(first, firstLow, firstHigh, false, null, Map.of()),
                new FloatParameter(second, secondLow, secondHigh, false, null, Map.of())));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path peer = Path.of(args.length > 1 ? args[1] : "benchmarks/tpe-vs-optuna/optuna_tpe.py").toAbsolutePath();
        Path work = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "fulcrum-tpe-benchmark"));
        Map<String, Map<String, double[][]>> best = new LinkedHashMap<>();
        try (FulcrumHost host = FulcrumHost.start(BenchmarkPlugins.folder(work, "samplers"), work.resolve("plugin-data"))) {
            for (String type : List.of("tpe", "random")) {
                Sampler sampler = withDefaults(host, type);
                for (Function function : FUNCTIONS) {
                    best.computeIfAbsent(function.name(), k -> new LinkedHashMap<>()).put("fulcrum " + type, studies(sampler, function, seeds));
                }
            }
        }
        String version = readPeer(peer, seeds, best);
        System.out.printf(Locale.ROOT, "Best value so far, median over study seeds 0-%d (one worker; Optuna %s, TPESampler(multivariate=True))%n",
                seeds - 1, version);
        System.out.printf(Locale.ROOT, "%-10s %7s %14s %14s %14s%n", "function", "trials", "fulcrum tpe", "optuna tpe", "fulcrum random");
        for (Map.Entry<String, Map<String, double[][]>> function : best.entrySet()) {
            for (int b = 0; b < BUDGETS.length; b++) {
                System.out.printf(Locale.ROOT, "%-10s %7d %14.5f %14.5f %14.5f%n", function.getKey(), BUDGETS[b],
                        medianAt(function.getValue().get("fulcrum tpe"), b), medianAt(function.getValue().get("optuna tpe"), b),
                        medianAt(function.getValue().get("fulcrum random"), b));
            }
        }
    }

    private static Sampler withDefaults(FulcrumHost host, String type) {
        SamplerFactory<?> factory = (SamplerFactory<?>) host.catalog().find(Family.SAMPLER, type).orElseThrow().factory();
        return create(factory);
    }

    private static <P extends Record> Sampler create(SamplerFactory<P> factory) {
        ConfigDocument empty = ConfigDocument.parse("{}", "defaults");
        P params = new ParamsBinder(Path.of(".")).bind(empty.root(), factory.paramsType(), ConfigPath.ROOT, empty);
        return factory.create(params, null);
    }

    /** Per seed, the best value after each budget, for studies run in one worker as {@code fulcrum tune} with {@code parallel: 1}. */
    private static double[][] studies(Sampler sampler, Function function, int seeds) {
        double[][] best = new double[seeds][BUDGETS.length];
        for (int seed = 0; seed < seeds; seed++) {
            List<TrialRecord> trials = new ArrayList<>();
            double lowest = Double.POSITIVE_INFINITY;
            for (int n = 0; n < BUDGETS[BUDGETS.length - 1]; n++) {
                Map<String, Object> params = sampler.suggest(function.space(), List.of(VALUE), trials, TrialSeeds.of(seed, n));
                double value = function.value().applyAsDouble(params);
                lowest = Math.min(lowest, value);
                Map<String, Double> values = Map.of(VALUE.metric(), value);
                trials.add(new TrialRecord(n, TrialState.COMPLETE, params, values, true, new TreeMap<>(Map.of(1, values)),
                        null, null, "benchmark", Instant.EPOCH, Instant.EPOCH));
                for (int b = 0; b < BUDGETS.length; b++) {
                    if (n + 1 == BUDGETS[b]) {
                        best[seed][b] = lowest;
                    }
                }
            }
        }
        return best;
    }

    /** Runs the Optuna peer, adds its best values as {@code optuna tpe}, and returns Optuna's version. */
    private static String readPeer(Path peer, int seeds, Map<String, Map<String, double[][]>> best) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/python3", peer.toString(), String.valueOf(seeds)).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        }
        if (process.waitFor() != 0 || lines.isEmpty()) {
            throw new IllegalStateException("the Optuna peer failed (apt-get install python3-optuna):\n" + String.join("\n", lines));
        }
        for (String line : lines) {
            Matcher m = PEER_LINE.matcher(line);
            if (m.matches()) {
                double[][] perSeed = best.get(m.group(1)).computeIfAbsent("optuna tpe", k -> new double[seeds][BUDGETS.length]);
                for (int b = 0; b < BUDGETS.length; b++) {
                    perSeed[Integer.parseInt(m.group(2))][b] = Double.parseDouble(m.group(3 + b));
                }
            }
        }
        return lines.get(0).replace("optuna ", "");
    }

    private static double medianAt(double[][] perSeed, int budget) {
        List<Double> values = new ArrayList<>();
        for (double[] seed : perSeed) {
            values.add(seed[budget]);
        }
        return median(values);
    }
}
