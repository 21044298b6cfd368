package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.FixedParameter;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code tune.parameters} into the API's parameters, in the order written, with every fault
 * located. In a {@code when}, a list names the values that make the parameter active, and any other
 * value is the one value that does: {@code when: {strategy.type: [multi-task, layer-wise]}}. So a
 * condition on a choice of lists wraps the list it names: {@code when: {model.hidden: [[64, 32]]}}.
 */
final class ParameterReader {

    private final ConfigDocument document;

    ParameterReader(ConfigDocument document) {
        this.document = document;
    }

    List<Parameter> read(Map<String, ParameterSection> sections, ConfigPath at) {
        List<Parameter> parameters = new ArrayList<>();
        Map<String, Parameter> before = new LinkedHashMap<>();
        for (Map.Entry<String, ParameterSection> entry : sections.entrySet()) {
            ConfigPath path = at.child(entry.getKey());
            checkPath(entry.getKey(), path);
            Parameter parameter = parameter(entry.getKey(), entry.getValue(), path, when(entry.getValue(), path, before, sections));
            parameters.add(parameter);
            before.put(parameter.path(), parameter);
        }
        return parameters;
    }

    private void checkPath(String name, ConfigPath path) {
        try {
            ConfigPath parsed = ConfigPath.parse(name);
            if (parsed.segments().get(0).equals("tune") || parsed.segments().get(0).equals("name")) {
                throw document.error(path, "a study cannot tune " + parsed.segments().get(0) + "; name the path of a component's param");
            }
        } catch (IllegalArgumentException e) {
            throw document.error(path, e.getMessage());
        }
    }

    private Parameter parameter(String name, ParameterSection section, ConfigPath path, Map<String, List<Object>> when) {
        List<String> kinds = new ArrayList<>();
        if (section.floatRange() != null) {
            kinds.add("float");
        }
        if (section.intRange() != null) {
            kinds.add("int");
        }
        if (section.choice() != null) {
            kinds.add("choice");
        }
        if (section.fixed() != null) {
            kinds.add("fixed");
        }
        if (kinds.size() != 1) {
            throw document.error(path, (kinds.isEmpty() ? "no values: " : "both " + String.join(" and ", kinds) + ": ")
                    + "give one of float, int, choice and fixed, e.g. {float: [0.001, 0.1], log: true}");
        }
        return switch (kinds.get(0)) {
            case "float" -> floatParameter(name, section, path, when);
            case "int" -> intParameter(name, section, path, when);
            case "choice" -> {
                rangeOnly(section, path);
                yield new ChoiceParameter(name, choices(section.choice(), path.child("choice")), when);
            }
            default -> {
                rangeOnly(section, path);
                yield new FixedParameter(name, TrialValues.value(section.fixed()), when);
            }
        };
    }

    private void rangeOnly(ParameterSection section, ConfigPath path) {
        if (section.log() != null) {
            throw document.error(path.child("log"), "only a float or int range is drawn in log space");
        }
        if (section.step() != null) {
            throw document.error(path.child("step"), "only a float or int range has a step");
        }
    }

    private List<Object> choices(List<JsonNode> nodes, ConfigPath path) {
        if (nodes.isEmpty()) {
            throw document.error(path, "an empty choice; list the values to try");
        }
        List<Object> values = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Object value = TrialValues.value(nodes.get(i));
            if (value == null) {
                throw document.error(path.child(i), "null is not a value to try");
            }
            if (!seen.add(value)) {
                throw document.error(path.child(i), TrialValues.show(value) + " is listed twice");
            }
            values.add(value);
        }
        return values;
    }

    private FloatParameter floatParameter(String name, ParameterSection section, ConfigPath path, Map<String, List<Object>> when) {
        ConfigPath rangePath = path.child("float");
        double[] ends = ends(section.floatRange(), rangePath, false);
        boolean log = Boolean.TRUE.equals(section.log());
        checkLog(log, ends[0], path);
        Double step = null;
        if (section.step() != null) {
            if (!section.step().isNumber() || !(section.step().doubleValue() > 0)) {
                throw document.error(path.child("step"), "expected a positive number, got " + section.step());
            }
            step = section.step().doubleValue();
        }
        return new FloatParameter(name, ends[0], ends[1], log, step, when);
    }

    private IntParameter intParameter(String name, ParameterSection section, ConfigPath path, Map<String, List<Object>> when) {
        double[] ends = ends(section.intRange(), path.child("int"), true);
        boolean log = Boolean.TRUE.equals(section.log());
        checkLog(log, ends[0], path);
        long step = 1;
        if (section.step() != null) {
            if (!section.step().isIntegralNumber() || section.step().longValue() < 1) {
                throw document.error(path.child("step"), "expected an integer of at least 1, got " + section.step());
            }
            step = section.step().longValue();
        }
        return new IntParameter(name, (long) ends[0], (long) ends[1], log, step, when);
    }

    private void checkLog(boolean log, double low, ConfigPath path) {
        if (log && low <= 0) {
            throw document.error(path.child("log"), "a log range needs low > 0, got " + TrialValues.show(low));
        }
    }

    /** {@code [low, high]} with low below high. */
    private double[] ends(List<JsonNode> range, ConfigPath path, boolean integers) {
        if (range.size() != 2) {
            throw document.error(path, "expected [low, high], got " + range.size() + " value" + (range.size() == 1 ? "" : "s"));
        }
        double[] ends = new double[2];
        for (int i = 0; i < 2; i++) {
            JsonNode end = range.get(i);
            boolean fits = integers ? end.isIntegralNumber() : end.isNumber() && Double.isFinite(end.doubleValue());
            if (!fits) {
                throw document.error(path.child(i), "expected " + (integers ? "an integer" : "a finite number") + ", got " + end);
            }
            ends[i] = end.doubleValue();
        }
        if (ends[0] >= ends[1]) {
            throw document.error(path, "an empty range: low " + range.get(0) + (ends[0] == ends[1] ? " equals" : " is above")
                    + " high " + range.get(1) + (ends[0] == ends[1] ? "; use {fixed: " + range.get(0) + "} for one value" : ""));
        }
        return ends;
    }

    private Map<String, List<Object>> when(ParameterSection section, ConfigPath path, Map<String, Parameter> before,
                                           Map<String, ParameterSection> all) {
        Map<String, List<Object>> when = new LinkedHashMap<>();
        if (section.when() == null) {
            return when;
        }
        for (Map.Entry<String, JsonNode> condition : section.when().entrySet()) {
            ConfigPath at = path.child("when").child(condition.getKey());
            String named = condition.getKey();
            Parameter earlier = before.get(named);
            if (earlier == null) {
                throw document.error(at, all.containsKey(named)
                        ? named + " is declared after this parameter; a condition names an earlier one"
                        : named + " is not a parameter of the study; parameters: " + String.join(", ", all.keySet()));
            }
            List<Object> accepted = new ArrayList<>();
            JsonNode value = condition.getValue();
            List<JsonNode> listed = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(listed::add);
            } else {
                listed.add(value);
            }
            for (JsonNode item : listed) {
                Object accept = TrialValues.value(item);
                if (!earlier.contains(accept)) {
                    throw document.error(at, named + " never takes " + TrialValues.show(accept)
                            + (value.isArray() && earlier.contains(TrialValues.value(value))
                            ? "; a list here lists values, so name a list value as [[...]]" : ""));
                }
                accepted.add(accept);
            }
            when.put(named, accepted);
        }
        return when;
    }
}
