package dev.fulcrum.api.mitigate;

import dev.fulcrum.api.Experimental;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/** A fitted post-processing rule: from class probabilities and sensitive attributes to decisions. */
@Experimental
public interface DecisionRule {

    /** The sensitive attributes {@link #decide} reads; rows must carry them. */
    List<String> attributes();

    /**
     * @param probabilities {@code [rows, classes]} of the specific task
     * @param sensitive     attribute name to one value per row; holds at least {@link #attributes()}
     * @return the decided class per row
     */
    int[] decide(INDArray probabilities, Map<String, String[]> sensitive);

    /**
     * What was learnt, as a JSON-like tree (maps with string keys, lists, strings, numbers, booleans).
     * The host saves it in {@code model.zip} and reports it in {@code summary.json};
     * {@link PostProcessingMitigator#restore} rebuilds the rule from it.
     */
    Map<String, Object> state();
}
