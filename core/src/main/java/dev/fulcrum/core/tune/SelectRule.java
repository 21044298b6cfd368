package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tune.select}: how one trial is picked from the Pareto front, e.g.
 * {@code {max: specific.accuracy, subject-to: "general.accuracy >= 0.85"}}. The rule reads
 * validation metrics only (a name without a split means {@code validation.}): the test split is
 * reported for the selected trial, never used to choose it.
 */
public final class SelectRule {

    private static final String MAX = "max";
    private static final String MIN = "min";
    private static final String SUBJECT_TO = "subject-to";
    private static final Set<String> KEYS = Set.of(MAX, MIN, SUBJECT_TO);
    private static final String SPLIT = "validation";
    private static final Pattern METRIC = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+){1,2}");
    private static final Pattern CLAUSE = Pattern.compile("\\s*(\\S+?)\\s*(>=|<=|>|<)\\s*(\\S+)\\s*");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+");
    private static final String CLAUSE_FORM = "expected METRIC OP NUMBER with OP one of >=, <=, >, <, several joined by"
            + " \"and\" (e.g. \"general.accuracy >= 0.85 and specific.macro_f1 > 0.5\")";

    /** How a constraint compares a metric with its bound. */
    public enum Comparison {
        AT_LEAST(">="), AT_MOST("<="), ABOVE(">"), BELOW("<");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double value, double bound) {
            return switch (this) {
                case AT_LEAST -> value >= bound;
                case AT_MOST -> value <= bound;
                case ABOVE -> value > bound;
                case BELOW -> value < bound;
            };
        }

        static Comparison of(String symbol) {
            for (Comparison comparison : values()) {
                if (comparison.symbol.equals(symbol)) {
                    return comparison;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /** One {@code METRIC OP NUMBER}; the metric is a full path ({@code validation.general.accuracy}). */
    public record Constraint(String metric, Comparison comparison, double bound) {

        /** Whether a trial with these metrics meets it; a trial without the metric does not. */
        boolean holds(Map<String, Double> metrics) {
            Double value = metrics.get(metric);
            return value != null && comparison.holds(value, bound);
        }

        @Override
        public String toString() {
            return metric + " " + comparison.symbol() + " " + bound;
        }
    }

    private final String metric;
    private final Direction direction;
    private final List<Constraint> constraints;

    public SelectRule(String metric, Direction direction, List<Constraint> constraints) {
        this.metric = metric;
        this.direction = direction;
        this.constraints = List.copyOf(constraints);
    }

    /** Reads the rule at {@code path} (usually {@code tune.select}); bad rules name the file, line and path. */
    public static SelectRule read(ConfigDocument document, ConfigPath path) {
        JsonNode node = document.at(path);
        if (!node.isObject()) {
            throw document.error(path, "expected a mapping such as {max: specific.accuracy, subject-to: \"general.accuracy"
                    + " >= 0.85\"}, got " + (node.isArray() ? "a list" : node.toString()));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw document.error(path.child(key), "unknown key; select has max, min and subject-to");
            }
        }
        if (node.has(MAX) && node.has(MIN)) {
            throw document.error(path, "give max or min, not both");
        }
        if (!node.has(MAX) && !node.has(MIN)) {
            throw document.error(path, "missing: give max or min, the metric that picks the trial from the front"
                    + " (e.g. max: specific.accuracy)");
        }
        String key = node.has(MAX) ? MAX : MIN;
        ConfigPath metricPath = path.child(key);
        JsonNode metricNode = node.get(key);
        if (!metricNode.isTextual()) {
            throw document.error(metricPath, "expected a metric such as specific.accuracy, got " + metricNode);
        }
        String metric = metric(document, metricPath, metricNode.asText());
        return new SelectRule(metric, key.equals(MAX) ? Direction.MAXIMIZE : Direction.MINIMIZE,
                constraints(document, path.child(SUBJECT_TO)));
    }

    private static List<Constraint> constraints(ConfigDocument document, ConfigPath path) {
        JsonNode node = document.at(path);
        List<Constraint> constraints = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return constraints;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                constraints.addAll(clauses(document, path.child(i), node.get(i)));
            }
        } else {
            constraints.addAll(clauses(document, path, node));
        }
        return constraints;
    }

    private static List<Constraint> clauses(ConfigDocument document, ConfigPath path, JsonNode node) {
        if (!node.isTextual()) {
            throw document.error(path, "expected a constraint such as \"general.accuracy >= 0.85\", or a list of them, got "
                    + (node.isContainerNode() ? "a " + (node.isArray() ? "list" : "mapping") : node.toString()));
        }
        List<Constraint> constraints = new ArrayList<>();
        for (String clause : AND.split(node.asText().strip(), -1)) {
            Matcher matcher = CLAUSE.matcher(clause);
            if (!matcher.matches() || !NUMBER.matcher(matcher.group(3)).matches()
                    || !METRIC.matcher(matcher.group(1)).matches()) {
                throw document.error(path, "cannot read \"" + clause + "\": " + CLAUSE_FORM);
            }
            constraints.add(new Constraint(metric(document, path, matcher.group(1)),
                    Comparison.of(matcher.group(2)), Double.parseDouble(matcher.group(3))));
        }
        return constraints;
    }

    /** The full path of a metric the rule names: {@code validation.} added where no split is given. */
    private static String metric(ConfigDocument document, ConfigPath path, String text) {
        if (!METRIC.matcher(text).matches()) {
            throw document.error(path, "expected a metric such as specific.accuracy (TASK.METRIC, of the validation split),"
                    + " got \"" + text + "\"");
        }
        String[] parts = text.split("\\.");
        if (parts.length == 2) {
            return SPLIT + "." + text;
        }
        if (!parts[0].equals(SPLIT)) {
            throw document.error(path, "select reads validation metrics only (test metrics are reported for the selected"
                    + " trial, not used to pick it), got \"" + text + "\"");
        }
        return text;
    }

    /** The rule as the study definition stores it; {@link #fromJson} reads it back. */
    public JsonNode toJson() {
        ObjectNode node = Json.object();
        node.put(direction.word(), metric);
        constraints.forEach(constraint -> node.withArray(SUBJECT_TO).add(constraint.toString()));
        return node;
    }

    public static SelectRule fromJson(JsonNode node) {
        return read(ConfigDocument.parse(Json.line(node), "the study's select rule"), ConfigPath.ROOT);
    }

    /**
     * The best front trial by the rule's metric among those meeting every constraint (the first in
     * {@code front}'s order on a tie), or empty when none meets them. A metric is looked up in the
     * trial's objective values first, then in {@code metrics}, which is asked only then.
     */
    public Optional<TrialRecord> select(List<TrialRecord> front, Function<TrialRecord, Map<String, Double>> metrics) {
        TrialRecord best = null;
        double bestValue = Double.NaN;
        for (TrialRecord trial : front) {
            Map<String, Double> known = metricsOf(trial, metrics);
            Double value = known.get(metric);
            if (value == null || value.isNaN() || !constraints.stream().allMatch(c -> c.holds(known))) {
                continue;
            }
            if (best == null || direction.better(value, bestValue)) {
                best = trial;
                bestValue = value;
            }
        }
        return Optional.ofNullable(best);
    }

    private Map<String, Double> metricsOf(TrialRecord trial, Function<TrialRecord, Map<String, Double>> metrics) {
        boolean allKnown = trial.values().containsKey(metric)
                && constraints.stream().allMatch(c -> trial.values().containsKey(c.metric()));
        if (allKnown) {
            return trial.values();
        }
        Map<String, Double> known = new HashMap<>(metrics.apply(trial));
        known.putAll(trial.values());
        return known;
    }

    public String metric() {
        return metric;
    }

    public Direction direction() {
        return direction;
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    /** The constraints as one line: {@code validation.general.accuracy >= 0.85 and ...}. */
    public String constraintsText() {
        return String.join(" and ", constraints.stream().map(Constraint::toString).toList());
    }

    /** The rule in words: {@code max validation.specific.accuracy subject to validation.general.accuracy >= 0.85}. */
    @Override
    public String toString() {
        return direction.word() + " " + metric + (constraints.isEmpty() ? "" : " subject to " + constraintsText());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelectRule other && metric.equals(other.metric) && direction == other.direction
                && constraints.equals(other.constraints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, direction, constraints);
    }
}
