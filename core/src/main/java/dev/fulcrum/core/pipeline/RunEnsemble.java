package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.MetricNames;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.model.TrainableModel;
import dev.fulcrum.core.FulcrumVersion;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.CatalogFactories;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.run.Digests;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.core.run.ScratchFolder;
import dev.fulcrum.core.train.EnsembleProbabilities;
import dev.fulcrum.html.RunReport;
import dev.fulcrum.math.ensemble.CombineRule;
import dev.fulcrum.runtime.FulcrumModel;
import com.google.inject.Injector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code fulcrum ensemble}: combines the models of saved runs into a new run folder, evaluated like a
 * run on the rows the runs shared. The runs must have prepared the same rows: the same data, split,
 * features and adapters in their {@code config.yaml} and, where their seeds differ, the same rows in
 * each partition, labels and features once prepared again; and their models must predict the same
 * tasks with the same classes. The new folder holds the members' models ({@code members/K/model.zip}),
 * a {@code summary.json} of the same schema as a run's, whose {@code ensemble} section names each
 * member's run, {@code provenance.json} with every member's provenance whole, and {@code report.html}.
 * (A weight-space soup of runs that share theta_0 would be a second way to combine them, beside
 * {@link #combine}; it is not built yet.)
 */
public final class RunEnsemble {

    /** The sections of a run's config that make its prepared rows. */
    private static final List<String> PREPARATION = List.of("data", "split", "features", "adapt");

    private RunEnsemble() {
    }

    /**
     * @param out a folder that does not exist yet or is empty
     */
    public static RunOutcome combine(FulcrumHost host, List<Path> runs, Path out, CombineRule rule, RunProgress progress,
                                     LaunchCommand command) {
        Instant started = Instant.now();
        if (runs.size() < 2) {
            throw new InvalidInputException("fulcrum ensemble combines two or more runs; got one: " + runs.get(0));
        }
        List<SavedRun> saved = new ArrayList<>();
        for (Path run : runs) {
            SavedRun read = SavedRun.read(run);
            for (SavedRun earlier : saved) {
                if (earlier.folder().equals(read.folder())) {
                    throw new InvalidInputException(run + ": named twice");
                }
            }
            saved.add(read);
        }
        requireEmpty(out);
        SavedRun first = saved.get(0);
        for (SavedRun run : saved.subList(1, saved.size())) {
            sameShape(first, run);
            for (String section : PREPARATION) {
                firstDifference(first.config().path(section), run.config().path(section), section).ifPresent(difference -> {
                    throw new InvalidInputException(run.folder() + " was trained on other data than " + first.folder() + ": "
                            + difference + "; an ensemble's members must see the same data and split");
                });
            }
        }
        ResolvedPipeline pipeline = null;
        Dataset reference = null;
        Map<Long, Dataset> bySeed = new LinkedHashMap<>();
        List<TrainableModel> models = new ArrayList<>();
        for (SavedRun run : saved) {
            PipelineConfig config = run.pipeline();
            if (reference == null) {
                pipeline = new PipelineLauncher(host, progress).validate(config);
            }
            Dataset prepared = bySeed.get(config.seed());
            if (prepared == null) {
                progress.note("ensemble: preparing the rows of " + run.folder() + " (seed " + config.seed() + ")");
                prepared = prepare(host, config, progress);
                if (reference != null) {
                    sameRows(reference, first, prepared, run);
                }
                bySeed.put(config.seed(), prepared);
            }
            reference = reference == null ? prepared : reference;
            models.add(FulcrumModel.load(run.folder(), new CatalogFactories(host.catalog())).network());
        }
        PipelineState state = new PipelineState();
        state.data = reference;
        RunFolder folder = RunFolder.at(createDirectories(out));
        List<EnsembleRecord.Member> members = new ArrayList<>();
        for (int k = 1; k <= saved.size(); k++) {
            String model = TrainStage.memberFolder(k) + "/" + ModelArchive.FILE;
            copy(saved.get(k - 1).folder().resolve(ModelArchive.FILE), folder.resolve(model));
            JsonNode before = saved.get(k - 1).summary().path("balance").path("general_before");
            members.add(new EnsembleRecord.Member(k, null, saved.get(k - 1).folder().toString(), model,
                    Digests.sha256(folder.resolve(model)), null, EnsembleRecord.evaluations(models.get(k - 1), reference),
                    before.isNumber() ? Map.of(MetricNames.ACCURACY, before.asDouble()) : null));
        }
        state.ensemble = new EnsembleRecord("runs", rule.label(), members,
                EnsembleProbabilities.fit(models, rule, reference, "--combine"));
        long testStarted = System.nanoTime();
        new TestStage(progress).run(state);
        state.stageSeconds.put("test", (System.nanoTime() - testStarted) / 1e9);
        ObjectNode summary = SummaryBuilder.build(pipeline, state, RunStatus.SUCCEEDED, null, null, out.toString(),
                command, started, Instant.now());
        ((ObjectNode) summary.get("run")).put("name", out.getFileName().toString());
        folder.writeText(PipelineRunner.SUMMARY, Json.pretty(summary));
        folder.writeText("provenance.json", Json.pretty(provenance(saved, members, command)));
        RunReport.write(out, out.resolve("report.html"));
        return new RunOutcome(RunStatus.SUCCEEDED, out, summary);
    }

    /** A saved run as {@code fulcrum ensemble} reads it. */
    private record SavedRun(Path folder, JsonNode summary, PipelineConfig pipeline) {

        static SavedRun read(Path folder) {
            Path summary = folder.resolve(PipelineRunner.SUMMARY);
            if (!Files.isRegularFile(summary)) {
                throw new InvalidInputException(folder + ": not a run folder (it has no " + PipelineRunner.SUMMARY + ")");
            }
            JsonNode read = readJson(summary);
            String status = read.path("status").asText();
            if (!status.equals(RunStatus.SUCCEEDED.label()) && !status.equals(RunStatus.GATE_FAILED.label())) {
                throw new InvalidInputException(folder + ": its status is " + status + "; only finished runs can be combined");
            }
            if (!Files.isRegularFile(folder.resolve(ModelArchive.FILE))) {
                throw new InvalidInputException(folder + ": it has no " + ModelArchive.FILE + " (an ensemble's folder holds its "
                        + "members under members/; name the runs they came from instead)");
            }
            Path config = folder.resolve("config.yaml");
            if (!Files.isRegularFile(config)) {
                throw new InvalidInputException(folder + ": it has no config.yaml, so its data cannot be prepared again");
            }
            return new SavedRun(folder.toAbsolutePath().normalize(), read, PipelineConfigReader.read(config, List.of(), null));
        }

        /** The run's resolved config. */
        JsonNode config() {
            return pipeline.document().root();
        }

        JsonNode tasks() {
            return summary.path("data").path("tasks");
        }
    }

    /** The same tasks, each with the same classes in the same order. */
    private static void sameShape(SavedRun first, SavedRun run) {
        List<String> firstTasks = names(first.tasks());
        List<String> tasks = names(run.tasks());
        if (!firstTasks.equals(tasks)) {
            throw new InvalidInputException(run.folder() + "'s model predicts tasks " + tasks + " and " + first.folder()
                    + "'s " + firstTasks + "; an ensemble's members must predict the same tasks");
        }
        for (String task : tasks) {
            JsonNode classes = run.tasks().path(task).path("classes");
            JsonNode firstClasses = first.tasks().path(task).path("classes");
            if (!classes.equals(firstClasses)) {
                throw new InvalidInputException(run.folder() + "'s task " + task + " has classes " + classes + " and "
                        + first.folder() + "'s " + firstClasses + "; an ensemble's members must predict the same classes");
            }
        }
    }

    /** Where the seeds differ, the prepared rows must still be the same: in the same partitions, with the same labels and features. */
    private static void sameRows(Dataset reference, SavedRun first, Dataset prepared, SavedRun run) {
        String reason = null;
        if (prepared.rows() != reference.rows()) {
            reason = "it has " + prepared.rows() + " rows and " + first.folder() + " " + reference.rows();
        } else {
            int moved = 0;
            for (int row = 0; row < reference.rows(); row++) {
                moved += prepared.partition(row) == reference.partition(row) ? 0 : 1;
            }
            if (moved > 0) {
                reason = moved + " of its " + reference.rows() + " rows are in another partition than in " + first.folder();
            } else if (reference.schema().taskNames().stream()
                    .anyMatch(task -> !java.util.Arrays.equals(prepared.labels(task), reference.labels(task)))) {
                reason = "its rows have other labels than " + first.folder() + "'s";
            } else if (!prepared.features().equals(reference.features())) {
                reason = "its prepared features differ from " + first.folder() + "'s";
            }
        }
        if (reason != null) {
            throw new InvalidInputException(run.folder() + " was trained on other rows than " + first.folder() + ": " + reason
                    + " (their seeds " + run.config().path("seed").asText() + " and " + first.config().path("seed").asText()
                    + " prepared the data differently); an ensemble's members must see the same data and split");
        }
    }

    /** Loads, splits, extracts features and adapts as a run of {@code config} does, in a scratch folder. */
    private static Dataset prepare(FulcrumHost host, PipelineConfig config, RunProgress progress) {
        try (ScratchFolder scratch = ScratchFolder.create("ensemble")) {
            HostRunContext context = new HostRunContext(config.seed(), scratch.runFolder());
            ResolvedPipeline pipeline = new PipelineResolver(host.catalog()).resolve(config, context);
            Injector injector = host.injector().createChildInjector(new PipelineModule(pipeline, context, progress,
                    Optional.empty(), LaunchCommand.NONE));
            PipelineState state = new PipelineState();
            for (Class<? extends PipelineStage> stage : List.of(LoadDataStage.class, SplitStage.class, FeatureStage.class,
                    AdaptStage.class)) {
                injector.getInstance(stage).run(state);
            }
            return state.data;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the rows of " + config.name() + ": " + e.getMessage(), e);
        }
    }

    /** The first place where two resolved config sections differ, as {@code path (this there, that here)}. */
    static Optional<String> firstDifference(JsonNode first, JsonNode other, String path) {
        if (Objects.equals(first, other)) {
            return Optional.empty();
        }
        if (first.isObject() && other.isObject()) {
            java.util.TreeSet<String> keys = new java.util.TreeSet<>();
            first.fieldNames().forEachRemaining(keys::add);
            other.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                Optional<String> difference = firstDifference(first.path(key), other.path(key), path + "." + key);
                if (difference.isPresent()) {
                    return difference;
                }
            }
        }
        if (first.isArray() && other.isArray() && first.size() == other.size()) {
            for (int i = 0; i < first.size(); i++) {
                Optional<String> difference = firstDifference(first.get(i), other.get(i), path + "[" + i + "]");
                if (difference.isPresent()) {
                    return difference;
                }
            }
        }
        return Optional.of(path + " is " + shown(other) + " there and " + shown(first) + " in the first run");
    }

    private static String shown(JsonNode node) {
        return node.isMissingNode() ? "absent" : node.toString();
    }

    private static List<String> names(JsonNode tasks) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = tasks.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static ObjectNode provenance(List<SavedRun> runs, List<EnsembleRecord.Member> members, LaunchCommand command) {
        ObjectNode provenance = Json.object().put("fulcrum_version", FulcrumVersion.fulcrum());
        provenance.put("command", command.arguments().isEmpty() ? null : command.line());
        ArrayNode list = provenance.putArray("members");
        for (int k = 0; k < runs.size(); k++) {
            ObjectNode member = list.addObject().put("member", k + 1).put("run", runs.get(k).folder().toString())
                    .put("model", members.get(k).model()).put("model_sha256", members.get(k).modelSha256());
            Path file = runs.get(k).folder().resolve("provenance.json");
            member.set("provenance", Files.isRegularFile(file) ? readJson(file) : null);
        }
        return provenance;
    }

    private static void requireEmpty(Path out) {
        if (Files.isRegularFile(out)) {
            throw new InvalidInputException(out + ": is a file; --out names the new run folder");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new InvalidInputException(out + ": exists and is not empty; --out names a new run folder");
                }
            } catch (IOException e) {
                throw new InvalidInputException(out + ": cannot read: " + e.getMessage(), e);
            }
        }
    }

    private static Path createDirectories(Path folder) {
        try {
            return Files.createDirectories(folder).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
