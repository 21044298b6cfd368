package dev.fulcrum.core.tune;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.TrialRecord;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.fulcrum.core.tune.MadeUpTrials.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SelectRuleTest {

    private static final ConfigPath SELECT = ConfigPath.parse("tune.select");
    private static final Function<TrialRecord, Map<String, Double>> NO_SUMMARIES = trial -> {
        throw new AssertionError("read trial " + trial.number() + "'s summary though the objectives hold every metric of the rule");
    };

    private static SelectRule rule(String select) {
        return SelectRule.read(ConfigDocument.parse("name: p\ntune:\n  select: " + select + "\n", "p.yaml"), SELECT);
    }

    private static String error(String select) {
        return assertThrows(InvalidInputException.class, () -> rule(select)).getMessage();
    }

    @Test
    void aMetricWithoutASplitIsAValidationMetric() {
        SelectRule rule = rule("{max: specific.accuracy, subject-to: \"general.accuracy >= 0.85\"}");
        assertEquals("validation.specific.accuracy", rule.metric());
        assertEquals(Direction.MAXIMIZE, rule.direction());
        assertEquals(List.of(new SelectRule.Constraint("validation.general.accuracy", SelectRule.Comparison.AT_LEAST, 0.85)),
                rule.constraints());
        assertEquals("max validation.specific.accuracy subject to validation.general.accuracy >= 0.85", rule.toString());
    }

    @Test
    void constraintsMayBeJoinedByAndOrListed() {
        String text = """
                name: p
                tune:
                  select:
                    min: validation.specific.loss
                    subject-to:
                      - general.accuracy>0.8 and specific.macro_f1 <= .9
                      - general.loss < 1e-1
                """;
        SelectRule rule = SelectRule.read(ConfigDocument.parse(text, "p.yaml"), SELECT);
        assertEquals("min validation.specific.loss subject to validation.general.accuracy > 0.8 and"
                + " validation.specific.macro_f1 <= 0.9 and validation.general.loss < 0.1", rule.toString());
        assertEquals(rule, rule("{min: specific.loss, subject-to: \"general.accuracy > 0.8 and specific.macro_f1 <= 0.9"
                + " and general.loss < 0.1\"}"));
    }

    @Test
    void theStoredRuleReadsBackEqual() {
        SelectRule rule = rule("{max: specific.accuracy, subject-to: [\"general.accuracy >= 0.85\", \"general.loss < 2\"]}");
        assertEquals("{\"max\":\"validation.specific.accuracy\",\"subject-to\":[\"validation.general.accuracy >= 0.85\","
                + "\"validation.general.loss < 2.0\"]}", Json.line(rule.toJson()));
        assertEquals(rule, SelectRule.fromJson(rule.toJson()));
        SelectRule bare = rule("{min: general.loss}");
        assertEquals("{\"min\":\"validation.general.loss\"}", Json.line(bare.toJson()));
        assertEquals(bare, SelectRule.fromJson(bare.toJson()));
    }

    @Test
    void badRulesNameTheFileLinePathAndWhatWasExpected() {
        assertEquals("p.yaml:3: tune.select.maximum: unknown key; select has max, min and subject-to",
                error("{maximum: specific.accuracy}"));
        assertEquals("p.yaml:3: tune.select: give max or min, not both", error("{max: specific.accuracy, min: general.loss}"));
        assertEquals("p.yaml:3: tune.select: missing: give max or min, the metric that picks the trial from the front"
                + " (e.g. max: specific.accuracy)", error("{subject-to: \"general.accuracy >= 0.85\"}"));
        assertEquals("p.yaml:3: tune.select: expected a mapping such as {max: specific.accuracy, subject-to:"
                + " \"general.accuracy >= 0.85\"}, got \"specific.accuracy\"", error("specific.accuracy"));
        assertEquals("p.yaml:3: tune.select.max: expected a metric such as specific.accuracy, got 3", error("{max: 3}"));
        assertEquals("p.yaml:3: tune.select.max: expected a metric such as specific.accuracy (TASK.METRIC, of the"
                + " validation split), got \"accuracy\"", error("{max: accuracy}"));
        assertEquals("p.yaml:3: tune.select.max: select reads validation metrics only (test metrics are reported for the"
                + " selected trial, not used to pick it), got \"test.specific.accuracy\"", error("{max: test.specific.accuracy}"));
    }

    @Test
    void anUnreadableConstraintIsQuotedWithTheFormExpected() {
        String expected = ": expected METRIC OP NUMBER with OP one of >=, <=, >, <, several joined by \"and\""
                + " (e.g. \"general.accuracy >= 0.85 and specific.macro_f1 > 0.5\")";
        assertEquals("p.yaml:3: tune.select.subject-to: cannot read \"general.accuracy => 0.85\"" + expected,
                error("{max: specific.accuracy, subject-to: \"general.accuracy => 0.85\"}"));
        assertEquals("p.yaml:3: tune.select.subject-to: cannot read \"general.accuracy >= high\"" + expected,
                error("{max: specific.accuracy, subject-to: \"specific.loss < 1 and general.accuracy >= high\"}"));
        assertEquals("p.yaml:3: tune.select.subject-to: cannot read \"specific.loss < 1 and\"" + expected,
                error("{max: specific.accuracy, subject-to: \"specific.loss < 1 and\"}"));
        String listed = """
                name: p
                tune:
                  select:
                    max: specific.accuracy
                    subject-to:
                      - general.accuracy >= 0.85
                      - 0.5 < specific.macro_f1
                """;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SelectRule.read(ConfigDocument.parse(listed, "p.yaml"), SELECT));
        assertEquals("p.yaml:7: tune.select.subject-to[1]: cannot read \"0.5 < specific.macro_f1\"" + expected, e.getMessage());
        assertEquals("p.yaml:3: tune.select.subject-to: select reads validation metrics only (test metrics are reported"
                + " for the selected trial, not used to pick it), got \"test.general.accuracy\"",
                error("{max: specific.accuracy, subject-to: \"test.general.accuracy > 0.5\"}"));
        assertEquals("p.yaml:3: tune.select.subject-to: expected a constraint such as \"general.accuracy >= 0.85\","
                + " or a list of them, got a mapping", error("{max: specific.accuracy, subject-to: {general.accuracy: 0.85}}"));
    }

    @Test
    void theBestFrontTrialMeetingEveryConstraintIsSelected() {
        List<TrialRecord> front = List.of(complete(0, 0.80, 0.90), complete(1, 0.90, 0.80), complete(2, 0.95, 0.70),
                complete(3, 0.90, 0.86));
        assertEquals(3, rule("{max: specific.accuracy, subject-to: \"general.accuracy >= 0.85\"}")
                .select(front, NO_SUMMARIES).orElseThrow().number());
        assertEquals(2, rule("{max: specific.accuracy}").select(front, NO_SUMMARIES).orElseThrow().number());
        assertEquals(0, rule("{min: specific.accuracy, subject-to: \"general.accuracy > 0.75\"}")
                .select(front, NO_SUMMARIES).orElseThrow().number());
        assertEquals(1, rule("{max: specific.accuracy, subject-to: \"general.accuracy >= 0.8 and general.accuracy < 0.9\"}")
                .select(front, NO_SUMMARIES).orElseThrow().number(), "a tie goes to the first in the front's order");
        assertEquals(Optional.empty(), rule("{max: specific.accuracy, subject-to: \"general.accuracy >= 0.95\"}")
                .select(front, NO_SUMMARIES));
        assertEquals(Optional.empty(), rule("{max: specific.accuracy}").select(List.of(), NO_SUMMARIES));
    }

    @Test
    void aMetricThatIsNoObjectiveComesFromTheTrialsOtherMetrics() {
        List<TrialRecord> front = List.of(complete(0, 0.80, 0.90), complete(1, 0.90, 0.80), complete(2, 0.95, 0.70));
        Map<Integer, Map<String, Double>> summaries = Map.of(
                0, Map.of("validation.specific.macro_f1", 0.70, "validation.general.loss", 0.4),
                1, Map.of("validation.specific.macro_f1", 0.85, "validation.general.loss", 0.6),
                2, Map.of("validation.specific.macro_f1", 0.90));
        Function<TrialRecord, Map<String, Double>> metrics = trial -> summaries.get(trial.number());
        assertEquals(2, rule("{max: specific.macro_f1}").select(front, metrics).orElseThrow().number());
        assertEquals(1, rule("{max: specific.macro_f1, subject-to: \"general.loss < 1\"}").select(front, metrics)
                .orElseThrow().number(), "a trial without a metric of a constraint does not meet it");
        assertEquals(0, rule("{min: general.loss, subject-to: \"general.accuracy > 0.85\"}").select(front, metrics)
                .orElseThrow().number());
    }
}
