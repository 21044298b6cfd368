package dev.fulcrum.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.Doc;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;
import dev.fulcrum.runtime.config.ParamsConstraints;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The params of a factory as a user sees them: YAML name, type, constraint, default and meaning. */
record ParamsDescription(List<Param> params) {

    /** @param constraint what a value must be, e.g. {@code >= 1} (empty: anything of its type) */
    record Param(String name, String type, String constraint, String defaultValue, String doc) {
    }

    static ParamsDescription of(Class<?> paramsType) {
        List<Param> params = new ArrayList<>();
        collect("", paramsType, defaults(paramsType), params);
        return new ParamsDescription(params);
    }

    /**
     * The table {@code describe} prints: a line per param with its name, type, constraint (a column
     * only where some param has one) and default, and its doc indented below.
     */
    List<String> lines() {
        int nameWidth = width(Param::name);
        int typeWidth = width(Param::type);
        int constraintWidth = width(Param::constraint);
        List<String> lines = new ArrayList<>();
        for (Param param : params) {
            StringBuilder line = new StringBuilder("    ").append(pad(param.name(), nameWidth)).append("  ").append(pad(param.type(), typeWidth));
            if (constraintWidth > 0) {
                line.append("  ").append(pad(param.constraint(), constraintWidth));
            }
            lines.add(line.append("  default ").append(param.defaultValue()).toString());
            if (!param.doc().isEmpty()) {
                lines.add("      " + param.doc());
            }
        }
        return lines;
    }

    private int width(Function<Param, String> column) {
        return params.stream().mapToInt(p -> column.apply(p).length()).max().orElse(0);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /**
     * Lists a record's components; a nested record's own components follow it, with dotted names, and
     * so do those of a list's record elements, as {@code gates[].metric}.
     */
    private static void collect(String prefix, Class<?> recordType, JsonNode defaults, List<Param> params) {
        for (RecordComponent component : recordType.getRecordComponents()) {
            String name = ParamsBinder.yamlName(component);
            JsonNode value = defaults == null ? null : defaults.get(name);
            Doc doc = component.getAnnotation(Doc.class);
            params.add(new Param(prefix + name, typeName(component.getGenericType()),
                    ParamsConstraints.describe(component.getAnnotatedType()),
                    value == null ? "?" : value.isNull() ? "none" : value.toString(),
                    doc == null ? "" : doc.value()));
            if (component.getType().isRecord()) {
                collect(prefix + name + ".", component.getType(), value != null && value.isObject() ? value : null, params);
            } else {
                recordElements(component.getGenericType())
                        .ifPresent(element -> collect(prefix + name + "[].", element, defaults(element), params));
            }
        }
    }

    /** The element type of a list of records. */
    private static Optional<Class<?>> recordElements(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && java.util.Collection.class.isAssignableFrom(raw)
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return Optional.of(element);
        }
        return Optional.empty();
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
