package dev.fulcrum.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.FixedParameter;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.pipeline.Resolved;
import dev.fulcrum.core.run.Digests;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.runtime.config.ParamsBinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What a study is, as its database keeps it: objectives, space, sampler and pruner with their params,
 * the study's seed, and the SHA-256 of the pipeline it tunes (the file's content with the command
 * line's {@code --set} and {@code --seed} applied, its {@code tune:} section left out). Running a
 * study again resumes it only when this is the same; the budget (trials, timeout, parallel,
 * max-failed, keep-models) may change between runs, in the file or with {@code --set tune.trials=40}.
 */
public final class StudyDefinition {

    private StudyDefinition() {
    }

    /** The definition as JSON, its fields in a fixed order, so two equal definitions are equal texts. */
    public static String of(StudyPlan plan) {
        ObjectNode definition = Json.object();
        definition.put("format", 1);
        ArrayNode objectives = definition.putArray("objectives");
        for (Objective objective : plan.tune().objectives()) {
            objectives.addObject().put("metric", objective.metric()).put("direction", objective.direction().word());
        }
        ArrayNode space = definition.putArray("space");
        plan.tune().space().parameters().forEach(parameter -> space.add(parameter(parameter)));
        definition.set("sampler", component(plan.sampler(), plan));
        definition.set("pruner", component(plan.pruner(), plan));
        definition.set("select", plan.tune().select() == null ? null : plan.tune().select().toJson());
        definition.put("seed", plan.seed());
        ObjectNode pipeline = plan.pipeline().document().root().deepCopy();
        pipeline.remove(PipelineConfigReader.TUNE);
        definition.putObject("pipeline").put("sha256", Digests.sha256(Json.line(pipeline)));
        return Json.line(definition);
    }

    /**
     * What differs between two definitions, by top-level field ({@code space}, {@code pipeline.sha256}),
     * or empty when they are the same.
     */
    public static List<String> differences(String stored, String now) {
        JsonNode a = parse(stored);
        JsonNode b = parse(now);
        List<String> differences = new ArrayList<>();
        for (Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (a.get(name) != null && a.get(name).isObject() && b.get(name).isObject()) {
                b.get(name).fieldNames().forEachRemaining(field -> {
                    if (!b.get(name).get(field).equals(a.get(name).get(field))) {
                        differences.add(name + "." + field);
                    }
                });
            } else if (!b.get(name).equals(a.get(name))) {
                differences.add(name);
            }
        }
        a.fieldNames().forEachRemaining(name -> {
            if (b.get(name) == null) {
                differences.add(name);
            }
        });
        return differences;
    }

    /** The objectives of a stored definition. */
    public static List<Objective> objectives(String definition) {
        List<Objective> objectives = new ArrayList<>();
        for (JsonNode objective : parse(definition).path("objectives")) {
            objectives.add(new Objective(objective.path("metric").asText(), objective.path("direction").asText().equals("max")
                    ? Direction.MAXIMIZE : Direction.MINIMIZE));
        }
        return objectives;
    }

    /** The select rule of a stored definition, or {@code null}. */
    public static SelectRule select(String definition) {
        JsonNode select = parse(definition).path("select");
        return select.isObject() ? SelectRule.fromJson(select) : null;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode component(Resolved<?> component, StudyPlan plan) {
        ObjectNode node = Json.object().put("type", component.spec().type());
        node.set("params", new ParamsBinder(plan.pipeline().folder()).unbind(component.params()));
        return node;
    }

    private static ObjectNode parameter(Parameter parameter) {
        ObjectNode node = Json.object().put("path", parameter.path());
        if (parameter instanceof FloatParameter range) {
            node.put("kind", "float").put("low", range.low()).put("high", range.high()).put("log", range.log());
            if (range.step() == null) {
                node.putNull("step");
            } else {
                node.put("step", range.step());
            }
        } else if (parameter instanceof IntParameter range) {
            node.put("kind", "int").put("low", range.low()).put("high", range.high()).put("log", range.log())
                    .put("step", range.step());
        } else if (parameter instanceof ChoiceParameter choice) {
            node.put("kind", "choice").set("values", TrialValues.node(choice.values()));
        } else {
            node.put("kind", "fixed").set("value", TrialValues.node(((FixedParameter) parameter).value()));
        }
        // Sorted: a condition map has no order of its own, and equal definitions must be equal texts.
        node.set("when", TrialValues.node(new java.util.TreeMap<>(parameter.when())));
        return node;
    }
}
