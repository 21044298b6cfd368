package dev.fulcrum.core.tune;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.Doc;

import java.util.LinkedHashMap;
import java.util.List;

/** One entry of {@code tune.parameters} as written: exactly one of float, int, choice and fixed, and an optional condition. */
record ParameterSection(
        @Doc("[low, high]: floats in the range") @JsonProperty("float") List<JsonNode> floatRange,
        @Doc("[low, high]: integers in the range") @JsonProperty("int") List<JsonNode> intRange,
        @Doc("draw a range uniformly in log space (low > 0)") Boolean log,
        @Doc("only low + k * step") JsonNode step,
        @Doc("one of these values, each any YAML value (a list, a mapping)") List<JsonNode> choice,
        @Doc("always this value") JsonNode fixed,
        @Doc("active only when each named earlier parameter has this value, or one of this list of values") LinkedHashMap<String, JsonNode> when) {
}
