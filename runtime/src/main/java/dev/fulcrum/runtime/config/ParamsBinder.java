package dev.fulcrum.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.fulcrum.api.InvalidParamsException;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Binds a params record from config, and back. Field names are kebab-case; relative paths are
 * resolved against the config file's folder so the resolved config runs from anywhere. Every
 * binding error is turned into a located message naming the field and what was expected, and so is
 * every value of the bound record that breaks a constraint of {@code dev.fulcrum.api.params}.
 */
public final class ParamsBinder {

    private static final String BASE_FOLDER = "fulcrum.baseFolder";
    private static final PropertyNamingStrategies.KebabCaseStrategy KEBAB = new PropertyNamingStrategies.KebabCaseStrategy();

    private final ObjectMapper mapper;
    private final Path baseFolder;

    public ParamsBinder(Path baseFolder) {
        this.baseFolder = baseFolder.toAbsolutePath().normalize();
        SimpleModule paths = new SimpleModule("fulcrum-paths");
        paths.addDeserializer(Path.class, new RelativePathDeserializer());
        paths.addSerializer(Path.class, ToStringSerializer.instance);
        this.mapper = JsonMapper.builder()
                .propertyNamingStrategy(KEBAB)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(paths)
                .build();
    }

    /**
     * Binds {@code node} (the params, without {@code type}) to a record type, and checks the bound
     * record, defaults filled in, against the constraints on its components.
     *
     * @param path where the params sit in the config, for messages
     */
    public <P> P bind(JsonNode node, Class<P> type, ConfigPath path, ConfigDocument document) {
        P params = read(node, type, path, document);
        if (params instanceof Record record) {
            ParamsConstraints.firstViolation(record, path).ifPresent(violation -> {
                throw document.error(violation.path(), violation.problem());
            });
        }
        return params;
    }

    /** The YAML key of a params record component: its name in kebab-case. */
    public static String yamlName(RecordComponent component) {
        return KEBAB.translate(component.getName());
    }

    private <P> P read(JsonNode node, Class<P> type, ConfigPath path, ConfigDocument document) {
        try {
            return mapper.reader().withAttribute(BASE_FOLDER, baseFolder).treeToValue(node, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidParamsException invalid) {
                ConfigPath at = path(path, e.getPath()).resolve(invalid.field());
                throw document.error(at, invalid.problem());
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw document.error(path(path, e.getPath()), String.valueOf(cause.getMessage()));
        } catch (UnrecognizedPropertyException e) {
            ConfigPath at = path(path, e.getPath());
            throw document.error(at, "unknown parameter; known: " + known(e.getKnownPropertyIds()));
        } catch (MismatchedInputException e) {
            ConfigPath at = path(path, e.getPath());
            throw document.error(at, "expected " + describe(e.getTargetType()) + ", got " + render(document.at(at), e));
        } catch (JsonMappingException e) {
            throw document.error(path(path, e.getPath()), e.getOriginalMessage());
        } catch (IOException e) {
            throw document.error(path, e.getMessage());
        }
    }

    /** The params as a config tree, every default filled in. */
    public ObjectNode unbind(Object params) {
        return mapper.valueToTree(params);
    }

    private static ConfigPath path(ConfigPath base, List<JsonMappingException.Reference> references) {
        ConfigPath path = base;
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path = path.child(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path = path.child(reference.getIndex());
            }
        }
        return path;
    }

    private static String known(Collection<Object> ids) {
        TreeSet<String> names = new TreeSet<>();
        ids.forEach(id -> names.add(String.valueOf(id)));
        return String.join(", ", names);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == Path.class) {
            return "file path";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping";
        }
        return type.getSimpleName();
    }

    private static String render(JsonNode value, MismatchedInputException e) {
        if (value == null || value.isMissingNode()) {
            return e instanceof InvalidFormatException f ? String.valueOf(f.getValue()) : "something else";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.toString();
    }

    /** Reads a path relative to the config file's folder. */
    private static final class RelativePathDeserializer extends JsonDeserializer<Path> {
        @Override
        public Path deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.currentToken().isScalarValue() || parser.currentToken().isNumeric()) {
                return (Path) context.handleUnexpectedToken(Path.class, parser);
            }
            Path base = (Path) context.getAttribute(BASE_FOLDER);
            Path path = Path.of(parser.getValueAsString());
            return (base == null ? path : base.resolve(path)).normalize();
        }
    }
}
