package dev.fulcrum.core.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a study database's columns: trial params and metric maps, read back exactly as they
 * were written. Doubles keep every bit, NaN and the infinities included: they are written as the
 * bare tokens {@code NaN}, {@code Infinity} and {@code -Infinity} (JSON5, which SQLite's JSON
 * functions read too), never as strings that a string param could also be. Integers come back as
 * {@code Long}, so params may hold only the types that come back as they went in.
 */
final class StudyJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    private static final TypeReference<LinkedHashMap<String, Object>> PARAMS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Double>> METRICS = new TypeReference<>() {
    };

    private StudyJson() {
    }

    /**
     * Params as JSON.
     *
     * @throws IllegalArgumentException naming the param, when a value is of a type that would come
     *                                  back as another (an {@code Integer} as a {@code Long})
     */
    static String params(Map<String, Object> params) {
        params.forEach((path, value) -> requireStorable(path, value));
        return write(params);
    }

    /** Params read back; lists and maps inside them are unmodifiable, so a record stays as it was read. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readParams(String json) {
        return (Map<String, Object>) frozen(read(json, PARAMS));
    }

    static String metrics(Map<String, Double> metrics) {
        metrics.forEach((name, value) -> {
            if (value == null) {
                throw new IllegalArgumentException(name + ": a metric needs a value, got null");
            }
        });
        return write(metrics);
    }

    static Map<String, Double> readMetrics(String json) {
        return read(json, METRICS);
    }

    private static void requireStorable(String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireStorable(path + "[" + i + "]", list.get(i));
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException(path + ": a map key must be a String, got " + key.getClass().getName());
                }
                requireStorable(path + "." + key, inner);
            });
            return;
        }
        throw new IllegalArgumentException(path + ": a param must be a Long, Double, String, Boolean, or a List or Map "
                + "of them (what the study database gives back), got a " + value.getClass().getName() + " (" + value + ")");
    }

    private static Object frozen(Object value) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(frozen(item)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put(key, frozen(inner)));
            return Collections.unmodifiableMap(copy);
        }
        return value;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not the JSON a study database holds: " + json + ": " + e.getOriginalMessage(), e);
        }
    }
}
