package dev.fulcrum.core.tune;

import dev.fulcrum.core.config.BudgetConfig;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.tune.ChoiceParameter;
import dev.fulcrum.api.tune.Direction;
import dev.fulcrum.api.tune.FloatParameter;
import dev.fulcrum.api.tune.IntParameter;
import dev.fulcrum.api.tune.Objective;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The tune: section is read with the file, line and path of every fault, as the rest of a pipeline is. */
class TuneConfigReaderTest {

    private static final String PIPELINE = """
            name: demo
            data:
              specific: {type: synthetic}
            model: {type: mlp}
            strategy: {type: supervised}
            tune:
              objectives:
                - {metric: validation.specific.accuracy, direction: max}
              parameters:
                strategy.learning-rate: {float: [1e-4, 1e-2], log: true}
            """;

    private static TuneConfig read(String yaml) {
        return TuneConfigReader.read(PipelineConfigReader.parse(yaml, "p.yaml", "p", Path.of("/base")));
    }

    private static String error(String yaml) {
        return assertThrows(InvalidInputException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void tuneSeedSetsTheSamplersSeedAndLeavesThePipelinesAlone() {
        PipelineConfig pipeline = PipelineConfigReader.parse("seed: 4\n" + PIPELINE + "  seed: 11\n", "p.yaml", "p", Path.of("/base"));
        assertEquals(11, TuneConfigReader.read(pipeline).seed());
        assertEquals(4, pipeline.seed());
        assertEquals(4, read("seed: 4\n" + PIPELINE).seed());
    }

    @Test
    void aMinimalSectionGetsTheDocumentedDefaults() {
        TuneConfig tune = read(PIPELINE);
        assertEquals("demo", tune.name());
        assertEquals(List.of(new Objective("validation.specific.accuracy", Direction.MAXIMIZE)), tune.objectives());
        assertEquals(List.of(new FloatParameter("strategy.learning-rate", 1e-4, 1e-2, true, null, Map.of())),
                tune.space().parameters());
        assertEquals("tpe", tune.sampler().type());
        assertEquals("none", tune.pruner().type());
        assertEquals(0, tune.seed(), "without tune.seed the sampler takes the pipeline's seed");
        assertEquals(20, tune.trials());
        assertNull(tune.timeout());
        assertEquals(1, tune.parallel());
        assertEquals(5, tune.maxFailed());
        assertEquals(KeepModels.FRONT, tune.keepModels());
        assertNull(tune.storage());
    }

    @Test
    void everyKindOfParameterConditionsAndBudgetAreRead() {
        TuneConfig tune = read(PIPELINE.replace("    strategy.learning-rate: {float: [1e-4, 1e-2], log: true}\n", """
                    strategy.type: {choice: [multi-task, layer-wise, supervised]}
                    model.hidden: {choice: [[64, 32], [16]]}
                    strategy.epochs: {int: [1, 9], step: 2, when: {strategy.type: [multi-task, layer-wise]}}
                    strategy.specific-share: {float: [0.05, 0.5], when: {strategy.type: multi-task}}
                    model.dropout: {fixed: 0.1, when: {model.hidden: [[16]]}}
                  sampler: {type: random}
                  pruner: {type: median}
                  trials: 7
                  timeout: 30m
                  parallel: 2
                  max-failed: 3
                  keep-models: all
                  name: search
                  budget: {samples: 50000, seconds: 600}
                """));
        assertEquals("search", tune.name());
        assertEquals(new BudgetConfig(600.0, 50000L, null), tune.budget());
        assertEquals(new ChoiceParameter("model.hidden", List.of(List.of(64L, 32L), List.of(16L)), Map.of()),
                tune.space().parameters().get(1));
        assertEquals(new IntParameter("strategy.epochs", 1, 9, false, 2, Map.of("strategy.type", List.of("multi-task", "layer-wise"))),
                tune.space().parameters().get(2));
        assertEquals(Map.of("strategy.type", List.of("multi-task")), tune.space().parameters().get(3).when());
        assertEquals(Map.of("model.hidden", List.of(List.of(16L))), tune.space().parameters().get(4).when());
        assertEquals("median", tune.pruner().type());
        assertEquals(Duration.ofMinutes(30), tune.timeout());
        assertEquals(List.of(7, 2, 3), List.of(tune.trials(), tune.parallel(), tune.maxFailed()));
        assertEquals(KeepModels.ALL, tune.keepModels());
        assertNull(tune.select());
    }

    @Test
    void theSelectRuleIsRead() {
        TuneConfig tune = read(PIPELINE + "  select: {max: specific.accuracy, subject-to: \"specific.loss <= 2\"}\n");
        assertEquals("{\"max\":\"validation.specific.accuracy\",\"subject-to\":[\"validation.specific.loss <= 2.0\"]}",
                tune.select().toJson().toString());
    }

    @Test
    void aTestObjectiveIsRefusedUnlessAllowed() {
        String onTest = PIPELINE.replace("metric: validation.specific.accuracy", "metric: test.specific.accuracy");
        assertEquals("p.yaml:8: tune.objectives[0].metric: an objective on the test split tunes to the test rows, which then "
                + "no longer measure the result; use validation.specific.accuracy, or say tune.allow-test: true", error(onTest));
        assertEquals("test.specific.accuracy", read(onTest + "  allow-test: true\n").objectives().get(0).metric());
    }

    @Test
    void objectiveMistakesAreLocated() {
        assertEquals("p.yaml:8: tune.objectives[0].metric: expected <split>.<task>.<metric> of summary.json's metrics, "
                + "e.g. validation.specific.accuracy, got \"specific.accuracy\"", error(PIPELINE.replace("validation.specific", "specific")));
        assertEquals("p.yaml:8: tune.objectives[0].direction: got \"up\": expected max or min", error(PIPELINE.replace("max}", "up}")));
        assertEquals("p.yaml:6: tune.objectives: missing: name at least one, e.g. [{metric: validation.specific.accuracy, direction: max}]",
                error(PIPELINE.replace("  objectives:\n    - {metric: validation.specific.accuracy, direction: max}\n", "")));
    }

    @Test
    void emptyAndInvertedRangesAreRefused() {
        assertEquals("p.yaml:10: tune.parameters.strategy.learning-rate.float: an empty range: low 0.01 is above high 1.0E-4",
                error(PIPELINE.replace("[1e-4, 1e-2]", "[1e-2, 1e-4]")));
        assertEquals("p.yaml:10: tune.parameters.strategy.learning-rate.float: an empty range: low 0.01 equals high 0.01; "
                + "use {fixed: 0.01} for one value", error(PIPELINE.replace("[1e-4, 1e-2]", "[0.01, 0.01]")));
        assertEquals("p.yaml:10: tune.parameters.strategy.learning-rate.float: expected [low, high], got 1 value",
                error(PIPELINE.replace("[1e-4, 1e-2]", "[0.01]")));
        assertEquals("p.yaml:10: tune.parameters.strategy.learning-rate.log: a log range needs low > 0, got 0.000",
                error(PIPELINE.replace("[1e-4, 1e-2]", "[0.0, 1e-2]")));
        assertEquals("p.yaml:10: tune.parameters.strategy.learning-rate.choice: an empty choice; list the values to try",
                error(PIPELINE.replace("{float: [1e-4, 1e-2], log: true}", "{choice: []}")));
        assertEquals("p.yaml:10: tune.parameters.strategy.learning-rate.int[1]: expected an integer, got 2.5",
                error(PIPELINE.replace("{float: [1e-4, 1e-2], log: true}", "{int: [1, 2.5]}")));
    }

    @Test
    void aParameterGivesExactlyOneKindOfValues() {
        assertEquals("p.yaml:10: tune.parameters.strategy.learning-rate: both float and choice: give one of float, int, choice "
                + "and fixed, e.g. {float: [0.001, 0.1], log: true}",
                error(PIPELINE.replace("log: true}", "log: true, choice: [0.1]}")));
        assertEquals("p.yaml:10: tune.parameters.strategy.learning-rate.flot: unknown parameter; known: choice, fixed, float, int, log, step, when",
                error(PIPELINE.replace("{float:", "{flot:")));
    }

    @Test
    void aConditionNamesAnEarlierParameterAndOneOfItsValues() {
        String conditional = PIPELINE + "    strategy.epochs: {int: [1, 3], when: {strategy.type: supervised}}\n";
        assertEquals("p.yaml:11: tune.parameters.strategy.epochs.when.strategy.type: strategy.type is not a parameter of the study; "
                + "parameters: strategy.learning-rate, strategy.epochs", error(conditional));
        assertEquals("p.yaml:11: tune.parameters.strategy.epochs.when.strategy.type: strategy.type is declared after this "
                + "parameter; a condition names an earlier one",
                error(conditional + "    strategy.type: {choice: [supervised]}\n"));
        assertEquals("p.yaml:11: tune.parameters.model.hidden.when.strategy.learning-rate: strategy.learning-rate never takes 5.000",
                error(PIPELINE + "    model.hidden: {choice: [[4]], when: {strategy.learning-rate: 5.0}}\n"));
        assertEquals("p.yaml:12: tune.parameters.model.dropout.when.model.hidden: model.hidden never takes 64; a list here lists "
                + "values, so name a list value as [[...]]", error(PIPELINE + "    model.hidden: {choice: [[64, 32], [16]]}\n"
                + "    model.dropout: {fixed: 0.1, when: {model.hidden: [64, 32]}}\n"));
    }

    @Test
    void budgetMistakesAreLocated() {
        assertEquals("p.yaml:11: tune.trials: must be at least 1, got 0", error(PIPELINE + "  trials: 0\n"));
        assertEquals("p.yaml:11: tune.timeout: expected a duration such as 45s, 30m or 2h, got \"soon\"", error(PIPELINE + "  timeout: soon\n"));
        assertEquals("p.yaml:11: tune.keep-models: expected front or all, got \"best\"", error(PIPELINE + "  keep-models: best\n"));
        assertEquals("p.yaml:11: tune.sampler.type: missing: every sampler names its type", error(PIPELINE + "  sampler: {seed: 3}\n"));
        assertEquals("p.yaml:11: tune.trails: unknown parameter; known: allow-test, budget, keep-models, max-failed, name, objectives, "
                + "parallel, parameters, pruner, sampler, seed, select, storage, timeout, trials", error(PIPELINE + "  trails: 3\n"));
        assertEquals("p.yaml:11: tune.budget.samples: must be at least 1, got 0", error(PIPELINE + "  budget: {samples: 0}\n"));
        assertEquals("p.yaml:11: tune.budget.seconds: a budget gives seconds, samples or flops (any of them); this one gives none",
                error(PIPELINE + "  budget: {}\n"));
        assertEquals("p.yaml:11: tune.budget.epochs: unknown parameter; known: flops, samples, seconds",
                error(PIPELINE + "  budget: {samples: 100, epochs: 3}\n"));
    }

    @Test
    void aStorageUrlNamesAPostgresqlDatabaseWithoutCredentialsOrAStudy() {
        assertNull(read(PIPELINE).storage(), "by default the study is study.db in its folder");
        assertEquals(new PostgresUrl("db.lab", 5432, "studies", null), read(PIPELINE + "  storage: postgresql://db.lab/studies\n").storage());
        assertEquals("p.yaml:11: tune.storage: expected postgresql://host[:port]/database, got \"sqlite:study.db\"",
                error(PIPELINE + "  storage: sqlite:study.db\n"));
        assertEquals("p.yaml:11: tune.storage: a user or password does not go in the URL (it would be written to the "
                + "pipeline, the study's files and provenance): set PGUSER and PGPASSWORD, or PGPASSFILE, instead",
                error(PIPELINE + "  storage: postgresql://me:secret@db.lab/studies\n"));
        assertEquals("p.yaml:11: tune.storage: names the database only; the study in it is tune.name (or the pipeline's "
                + "name), got \"?study=other\"", error(PIPELINE + "  storage: postgresql://db.lab/studies?study=other\n"));
    }

    @Test
    void tuneNeedsTheSection() {
        assertEquals("p.yaml:1: no tune section: fulcrum tune needs tune.objectives and tune.parameters",
                error(PIPELINE.substring(0, PIPELINE.indexOf("tune:"))));
    }

    @Test
    void parallelIsACountOfProcessesOrAnEngineWithItsSettings() {
        TuneConfig spark = read(PIPELINE + "  parallel: {type: spark, master: \"local[2]\", cores: 2}\n");
        assertEquals(1, spark.parallel());
        assertEquals("spark", spark.cluster().type());
        assertEquals("local[2]", spark.cluster().setting("master").asText());
        assertEquals(2, spark.cluster().setting("cores").asInt());
        assertEquals("p.yaml:11: tune.parallel.master: no", spark.cluster().error("master", "no").getMessage());
        assertNull(read(PIPELINE + "  parallel: 3\n").cluster());
        assertEquals("p.yaml:11: tune.parallel: expected a count of worker processes, at least 1, or {type: spark, master: ...}; "
                + "got 0", error(PIPELINE + "  parallel: 0\n"));
        assertEquals("p.yaml:11: tune.parallel.type: missing: name the engine that runs the trials, e.g. {type: spark, "
                + "master: \"local[2]\"}", error(PIPELINE + "  parallel: {master: \"local[2]\"}\n"));
    }
}
