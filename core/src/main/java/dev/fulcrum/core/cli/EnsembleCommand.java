package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.RunEnsemble;
import dev.fulcrum.core.pipeline.RunOutcome;
import dev.fulcrum.core.train.ModelSoup;
import dev.fulcrum.math.ensemble.CombineRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code fulcrum ensemble RUN... --out DIR}: an output ensemble of saved runs, as a new run folder. */
@Command(name = "ensemble", description = {"Combine the models of saved runs of the same data, split and tasks into a new run "
        + "folder (members/K/model.zip, summary.json with an ensemble section, provenance.json, report.html), evaluated "
        + "on the rows the runs shared; or average the weights of runs that share theta_0 into one model (a soup). The "
        + "runs are refused (exit 2) where their data, split, features or adapters differ, their tasks or classes differ, "
        + "or only one is given; for a soup also where their theta_0 or their graphs differ."})
final class EnsembleCommand extends HostCommand {

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run folders to combine, two or more.")
    List<Path> runs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new run folder (must not exist, or be empty).")
    Path out;

    @Option(names = "--combine", paramLabel = "RULE", defaultValue = "soft",
            description = "soft (the mean probability, default), hard (majority vote), or a soup of runs that share theta_0: "
                    + "uniform-soup (the mean of every run's weights) or greedy-soup (runs added best first while the mean "
                    + "of specific and general validation accuracy does not drop); a soup's model.zip is one model.")
    String combine;

    private static final String SOUP = "-soup";

    @Override
    public Integer call() {
        if (combine.endsWith(SOUP)) {
            String recipe = combine.substring(0, combine.length() - SOUP.length());
            if (!recipe.equals(ModelSoup.UNIFORM) && !recipe.equals(ModelSoup.GREEDY)) {
                throw new InvalidInputException("--combine: unknown soup \"" + combine + "\"; expected uniform-soup or greedy-soup");
            }
            try (FulcrumHost host = startHost()) {
                RunOutcome outcome = RunEnsemble.soup(host, runs, out, recipe, ConsoleProgress.to(out()), launchCommand());
                out().println(String.format(Locale.ROOT, "%s of %d runs written: %s", combine, runs.size(), outcome.folder()));
                return outcome.status().exitCode();
            }
        }
        CombineRule rule;
        try {
            rule = CombineRule.named(combine);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--combine: expected soft, hard, uniform-soup or greedy-soup, got \"" + combine + "\"");
        }
        if (rule.learns()) {
            throw new InvalidInputException("--combine: " + rule.label() + " is fitted on validation rows; fulcrum ensemble "
                    + "combines by soft or hard, a pipeline's ensemble: section by any rule");
        }
        try (FulcrumHost host = startHost()) {
            RunOutcome outcome = RunEnsemble.combine(host, runs, out, rule, ConsoleProgress.to(out()), launchCommand());
            out().println(String.format(Locale.ROOT, "ensemble of %d runs written: %s", runs.size(), outcome.folder()));
            return outcome.status().exitCode();
        }
    }
}
