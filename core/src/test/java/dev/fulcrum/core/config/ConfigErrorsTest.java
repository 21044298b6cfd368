package dev.fulcrum.core.config;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigException;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every config mistake is reported with the file, the line and the path of the value at fault. */
class ConfigErrorsTest {

    record Nested(@Doc("m") String mode, @Doc("p") Integer patience) {
        Nested {
            if (mode != null && !mode.equals("max") && !mode.equals("min")) {
                throw new InvalidParamsException("mode", "expected max or min, got \"" + mode + "\"");
            }
        }
    }

    record Params(@Doc("e") Integer epochs, @Doc("r") Double rate, @Doc("l") List<Integer> hidden,
                  @Doc("n") Nested stopping, @Doc("f") Path file) {
    }

    private static final String PIPELINE = """
            name: demo
            strategy:
              type: supervised
              epochs: 10
              rate: 0.5
              hidden: [4, 2]
              stopping:
                mode: max
            """;

    private static ConfigException bindError(String yaml) {
        ConfigDocument document = ConfigDocument.parse(yaml, "p.yaml");
        ConfigPath path = ConfigPath.ROOT.child("strategy");
        var params = ((com.fasterxml.jackson.databind.node.ObjectNode) document.at(path)).deepCopy();
        params.remove("type");
        return assertThrows(ConfigException.class,
                () -> new ParamsBinder(Path.of("/base")).bind(params, Params.class, path, document));
    }

    @Test
    void wrongValueTypeNamesLineFieldAndExpectation() {
        ConfigException error = bindError(PIPELINE.replace("epochs: 10", "epochs: ten"));
        assertEquals("p.yaml:4: strategy.epochs: expected integer, got \"ten\"", error.getMessage());
    }

    @Test
    void fractionWhereAnIntegerIsExpectedIsNotTruncated() {
        ConfigException error = bindError(PIPELINE.replace("epochs: 10", "epochs: 2.5"));
        assertEquals("p.yaml:4: strategy.epochs: expected integer, got 2.5", error.getMessage());
    }

    @Test
    void wrongItemInAListNamesItsIndex() {
        ConfigException error = bindError(PIPELINE.replace("hidden: [4, 2]", "hidden: [4, many]"));
        assertEquals("p.yaml:6: strategy.hidden[1]: expected integer, got \"many\"", error.getMessage());
    }

    @Test
    void unknownParameterListsTheKnownOnes() {
        ConfigException error = bindError(PIPELINE.replace("rate: 0.5", "rat: 0.5"));
        assertEquals("p.yaml:5: strategy.rat: unknown parameter; known: epochs, file, hidden, rate, stopping", error.getMessage());
    }

    @Test
    void invalidNestedValueIsReportedAtItsOwnPath() {
        ConfigException error = bindError(PIPELINE.replace("mode: max", "mode: most"));
        assertEquals("p.yaml:8: strategy.stopping.mode: expected max or min, got \"most\"", error.getMessage());
    }

    @Test
    void mappingWhereANumberIsExpected() {
        ConfigException error = bindError(PIPELINE.replace("rate: 0.5", "rate: {a: 1}"));
        assertEquals("p.yaml:5: strategy.rate: expected number, got a mapping", error.getMessage());
    }

    @Test
    void relativePathsResolveAgainstTheConfigFolder() {
        ConfigDocument document = ConfigDocument.parse("file: data/x.csv\n", "p.yaml");
        Params params = new ParamsBinder(Path.of("/base")).bind(document.root(), Params.class, ConfigPath.ROOT, document);
        assertEquals(Path.of("/base/data/x.csv"), params.file());
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> ConfigDocument.parse("name: demo\nmodel: {type: mlp\nstrategy: x\n", "broken.yaml"));
        assertEquals(true, error.getMessage().startsWith("broken.yaml:3: YAML syntax error"), error.getMessage());
    }

    @Test
    void duplicateKeyIsAnError() {
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigDocument.parse("a: 1\nb: 2\na: 3\n", "d.yaml"));
        assertEquals("d.yaml:3: a: duplicate key", error.getMessage());
    }

    @Test
    void emptyFileAndNonMappingAreRejected() {
        assertEquals("e.yaml: the pipeline file is empty",
                assertThrows(InvalidInputException.class, () -> ConfigDocument.parse("", "e.yaml")).getMessage());
        assertEquals("l.yaml:1: a pipeline must be a YAML mapping (name: ..., data: ..., model: ...)",
                assertThrows(InvalidInputException.class, () -> ConfigDocument.parse("- a\n- b\n", "l.yaml")).getMessage());
    }
}
