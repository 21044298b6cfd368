package dev.fulcrum.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Finite;
import dev.fulcrum.api.params.NotBlank;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.params.Range;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigException;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;
import dev.fulcrum.runtime.config.ParamsConstraints;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The host checks the constraints on params components after binding and locates each fault by file, line and path. */
class ParamsConstraintsTest {

    record Stopping(@Doc("p") @AtLeast(1) Integer patience, @Doc("d") @AtLeast(0) Double minDelta) {
        Stopping {
            patience = patience == null ? 5 : patience;
        }
    }

    record Gate(@Doc("m") String metric, @Doc("min") @Range("[0, 1]") Double min) {
    }

    record Params(@Doc("e") @AtLeast(1) Integer epochs,
                  @Doc("r") @Positive Double rate,
                  @Doc("s") @Range("(0, 1)") Double share,
                  @Doc("f") @Finite Double fill,
                  @Doc("x") @NotBlank String prefix,
                  @Doc("h") List<@AtLeast(1) Integer> hidden,
                  @Doc("w") Map<String, @Positive Double> weights,
                  @Doc("n") Stopping stopping,
                  @Doc("g") List<Gate> gates) {
        Params {
            epochs = epochs == null ? 10 : epochs;
            stopping = stopping == null ? new Stopping(null, null) : stopping;
        }
    }

    private static final String PIPELINE = """
            name: demo
            strategy:
              epochs: 10
              rate: 0.5
              share: 0.2
              hidden:
                - 4
                - 2
              weights: {a: 1.0, b: 2.0}
              stopping:
                patience: 3
              gates:
                - {metric: x, min: 0.8}
                - {metric: y, min: 0.5}
            """;

    private static <P> P bind(Class<P> type, String yaml) {
        ConfigDocument document = ConfigDocument.parse(yaml, "p.yaml");
        ConfigPath path = ConfigPath.ROOT.child("strategy");
        ObjectNode params = ((ObjectNode) document.at(path)).deepCopy();
        return new ParamsBinder(Path.of("/base")).bind(params, type, path, document);
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> bind(Params.class, yaml)).getMessage();
    }

    @Test
    void valuesWithinTheirConstraintsBind() {
        Params params = bind(Params.class, PIPELINE);
        assertEquals(List.of(4, 2), params.hidden());
        assertEquals(3, params.stopping().patience());
    }

    @Test
    void aValueBelowItsLeastIsReportedAtItsLine() {
        assertEquals("p.yaml:3: strategy.epochs: must be at least 1, got 0", error(PIPELINE.replace("epochs: 10", "epochs: 0")));
    }

    @Test
    void eachNumericConstraintHasItsMessage() {
        assertEquals("p.yaml:4: strategy.rate: must be positive, got 0.0", error(PIPELINE.replace("rate: 0.5", "rate: 0.0")));
        assertEquals("p.yaml:5: strategy.share: must be in (0, 1), got 1.0", error(PIPELINE.replace("share: 0.2", "share: 1.0")));
        assertEquals("p.yaml:12: strategy.stopping.min-delta: must be at least 0, got -0.5",
                error(PIPELINE.replace("patience: 3", "patience: 3\n    min-delta: -0.5")));
    }

    @Test
    void numericConstraintsRejectInfinitiesAndNaN() {
        assertEquals("p.yaml:4: strategy.rate: must be a finite number, got 1e999", error(PIPELINE.replace("rate: 0.5", "rate: 1e999")));
        assertEquals("p.yaml:3: strategy.fill: must be a finite number, got -1e999",
                error(PIPELINE.replace("epochs: 10", "fill: -1e999")));
    }

    @Test
    void aBlankStringIsEmpty() {
        assertEquals("p.yaml:3: strategy.prefix: must not be empty", error(PIPELINE.replace("epochs: 10", "prefix: \" \"")));
    }

    @Test
    void aNestedRecordsValueIsReportedAtItsOwnPath() {
        assertEquals("p.yaml:11: strategy.stopping.patience: must be at least 1, got 0",
                error(PIPELINE.replace("patience: 3", "patience: 0")));
    }

    @Test
    void aListElementIsReportedAtItsIndexAndLine() {
        assertEquals("p.yaml:8: strategy.hidden[1]: must be at least 1, got 0", error(PIPELINE.replace("- 2", "- 0")));
        assertEquals("p.yaml:8: strategy.hidden[1]: must be at least 1, got null", error(PIPELINE.replace("- 2", "- null")));
    }

    @Test
    void aRecordInAListIsReportedAtItsIndex() {
        assertEquals("p.yaml:14: strategy.gates[1].min: must be in [0, 1], got 1.5", error(PIPELINE.replace("min: 0.5", "min: 1.5")));
    }

    @Test
    void aMapValueIsReportedAtItsKey() {
        assertEquals("p.yaml:9: strategy.weights.b: must be positive, got -2.0", error(PIPELINE.replace("b: 2.0", "b: -2.0")));
    }

    @Test
    void componentsLeftOutPass() {
        Params params = bind(Params.class, "strategy: {}\n");
        assertEquals(null, params.rate());
        assertEquals(10, params.epochs());
    }

    record BadDefault(@Doc("e") @AtLeast(1) Integer epochs) {
        BadDefault {
            epochs = epochs == null ? 0 : epochs;
        }
    }

    @Test
    void defaultsFilledInByTheConstructorAreCheckedToo() {
        assertEquals("p.yaml:1: strategy.epochs: must be at least 1, got 0",
                assertThrows(ConfigException.class, () -> bind(BadDefault.class, "strategy: {}\n")).getMessage());
    }

    record CrossChecked(@Doc("lo") @Range("(0, 1]") Double low, @Doc("hi") Double high) {
        CrossChecked {
            if (low != null && high != null && high < low) {
                throw new InvalidParamsException("high", "must be at least low (" + low + "), got " + high);
            }
        }
    }

    @Test
    void constructorChecksStillReportTheirOwnField() {
        assertEquals("p.yaml:1: strategy.high: must be at least low (0.5), got 0.2",
                assertThrows(ConfigException.class, () -> bind(CrossChecked.class, "strategy: {low: 0.5, high: 0.2}\n")).getMessage());
    }

    record Misplaced(@Doc("n") @AtLeast(1) String name, @Doc("r") @Range("0..1") Double rate,
                     @Doc("l") @Positive List<Integer> sizes, @Doc("g") List<Wrong> gates, @Doc("ok") @Finite Double fine) {
    }

    record Wrong(@Doc("m") @NotBlank Integer metric, @Doc("w") Map<String, @Finite Integer> weights) {
    }

    @Test
    void constraintsOnTypesTheyCannotCheckAreListed() {
        assertEquals(List.of(
                        "name: @AtLeast checks numbers, not String",
                        "rate: @Range(\"0..1\") is not an interval such as \"(0, 1]\"",
                        "sizes: @Positive checks numbers, not List",
                        "gates[].metric: @NotBlank checks strings, not Integer",
                        "gates[].weights.*: @Finite checks floating-point numbers, not Integer"),
                ParamsConstraints.misplaced(Misplaced.class));
        assertEquals(List.of(), ParamsConstraints.misplaced(Params.class));
    }

    record BadRange(@Doc("r") @Range("[1, 0]") Double rate) {
    }

    @Test
    void bindingARecordWithAMisplacedConstraintIsAPluginBug() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> bind(Misplaced.class, "strategy: {name: x}\n"));
        assertEquals("strategy.name: @AtLeast checks numbers, not String", error.getMessage());
        IllegalStateException range = assertThrows(IllegalStateException.class, () -> bind(BadRange.class, "strategy: {rate: 0.5}\n"));
        assertEquals("strategy.rate: @Range(\"[1, 0]\") has no finite ends with the lower one first", range.getMessage());
    }

    @Test
    void describeShowsEachConstraint() {
        assertEquals(">= 1", describe("epochs"));
        assertEquals("> 0", describe("rate"));
        assertEquals("in (0, 1)", describe("share"));
        assertEquals("finite", describe("fill"));
        assertEquals("not empty", describe("prefix"));
        assertEquals("each >= 1", describe("hidden"));
        assertEquals("each > 0", describe("weights"));
        assertEquals("", describe("stopping"));
    }

    private static String describe(String component) {
        return ParamsConstraints.describe(Arrays.stream(Params.class.getRecordComponents())
                .filter(c -> c.getName().equals(component)).findFirst().orElseThrow().getAnnotatedType());
    }

    @Test
    void aSplitFractionAboveOneIsNamedRatherThanTheSumItSpoils() {
        assertEquals("p.yaml:2: strategy.validation: must be in [0, 1], got 1.5",
                assertThrows(ConfigException.class, () -> bind(SplitConfig.class, "strategy:\n  validation: 1.5\n")).getMessage());
        assertEquals("p.yaml:1: strategy.test: validation + test must leave rows for training, got 0.5 + 0.5",
                assertThrows(ConfigException.class, () -> bind(SplitConfig.class, "strategy: {validation: 0.5, test: 0.5}\n")).getMessage());
    }
}
