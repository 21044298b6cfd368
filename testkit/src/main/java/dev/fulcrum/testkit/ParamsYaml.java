package dev.fulcrum.testkit;

import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigException;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Binds a params record from YAML text as the host binds a component's params: the constructor's
 * defaults and checks, then the constraints on its components. For plugin tests of bad params.
 */
public final class ParamsYaml {

    /** The file name the messages start with. */
    public static final String SOURCE = "params.yaml";

    private ParamsYaml() {
    }

    /** The params that YAML text (the component's mapping, without {@code type}) binds to. */
    public static <P> P bind(Class<P> type, String yaml) {
        ConfigDocument document = ConfigDocument.parse(yaml, SOURCE);
        return new ParamsBinder(Path.of(".")).bind(document.root(), type, ConfigPath.ROOT, document);
    }

    /**
     * The message the host gives for YAML text that the params reject, e.g.
     * {@code params.yaml:1: std: must be at least 0, got -1.0}; fails if they accept it.
     */
    public static String error(Class<?> type, String yaml) {
        return assertThrows(ConfigException.class, () -> bind(type, yaml), () -> "expected " + type.getSimpleName()
                + " to reject " + yaml).getMessage();
    }
}
