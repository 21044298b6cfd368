package dev.fulcrum.math.weights;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parameter tables: a network's parameters by name (DL4J's {@code paramTable()}, whose keys are
 * {@code <layer>_<parameter>}, e.g. {@code dense-1_W}), as weight-space methods combine them.
 */
@Experimental
public final class ParameterTables {

    /** How many differences a refusal names before it says how many more there are. */
    private static final int NAMED = 5;

    private ParameterTables() {
    }

    /** A copy of every array, in the table's order, detached from the network it came from. */
    public static Map<String, INDArray> copy(Map<String, INDArray> table) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        table.forEach((name, values) -> copy.put(name, values.dup()));
        return copy;
    }

    /** The table without the {@code names} (the arrays are not copied), in the table's order. */
    public static Map<String, INDArray> without(Map<String, INDArray> table, Set<String> names) {
        Map<String, INDArray> kept = new LinkedHashMap<>(table);
        kept.keySet().removeAll(names);
        return kept;
    }

    /**
     * Refuses two tables that are not of one graph: each parameter of one must be in the other, with
     * the same shape and data type. The message names the differing parameters.
     *
     * @throws MismatchedParametersException naming the parameters that differ, with {@code aName}
     *                                       and {@code bName} as the two tables' names
     */
    public static void requireSame(Map<String, INDArray> a, String aName, Map<String, INDArray> b, String bName) {
        List<String> differences = new ArrayList<>();
        a.forEach((name, values) -> {
            INDArray other = b.get(name);
            if (other == null) {
                differences.add("parameter " + name + " is in " + aName + " but not in " + bName);
            } else if (!Arrays.equals(values.shape(), other.shape())) {
                differences.add("parameter " + name + " is " + Arrays.toString(values.shape()) + " in " + aName
                        + " but " + Arrays.toString(other.shape()) + " in " + bName);
            } else if (values.dataType() != other.dataType()) {
                differences.add("parameter " + name + " is " + values.dataType() + " in " + aName + " but "
                        + other.dataType() + " in " + bName);
            }
        });
        b.keySet().stream().filter(name -> !a.containsKey(name))
                .forEach(name -> differences.add("parameter " + name + " is in " + bName + " but not in " + aName));
        if (differences.isEmpty()) {
            return;
        }
        String named = String.join("; ", differences.subList(0, Math.min(NAMED, differences.size())));
        String more = differences.size() > NAMED ? "; and " + (differences.size() - NAMED) + " more" : "";
        throw new MismatchedParametersException(aName + " and " + bName + " are not the same graph: " + named + more);
    }

    /**
     * Refuses two tables of one graph whose values are not equal bit for bit, naming the first
     * parameter that differs and its largest difference.
     *
     * @throws MismatchedParametersException when the graphs differ (see {@link #requireSame}) or a value does
     */
    public static void requireEqual(Map<String, INDArray> a, String aName, Map<String, INDArray> b, String bName) {
        requireSame(a, aName, b, bName);
        for (Map.Entry<String, INDArray> entry : a.entrySet()) {
            INDArray other = b.get(entry.getKey());
            if (!Arrays.equals(entry.getValue().dup().data().asDouble(), other.dup().data().asDouble())) {
                double largest = entry.getValue().sub(other).amaxNumber().doubleValue();
                throw new MismatchedParametersException(aName + " and " + bName + " hold other values: parameter "
                        + entry.getKey() + " differs by up to " + largest);
            }
        }
    }
}
