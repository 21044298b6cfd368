package dev.fulcrum.core.representation;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.core.host.CatalogFactories;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.pipeline.LaunchCommand;
import dev.fulcrum.core.pipeline.RunProgress;
import dev.fulcrum.core.pipeline.SameRows;
import dev.fulcrum.core.pipeline.SavedRun;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.html.RunReport;
import dev.fulcrum.runtime.FulcrumModel;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code fulcrum inspect}: what each trunk layer of a saved run knows and how far specific training moved it. The
 * run's rows are prepared again from its {@code config.yaml}; per inspected task, a seeded sample of its labelled
 * training and validation rows is run through the final model ({@code model.zip}) and theta_0 ({@code theta0.zip},
 * the model as specific training started, where the run kept it), and each layer gets its probe accuracies, LogME
 * and the model its LEEP ({@link ModelScores}); drift compares theta_0's and the final model's layers on the
 * validation samples ({@link LayerDrift}); {@code --against} the final models of two runs on the same rows
 * ({@link RunComparison}). Writes {@code representations.json} into the run folder and rewrites its
 * {@code report.html}.
 */
public final class RunInspection {

    /** The debiased CKA needs 4 rows. */
    public static final int MIN_ROWS = 4;
    private static final String SAME_ROWS = "--against compares two runs' layers on the same rows";
    private static final List<String> DATA = List.of("general", "specific", "both");

    private RunInspection() {
    }

    public static Inspection inspect(FulcrumHost host, InspectRequest request, RunProgress progress, LaunchCommand command) {
        long started = System.nanoTime();
        if (request.maxRows() < MIN_ROWS) {
            throw new InvalidInputException("--rows: must be at least " + MIN_ROWS + " (the debiased CKA needs 4 rows), got "
                    + request.maxRows());
        }
        SavedRun run = SavedRun.read(request.run());
        List<String> tasks = tasks(request.data(), run);
        Path startingPoint = run.folder().resolve(ModelArchive.STARTING_POINT);
        boolean hasTheta0 = Files.isRegularFile(startingPoint);
        if (request.drift() && !hasTheta0) {
            throw new InvalidInputException(run.folder() + ": it has no " + ModelArchive.STARTING_POINT + " (its strategy kept no "
                    + "theta_0, the model as specific training started), so drift cannot be measured; --no-drift inspects it without");
        }
        SavedRun against = request.against() == null ? null : SavedRun.read(request.against());
        if (against != null) {
            if (against.folder().equals(run.folder())) {
                throw new InvalidInputException("--against " + request.against() + ": names the inspected run itself");
            }
            SameRows.configs(run, against, SAME_ROWS);
        }
        CatalogFactories factories = new CatalogFactories(host.catalog());
        TrainableModel fine = FulcrumModel.load(run.folder(), factories).network();
        List<String> layers = layers(request.layers(), fine, run);
        TrainableModel theta0 = hasTheta0 ? startingPoint(startingPoint, fine) : null;
        TrainableModel other = against == null ? null : FulcrumModel.load(against.folder(), factories).network();

        Map<String, Double> seconds = new LinkedHashMap<>();
        long step = System.nanoTime();
        progress.note("inspect: preparing the rows of " + run.folder());
        Dataset data = run.prepareRows(host, progress);
        if (against != null && against.pipeline().seed() != run.pipeline().seed()) {
            progress.note("inspect: preparing the rows of " + against.folder() + " (seed " + against.pipeline().seed() + ")");
            SameRows.prepared(data, run, against.prepareRows(host, progress), against, SAME_ROWS);
        }
        step = lap(seconds, "prepare", step);

        Map<String, RowSample> training = new LinkedHashMap<>();
        Map<String, RowSample> validation = new LinkedHashMap<>();
        Map<String, List<RowSample>> samples = new LinkedHashMap<>();
        for (String task : tasks) {
            training.put(task, RowSample.of(data, task, Partition.TRAIN, request.maxRows(), run.pipeline().seed()));
            validation.put(task, RowSample.of(data, task, Partition.VALIDATION, request.maxRows(), run.pipeline().seed()));
            samples.put(task, List.of(training.get(task), validation.get(task)));
        }
        List<RowSample> all = samples.values().stream().flatMap(List::stream).toList();
        Map<String, SampleActivations> activations = new LinkedHashMap<>();
        activations.put("final", SampleActivations.of(fine, layers, all, data));
        if (theta0 != null) {
            activations.put("theta0", SampleActivations.of(theta0, layers, all, data));
        }
        if (other != null) {
            activations.put("against", SampleActivations.of(other, other.trunkLayers(), List.copyOf(validation.values()), data));
        }
        step = lap(seconds, "activations", step);

        progress.note("inspect: probes, LogME and LEEP per layer");
        List<ModelScores> models = new ArrayList<>();
        models.add(ModelScores.of("final", ModelArchive.FILE, fine, activations.get("final"), training, validation, data));
        if (theta0 != null) {
            models.add(ModelScores.of("theta0", ModelArchive.STARTING_POINT, theta0, activations.get("theta0"), training, validation, data));
        }
        step = lap(seconds, "scores", step);
        List<LayerDrift> drift = request.drift() ? LayerDrift.of(activations.get("theta0"), activations.get("final"), validation) : null;
        RunComparison comparison = against == null ? null
                : RunComparison.of(against.folder().toString(), activations.get("final"), activations.get("against"), validation);
        step = lap(seconds, "cka", step);
        if (request.export() != null) {
            ActivationExport.write(request.export(), all, activations);
            step = lap(seconds, "export", step);
        }
        seconds.put("total", (step - started) / 1e9);
        Inspection inspection = new Inspection(run.folder(), run.pipeline().seed(), tasks, request.maxRows(), layers, samples,
                models, drift, comparison, request.export() == null ? null : request.export().toAbsolutePath().normalize(), seconds);
        RunFolder.at(run.folder()).writeText(RepresentationsJson.FILE, Json.pretty(RepresentationsJson.of(inspection, command, Instant.now())));
        RunReport.write(run.folder(), run.folder().resolve("report.html"));
        return inspection;
    }

    /** The tasks {@code --data} names that the run has; {@code both}: each of the two it has. */
    static List<String> tasks(String data, SavedRun run) {
        if (!DATA.contains(data)) {
            throw new InvalidInputException("--data: expected one of " + String.join(", ", DATA) + ", got \"" + data + "\"");
        }
        List<String> tasks = new ArrayList<>();
        for (String task : List.of(Tasks.GENERAL, Tasks.SPECIFIC)) {
            boolean has = run.tasks().has(task);
            if (data.equals(task) && !has) {
                throw new InvalidInputException("--data " + data + ": " + run.folder() + " has no " + task + " task (its tasks are "
                        + names(run) + ")");
            }
            if (has && (data.equals(task) || data.equals("both"))) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    /** The named trunk layers in the trunk's order (all of them where none is named). */
    private static List<String> layers(List<String> named, TrainableModel model, SavedRun run) {
        if (named.isEmpty()) {
            return model.trunkLayers();
        }
        Set<String> asked = new LinkedHashSet<>(named);
        for (String layer : asked) {
            if (!model.trunkLayers().contains(layer)) {
                throw new InvalidInputException("--layers: " + run.folder() + " has no trunk layer \"" + layer + "\"; its trunk layers are "
                        + String.join(", ", model.trunkLayers()));
            }
        }
        return model.trunkLayers().stream().filter(asked::contains).toList();
    }

    /** {@code theta0.zip} with the final model's trunk and heads; refused where its network does not match. */
    private static TrainableModel startingPoint(Path file, TrainableModel fine) {
        ComputationGraph graph = ModelArchive.readNetwork(file);
        try {
            return new TrainableModel(graph, fine.trunkLayers(), fine.headLayers());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": theta_0's network does not match " + ModelArchive.FILE + "'s: " + e.getMessage(), e);
        }
    }

    private static String names(SavedRun run) {
        List<String> names = new ArrayList<>();
        run.tasks().fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static long lap(Map<String, Double> seconds, String step, long since) {
        long now = System.nanoTime();
        seconds.put(step, (now - since) / 1e9);
        return now;
    }
}
