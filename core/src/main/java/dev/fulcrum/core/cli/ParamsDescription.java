package dev.fulcrum.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.fulcrum.api.Doc;
import dev.fulcrum.core.config.ConfigDocument;
import dev.fulcrum.core.config.ConfigPath;
import dev.fulcrum.core.config.ParamsBinder;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The params of a factory as a user sees them: YAML name, type, default and meaning. */
record ParamsDescription(List<Param> params) {

    record Param(String name, String type, String defaultValue, String doc) {
    }

    private static final PropertyNamingStrategies.KebabCaseStrategy KEBAB = new PropertyNamingStrategies.KebabCaseStrategy();

    static ParamsDescription of(Class<?> paramsType) {
        List<Param> params = new ArrayList<>();
        collect("", paramsType, defaults(paramsType), params);
        return new ParamsDescription(params);
    }

    /** Lists a record's components; a nested record's own components follow it, with dotted names. */
    private static void collect(String prefix, Class<?> recordType, JsonNode defaults, List<Param> params) {
        for (RecordComponent component : recordType.getRecordComponents()) {
            String name = KEBAB.translate(component.getName());
            JsonNode value = defaults == null ? null : defaults.get(name);
            Doc doc = component.getAnnotation(Doc.class);
            params.add(new Param(prefix + name, typeName(component.getGenericType()),
                    value == null ? "?" : value.isNull() ? "none" : value.toString(),
                    doc == null ? "" : doc.value()));
            if (component.getType().isRecord()) {
                collect(prefix + name + ".", component.getType(), value != null && value.isObject() ? value : null, params);
            }
        }
    }

    /** The params an empty mapping binds to, or {@code null} if an empty mapping is not valid. */
    private static JsonNode defaults(Class<?> paramsType) {
        ParamsBinder binder = new ParamsBinder(Path.of("."));
        try {
            ConfigDocument empty = ConfigDocument.parse("{}", "defaults");
            return binder.unbind(binder.bind(empty.root(), paramsType, ConfigPath.ROOT, empty));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String typeName(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && java.util.Collection.class.isAssignableFrom(raw)) {
            return "list of " + typeName(parameterized.getActualTypeArguments()[0]);
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == java.util.Map.class) {
            return "mapping of " + typeName(parameterized.getActualTypeArguments()[0]) + " to "
                    + typeName(parameterized.getActualTypeArguments()[1]);
        }
        if (!(type instanceof Class<?> c)) {
            return type.getTypeName();
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return "integer";
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
            return "number";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "boolean";
        }
        if (c == String.class) {
            return "string";
        }
        if (c == Path.class) {
            return "path";
        }
        if (c.isEnum()) {
            return "one of " + Arrays.toString(c.getEnumConstants());
        }
        if (c.isRecord()) {
            return "mapping";
        }
        return c.getSimpleName();
    }
}
