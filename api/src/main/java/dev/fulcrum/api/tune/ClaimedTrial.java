package dev.fulcrum.api.tune;

import dev.fulcrum.api.Experimental;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial a worker now runs, alone.
 *
 * @param queued whether its params were queued ({@link StudyStorage#enqueue}, or a stale trial
 *               re-queued) rather than suggested by the sampler during the claim
 */
@Experimental
public record ClaimedTrial(int number, Map<String, Object> params, boolean queued) {

    public ClaimedTrial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
