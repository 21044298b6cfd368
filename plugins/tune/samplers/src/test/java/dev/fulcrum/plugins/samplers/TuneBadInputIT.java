package dev.fulcrum.plugins.samplers;

import dev.fulcrum.testkit.CliResult;
import dev.fulcrum.testkit.SharedHostTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every fault of a study is found before trial 0, against the pipeline and the plugins' params:
 * exit 2, the file, line and path of the value at fault, and no study folder.
 */
class TuneBadInputIT extends SharedHostTest {

    private static final String PIPELINE = """
            name: bad
            data:
              specific: {type: synthetic, rows: 200}
            model: {type: mlp, hidden: [8]}
            strategy: {type: supervised, epochs: 1}
            tune:
              objectives:
                - {metric: validation.specific.accuracy, direction: max}
              parameters:
            """;

    private String refused(String parameters, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--set";
        all[1] = "tune.name=bad-" + System.nanoTime();
        System.arraycopy(args, 0, all, 2, args.length);
        CliResult result = host().tune(PIPELINE + parameters, all).assertExit(2);
        assertFalse(Files.exists(host().runsFolder().resolve(all[1].substring("tune.name=".length()))), "no study folder is made");
        assertEquals("", result.out(), result.all());
        return withoutFolder(result.err().strip());
    }

    /** The message with the pipeline file named by its bare name, as the test wrote it: pipeline.yaml. */
    private static String withoutFolder(String message) {
        return message.replaceAll("\\S*/pipeline-\\d+\\.yaml", "pipeline.yaml");
    }

    @Test
    void anUnknownPathIsNamedWithTheParamsItCouldBe() {
        String error = refused("    strategy.learnin-rate: {float: [0.001, 0.1]}\n");
        assertEquals("error: pipeline.yaml:10: tune.parameters.strategy.learnin-rate.float[0]: strategy.learnin-rate: "
                + "unknown parameter; known: average, batch-size, early-stopping, epochs, learning-rate, tasks", error);
    }

    @Test
    void anUnknownSectionOfThePipelineIsNamed() {
        String error = refused("    stratgy.epochs: {int: [1, 3]}\n");
        assertEquals("error: pipeline.yaml:10: tune.parameters.stratgy.epochs.int[0]: stratgy: unknown key; a pipeline has adapt, "
                + "audit, augment, budget, checkpoint, data, description, ensemble, features, feedback, mitigate, model, name, report, seed, split, strategy, tune", error);
    }

    @Test
    void eachEndOfARangeIsTriedAgainstTheParams() {
        assertEquals("error: pipeline.yaml:10: tune.parameters.strategy.epochs.int[0]: strategy.epochs: must be at least 1, got 0",
                refused("    strategy.epochs: {int: [0, 3]}\n"));
        assertEquals("error: pipeline.yaml:10: tune.parameters.model.dropout.float[1]: model.dropout: must be in [0, 1), got 1.0",
                refused("    model.dropout: {float: [0.0, 1.0]}\n"));
    }

    @Test
    void eachChoiceIsTriedAgainstTheParams() {
        assertEquals("error: pipeline.yaml:10: tune.parameters.model.hidden.choice[1]: model.hidden: expected a list, got 16",
                refused("    model.hidden: {choice: [[8], 16]}\n"));
        assertEquals("error: pipeline.yaml:10: tune.parameters.model.hidden.choice[0]: model.hidden[0]: must be at least 1, got 0",
                refused("    model.hidden: {choice: [[0], [8]]}\n"));
    }

    @Test
    void aConditionalParameterIsTriedWithItsCondition() {
        assertEquals("error: pipeline.yaml:11: tune.parameters.strategy.early-stopping.patience.int[0]: "
                        + "strategy.early-stopping.patience: must be at least 1, got 0",
                refused("    model.hidden: {choice: [[8], [16]]}\n"
                        + "    strategy.early-stopping.patience: {int: [0, 3], when: {model.hidden: [[16]]}}\n"));
    }

    @Test
    void anUnknownSamplerOrPrunerListsTheKnownOnes() {
        assertEquals("error: pipeline.yaml:11: tune.sampler.type: unknown sampler \"bayes\"; known: grid, nsga2, random, sobol, tpe",
                refused("    strategy.epochs: {int: [1, 3]}\n  sampler: {type: bayes}\n"));
        assertEquals("error: pipeline.yaml:11: tune.pruner.type: unknown pruner \"hyperband\"; known: asha, median, none",
                refused("    strategy.epochs: {int: [1, 3]}\n  pruner: {type: hyperband}\n"));
    }

    @Test
    void aBadSelectRuleIsLocated() {
        assertEquals("error: pipeline.yaml:11: tune.select: give max or min, not both",
                refused("    strategy.epochs: {int: [1, 3]}\n  select: {max: specific.accuracy, min: specific.loss}\n"));
    }

    @Test
    void aTestObjectiveIsRefused() {
        String onTest = PIPELINE.replace("validation.specific.accuracy", "test.specific.accuracy") + "    strategy.epochs: {int: [1, 3]}\n";
        CliResult result = host().tune(onTest).assertExit(2);
        assertEquals("error: pipeline.yaml:8: tune.objectives[0].metric: an objective on the test split tunes to the test rows, "
                + "which then no longer measure the result; use validation.specific.accuracy, or say tune.allow-test: true",
                withoutFolder(result.err().strip()));
    }

    @Test
    void validateChecksTheTuneSectionAsTuneDoes() {
        String study = PIPELINE + "    strategy.epochs: {int: [1, 3]}\n";
        host().cli("validate", host().writeFile("pipelines/good.yaml", study).toString()).assertExit(0)
                .assertOutContains("  tune: study bad, 1 parameters, 1 objectives, sampler tpe, pruner none, 20 trials");
        CliResult bad = host().cli("validate", host().writeFile("pipelines/bad.yaml", study.replace("[1, 3]", "[0, 3]")).toString())
                .assertExit(2);
        assertEquals("error: pipeline.yaml:10: tune.parameters.strategy.epochs.int[0]: strategy.epochs: must be at least 1, got 0",
                bad.err().strip().replace(host().root().resolve("pipelines/bad.yaml").toString(), "pipeline.yaml"));
    }
}
