package dev.fulcrum.plugins.samplers;

import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.api.tune.SearchSpace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One child of two parents, parameter by parameter in declared order, so that a condition sees the
 * child's own values: each active parameter comes from the parents (from the one that has a value
 * the space still admits, when only one has), unless it mutates, or neither parent has it: then it
 * is drawn uniformly, as Optuna's {@code NSGAIISampler} draws a mutated parameter afresh. A
 * parameter comes from the second parent with {@code swapping-prob} (uniform crossover); with SBX,
 * a float without a step is instead, with chance one half, an SBX child of both parents' values,
 * as Deb's reference code crosses each variable with chance one half.
 */
final class Offspring {

    private final SearchSpace space;
    private final double mutationProb;
    private final double swappingProb;
    /** The SBX distribution index, or {@code null} for uniform crossover of every parameter. */
    private final Double sbxEta;

    Offspring(SearchSpace space, double mutationProb, double swappingProb, Double sbxEta) {
        this.space = space;
        this.mutationProb = mutationProb;
        this.swappingProb = swappingProb;
        this.sbxEta = sbxEta;
    }

    /** The child of {@code first} and {@code second}; the same map twice gives a mutated copy. */
    Map<String, Object> child(Map<String, Object> first, Map<String, Object> second, SplittableRandom random) {
        Map<String, Object> child = new LinkedHashMap<>();
        for (Parameter parameter : space.parameters()) {
            if (!SearchSpace.active(parameter, child)) {
                continue;
            }
            Object a = admitted(parameter, first);
            Object b = admitted(parameter, second);
            Object value;
            if (random.nextDouble() < mutationProb || a == null && b == null) {
                value = UniformDraws.value(parameter, random.nextDouble());
            } else if (a == null || b == null) {
                value = a == null ? b : a;
            } else if (sbxEta != null && parameter instanceof FloatParameter range && range.step() == null && random.nextDouble() < 0.5) {
                value = SimulatedBinaryCrossover.child(range, (Double) a, (Double) b, sbxEta, random);
            } else {
                value = random.nextDouble() < swappingProb ? b : a;
            }
            child.put(parameter.path(), value);
        }
        return child;
    }

    /** The parent's value if the parameter may still take it (a resumed study may have a narrower space). */
    private static Object admitted(Parameter parameter, Map<String, Object> parent) {
        Object value = parent.get(parameter.path());
        return value != null && parameter.contains(value) ? value : null;
    }
}
