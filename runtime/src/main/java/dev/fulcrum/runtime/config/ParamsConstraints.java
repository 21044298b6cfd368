package dev.fulcrum.runtime.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The constraints of {@code dev.fulcrum.api.params} on a params record: checked on a bound record,
 * shown by {@code describe}, and looked over for ones that sit where they cannot check anything.
 */
public final class ParamsConstraints {

    /** A value that breaks a constraint: where it is in the config, and what is wrong with it. */
    public record Violation(ConfigPath path, String problem) {
    }

    private ParamsConstraints() {
    }

    /**
     * The first value that breaks a constraint, in component order, going into nested records and
     * into the elements of lists and maps.
     *
     * @param at where the record sits in the config
     */
    public static Optional<Violation> firstViolation(Record params, ConfigPath at) {
        for (RecordComponent component : params.getClass().getRecordComponents()) {
            Optional<Violation> violation = check(read(component, params), component.getAnnotatedType(),
                    at.child(ParamsBinder.yamlName(component)), true);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    /**
     * Every constraint that sits on a type it cannot check (say {@code @AtLeast} on a string) or whose
     * bound does not parse, as {@code path: reason}; empty for a record whose constraints all work.
     */
    public static List<String> misplaced(Class<?> recordType) {
        List<String> problems = new ArrayList<>();
        collectMisplaced(recordType, "", problems, new HashSet<>());
        return problems;
    }

    /** How {@code describe} shows the constraints on a component, e.g. {@code >= 1} or {@code each >= 1}; empty without any. */
    public static String describe(AnnotatedType type) {
        List<String> parts = new ArrayList<>();
        String own = texts(type);
        if (!own.isEmpty()) {
            parts.add(own);
        }
        elementType(type).map(ParamsConstraints::texts).filter(text -> !text.isEmpty()).ifPresent(text -> parts.add("each " + text));
        return String.join(", ", parts);
    }

    private static Optional<Violation> check(Object value, AnnotatedType type, ConfigPath at, boolean nullPasses) {
        if (value == null && nullPasses) {
            return Optional.empty();
        }
        List<Stated> constraints;
        try {
            constraints = stated(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(at + ": " + e.getMessage(), e);
        }
        for (Stated stated : constraints) {
            if (!stated.appliesTo(type)) {
                throw new IllegalStateException(at + ": " + stated.misplaced(type));
            }
            Optional<String> problem = stated.constraint().problem(value);
            if (problem.isPresent()) {
                return Optional.of(new Violation(at, problem.get()));
            }
        }
        if (value instanceof Record nested) {
            return firstViolation(nested, at);
        }
        Optional<AnnotatedType> elements = elementType(type);
        if (elements.isPresent() && value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Optional<Violation> violation = check(list.get(i), elements.get(), at.child(i), false);
                if (violation.isPresent()) {
                    return violation;
                }
            }
        } else if (elements.isPresent() && value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Optional<Violation> violation = check(entry.getValue(), elements.get(), at.child(String.valueOf(entry.getKey())), false);
                if (violation.isPresent()) {
                    return violation;
                }
            }
        }
        return Optional.empty();
    }

    private static void collectMisplaced(Class<?> recordType, String prefix, List<String> problems, Set<Class<?>> seen) {
        if (!seen.add(recordType)) {
            return;
        }
        for (RecordComponent component : recordType.getRecordComponents()) {
            collectMisplaced(component.getAnnotatedType(), prefix + ParamsBinder.yamlName(component), problems, seen);
        }
    }

    private static void collectMisplaced(AnnotatedType type, String path, List<String> problems, Set<Class<?>> seen) {
        try {
            stated(type).stream().filter(stated -> !stated.appliesTo(type)).forEach(stated -> problems.add(path + ": " + stated.misplaced(type)));
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
        }
        Optional<AnnotatedType> elements = elementType(type);
        if (elements.isPresent()) {
            collectMisplaced(elements.get(), path + (isMap(type) ? ".*" : "[]"), problems, seen);
        } else if (rawType(type.getType()).isRecord()) {
            collectMisplaced(rawType(type.getType()), path + ".", problems, seen);
        }
    }

    /** A constraint with the annotation that states it. */
    private record Stated(Annotation annotation, ParamsConstraint constraint) {

        boolean appliesTo(AnnotatedType type) {
            return constraint.appliesTo(rawType(type.getType()));
        }

        String misplaced(AnnotatedType type) {
            return "@" + annotation.annotationType().getSimpleName() + " checks " + constraint.appliesToText() + ", not "
                    + rawType(type.getType()).getSimpleName();
        }
    }

    /** The constraints on a type; a {@code @Range} whose interval does not parse throws {@link IllegalArgumentException}. */
    private static List<Stated> stated(AnnotatedType type) {
        List<Stated> stated = new ArrayList<>();
        for (Annotation annotation : type.getAnnotations()) {
            ParamsConstraint.of(annotation).ifPresent(constraint -> stated.add(new Stated(annotation, constraint)));
        }
        return stated;
    }

    private static String texts(AnnotatedType type) {
        return stated(type).stream().map(stated -> stated.constraint().text()).collect(Collectors.joining(", "));
    }

    /** The element type of a list or the value type of a map, with its annotations. */
    private static Optional<AnnotatedType> elementType(AnnotatedType type) {
        if (!(type instanceof AnnotatedParameterizedType parameterized)) {
            return Optional.empty();
        }
        AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
        Class<?> raw = rawType(type.getType());
        if (java.util.Collection.class.isAssignableFrom(raw) && arguments.length == 1) {
            return Optional.of(arguments[0]);
        }
        return isMap(type) && arguments.length == 2 ? Optional.of(arguments[1]) : Optional.empty();
    }

    private static boolean isMap(AnnotatedType type) {
        return Map.class.isAssignableFrom(rawType(type.getType()));
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Object read(RecordComponent component, Record record) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("reading " + component.getName() + " of " + record.getClass().getName() + " failed", e.getCause());
        }
    }
}
