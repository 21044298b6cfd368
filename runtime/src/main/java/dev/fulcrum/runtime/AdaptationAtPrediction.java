package dev.fulcrum.runtime;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one of a run's domain adapters does to rows predicted later, as {@code model.json} records
 * it per adapter, in pipeline order ({@code adapt: [{type, at_prediction}]}).
 */
public enum AdaptationAtPrediction {
    /** Its fitted transform is saved under {@code fulcrum/adapt/<index>/} and applied to new rows by their domain. */
    TRANSFORM,
    /** It changed no feature (it weights training rows): new rows pass as they are. */
    NONE,
    /** It changed features but is no transforming adapter, so nothing can be saved: the model refuses new rows. */
    UNSAVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a label no value has */
    public static AdaptationAtPrediction of(String label) {
        return Arrays.stream(values()).filter(value -> value.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("at_prediction \"" + label + "\": expected one of "
                        + Arrays.stream(values()).map(AdaptationAtPrediction::label).toList()));
    }
}
