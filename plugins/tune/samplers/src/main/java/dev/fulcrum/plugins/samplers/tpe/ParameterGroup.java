package dev.fulcrum.plugins.samplers.tpe;

import dev.fulcrum.api.tune.Parameter;
import dev.fulcrum.api.tune.SearchSpace;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.plugins.samplers.UniformDraws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters TPE draws from one joint density. With joint kernels, a group is every parameter
 * with the same condition ({@code when}): such parameters are active in exactly the same trials,
 * so each trial either has them all or none. This is Optuna's {@code group=True} decomposition
 * ({@code optuna/samplers/_search_space/group_decomposed.py}), read from the declared conditions
 * instead of inferred from the trials so far; the unconditional parameters form the first group.
 * Without joint kernels each parameter is a group of its own (independent TPE). Groups come in
 * the order of their first parameter, so the parameters a condition names are drawn before it.
 *
 * @param members every parameter of the group, in declaration order
 * @param axes    the members that take more than one value, which the densities model
 */
record ParameterGroup(List<Parameter> members, List<ParameterAxis> axes) {

    static List<ParameterGroup> of(SearchSpace space, boolean joint) {
        Map<Object, List<Parameter>> byCondition = new LinkedHashMap<>();
        for (Parameter parameter : space.parameters()) {
            Object key = joint ? parameter.when() : parameter.path();
            byCondition.computeIfAbsent(key, k -> new ArrayList<>()).add(parameter);
        }
        List<ParameterGroup> groups = new ArrayList<>();
        for (List<Parameter> members : byCondition.values()) {
            List<ParameterAxis> axes = members.stream().map(ParameterAxis::of).flatMap(Optional::stream).toList();
            groups.add(new ParameterGroup(List.copyOf(members), axes));
        }
        return groups;
    }

    /** Whether the group is active, given the values drawn so far. */
    boolean active(Map<String, Object> valuesSoFar) {
        return SearchSpace.active(members.get(0), valuesSoFar);
    }

    /** The members' coordinates in {@code trial}, or empty when it lacks one (the group was not active then). */
    Optional<double[]> coordinates(TrialRecord trial) {
        double[] point = new double[axes.size()];
        for (int i = 0; i < point.length; i++) {
            Double coordinate = axes.get(i).coordinate(trial.params().get(axes.get(i).parameter().path()));
            if (coordinate == null) {
                return Optional.empty();
            }
            point[i] = coordinate;
        }
        return Optional.of(point);
    }

    /** The members' values at {@code point} (one coordinate per axis), with the single-valued members' one value. */
    Map<String, Object> values(double[] point) {
        Map<String, Object> values = new LinkedHashMap<>();
        int axis = 0;
        for (Parameter member : members) {
            if (axis < axes.size() && axes.get(axis).parameter() == member) {
                values.put(member.path(), axes.get(axis).value(point[axis]));
                axis++;
            } else {
                values.put(member.path(), UniformDraws.value(member, 0.0));
            }
        }
        return values;
    }
}
