package dev.fulcrum.core.cli;

import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.representation.InspectRequest;
import dev.fulcrum.core.representation.Inspection;
import dev.fulcrum.core.representation.RepresentationsJson;
import dev.fulcrum.core.representation.RunInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** {@code fulcrum inspect RUN}: what each trunk layer knows and how far specific training moved it. */
@Command(name = "inspect", header = "Measures each trunk layer of a saved run: probes, LogME, LEEP, drift from theta_0 (CKA).",
        description = {"Prepares the run's rows again and, per trunk layer, on at most --rows of each task's labelled training "
                + "and validation rows: a linear probe's accuracy per task (trained on training rows, scored on validation "
                + "rows), LogME for the specific task, and LEEP of the general head for the specific labels, for the final "
                + "model and for theta_0 (theta0.zip) where the run kept it; drift = 1 - linear CKA (debiased) between "
                + "theta_0's and the final model's layer on validation rows; with --against, the layer-by-layer CKA of two "
                + "runs trained on the same rows. Writes " + RepresentationsJson.FILE + " into the run folder, rewrites its "
                + "report.html and prints a table. Bad input (a run without theta0.zip for drift, runs on other rows, a layer "
                + "that is not in the trunk, a bad --data) exits 2."})
final class InspectCommand extends HostCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run folder to inspect.")
    Path run;

    @Option(names = "--against", paramLabel = "RUN2", description = "A second run trained on the same rows: the CKA of every layer of RUN with every layer of RUN2.")
    Path against;

    @Option(names = "--data", paramLabel = "TASKS", defaultValue = "both",
            description = "general, specific or both (default: ${DEFAULT-VALUE}, each of the two the run has): whose rows are measured.")
    String data;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "5000",
            description = "At most N rows per task and partition, a sample seeded by the run's seed (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--layers", paramLabel = "LAYER", split = ",", description = "Only these trunk layers (comma-separated; default: all).")
    List<String> layers;

    @Option(names = "--no-drift", description = "Skip drift, for runs without theta0.zip.")
    boolean noDrift;

    @Option(names = "--export", paramLabel = "DIR", description = "Also write each layer's activations on the rows used as .npy files, with the rows' numbers and labels.")
    Path export;

    @Override
    public Integer call() {
        try (FulcrumHost host = startHost()) {
            Inspection inspection = RunInspection.inspect(host, new InspectRequest(run, against, data, rows,
                    layers == null ? List.of() : layers, !noDrift, export), ConsoleProgress.to(out()), launchCommand());
            InspectionTable.print(inspection, out());
            return ExitCodes.OK;
        }
    }
}
