package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.util.List;
import java.util.Map;

/**
 * One tunable config path and the values it may take. Values are plain Java values as YAML gives
 * them: {@code Double} for floats, {@code Long} for integers, {@code String}, {@code Boolean}, and
 * {@code List} or {@code Map} of these for a choice of structured values.
 *
 * <p>A parameter with a condition ({@code when}) is active only when every parameter the condition
 * names is active and has one of the listed values; an inactive parameter has no value in a trial,
 * and the pipeline keeps what its file says at that path. A condition names only parameters declared
 * before it in the space, so values can be drawn in order.
 */
@Experimental
public sealed interface Parameter permits FloatParameter, IntParameter, ChoiceParameter, FixedParameter {

    /** The config path, as {@code --set} accepts it: {@code strategy.learning-rate}. */
    String path();

    /** Parameter path to the values that make this parameter active; empty when always active. */
    Map<String, List<Object>> when();

    /** Whether {@code value} is one this parameter may take. */
    boolean contains(Object value);
}
