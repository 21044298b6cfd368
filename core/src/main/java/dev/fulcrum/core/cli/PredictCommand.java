package dev.fulcrum.core.cli;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.SavedModel;
import dev.fulcrum.core.threads.BlasCheck;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.runtime.FulcrumModel;
import dev.fulcrum.runtime.PredictionBatch;
import dev.fulcrum.runtime.TaskPredictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

@Command(name = "predict", header = "Predicts with a run's saved model on new rows and writes one CSV line per row.",
        description = {"RUN is a run folder or its model.zip. --data is a CSV file of the model's feature columns (and "
                + "optionally id, domain, a label column per task, the sensitive attributes a decision rule reads), a YAML "
                + "data-source mapping such as {type: synthetic, rows: 3000}, or IDX images (with or without --labels).",
                "The output has id, then per task the decided class (<task>) and a probability per class (<task>.<class>)."})
final class PredictCommand extends HostCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder, or its model.zip.")
    Path run;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The new rows: FILE.csv, a data-source mapping FILE.yaml, or IDX images (optionally with --labels).")
    Path data;

    @Option(names = "--labels", paramLabel = "FILE", description = "The IDX labels of IDX images, if known (accuracy is printed).")
    Path labels;

    @Option(names = "--partition", paramLabel = "NAME",
            description = "With a data-source mapping: only the rows the run's split puts in this partition (train, validation, test).")
    String partition;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "predictions.csv",
            description = "Where to write the predictions (default: ${DEFAULT-VALUE} in the current folder).")
    Path out;

    @Override
    public Integer call() {
        Partition part = partition();
        PrintWriter stdout = out();
        try (FulcrumHost host = startHost()) {
            // as a run: the launcher's thread choice, and a matrix product checked before predictions trust it
            ThreadSettings.apply();
            BlasCheck.run().require();
            FulcrumModel model = SavedModel.load(run, host).model();
            refuseWritingIntoTheRun(model.archive().toAbsolutePath().getParent());
            long started = System.nanoTime();
            PredictInput input = PredictInput.read(model, host, data, labels, part);
            long read = System.nanoTime();
            PredictionBatch predictions = model.predict(input.rows());
            long predicted = System.nanoTime();
            PredictionsCsv.write(out, input.ids(), predictions);
            long written = System.nanoTime();
            double seconds = (predicted - read) / 1e9;
            stdout.println(String.format(Locale.ROOT, "%d rows predicted in %.3f s (%.0f rows/s); read in %.3f s, written in %.3f s to %s",
                    predictions.rows(), seconds, predictions.rows() / seconds, (read - started) / 1e9, (written - predicted) / 1e9, out));
            for (String task : predictions.tasks()) {
                accuracy(task, input.rows(), predictions.task(task), stdout);
            }
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    private Partition partition() {
        if (partition == null) {
            return null;
        }
        return switch (partition) {
            case "train" -> Partition.TRAIN;
            case "validation" -> Partition.VALIDATION;
            case "test" -> Partition.TEST;
            default -> throw new InvalidInputException("--partition " + partition + ": expected train, validation or test");
        };
    }

    /** The run folder is the user's record of the run; predictions go elsewhere. */
    private void refuseWritingIntoTheRun(Path runFolder) {
        Path target = out.toAbsolutePath().normalize();
        if (target.startsWith(runFolder.normalize()) || Files.isDirectory(target)) {
            throw new InvalidInputException("--out " + out + ": " + (Files.isDirectory(target) ? "is a folder; name a file"
                    : "is inside the run folder " + runFolder + ", which predict never writes to; name a file elsewhere"));
        }
    }

    /** Accuracy of a task's decided classes on the rows that carry its label. */
    private static void accuracy(String task, Dataset rows, TaskPredictions predictions, PrintWriter stdout) {
        if (rows.schema().task(task).isEmpty()) {
            return;
        }
        int[] labels = rows.labels(task);
        int labelled = 0;
        int correct = 0;
        for (int row = 0; row < labels.length; row++) {
            if (labels[row] != Dataset.NO_LABEL) {
                labelled++;
                correct += labels[row] == predictions.classIndex(row) ? 1 : 0;
            }
        }
        if (labelled > 0) {
            stdout.println(String.format(Locale.ROOT, "%s accuracy %.4f on %d labelled rows", task, correct / (double) labelled, labelled));
        }
    }
}
