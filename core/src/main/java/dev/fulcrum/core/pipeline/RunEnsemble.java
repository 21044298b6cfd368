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
import dev.fulcrum.core.host.CatalogFactories;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.run.Digests;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.core.train.EnsembleProbabilities;
import dev.fulcrum.core.train.ModelSoup;
import dev.fulcrum.html.RunReport;
import dev.fulcrum.math.ensemble.CombineRule;
import dev.fulcrum.math.weights.ParameterTables;
import dev.fulcrum.runtime.FulcrumModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code fulcrum ensemble}: combines the models of saved runs into a new run folder, evaluated like a
 * run on the rows the runs shared. The runs must have prepared the same rows: the same data, split,
 * features and adapters in their {@code config.yaml} and, where their seeds differ, the same rows in
 * each partition, labels and features once prepared again; and their models must predict the same
 * tasks with the same classes. The new folder holds the members' models ({@code members/K/model.zip}),
 * a {@code summary.json} of the same schema as a run's, whose {@code ensemble} section names each
 * member's run, {@code provenance.json} with every member's provenance whole, and {@code report.html}.
 * {@link #soup} instead averages the weights of runs that share theta_0 into one model (a model soup).
 */
public final class RunEnsemble {

    private static final String MEMBERS_SEE_THE_SAME_ROWS = "an ensemble's members must see the same data and split";
    private static final String SOUP_SHARES_THETA0 = "a soup averages fine-tunes of one theta_0";

    private RunEnsemble() {
    }

    /**
     * @param out a folder that does not exist yet or is empty
     */
    public static RunOutcome combine(FulcrumHost host, List<Path> runs, Path out, CombineRule rule, RunProgress progress,
                                     LaunchCommand command) {
        Instant started = Instant.now();
        List<SavedRun> saved = read(runs, out);
        Prepared prepared = prepare(host, saved, progress);
        RunFolder folder = RunFolder.at(createDirectories(out));
        List<EnsembleRecord.Member> members = new ArrayList<>();
        for (int k = 1; k <= saved.size(); k++) {
            String model = TrainStage.memberFolder(k) + "/" + ModelArchive.FILE;
            copy(saved.get(k - 1).folder().resolve(ModelArchive.FILE), folder.resolve(model));
            members.add(member(k, saved.get(k - 1), model, Digests.sha256(folder.resolve(model)), prepared));
        }
        PipelineState state = new PipelineState();
        state.data = prepared.rows();
        state.ensemble = new EnsembleRecord("runs", rule.label(), members,
                EnsembleProbabilities.fit(prepared.models(), rule, prepared.rows(), "--combine"));
        return finish(state, prepared.pipeline(), saved, members, out, folder, command, started, progress);
    }

    /**
     * A model soup of saved runs that share theta_0 (their {@code theta0.zip} parameters are equal) and a
     * graph: {@code model.zip} is the soup, one model ({@code fulcrum predict} takes it), with the first
     * run's feature transforms and config; {@code theta0.zip} is the shared theta_0.
     *
     * @param recipe {@link ModelSoup#UNIFORM} or {@link ModelSoup#GREEDY}
     * @param out    a folder that does not exist yet or is empty
     */
    public static RunOutcome soup(FulcrumHost host, List<Path> runs, Path out, String recipe, RunProgress progress,
                                  LaunchCommand command) {
        Instant started = Instant.now();
        List<SavedRun> saved = read(runs, out);
        List<Map<String, INDArray>> starts = new ArrayList<>();
        for (SavedRun run : saved) {
            Path theta0 = run.folder().resolve(ModelArchive.STARTING_POINT);
            if (!Files.isRegularFile(theta0)) {
                throw new InvalidInputException(run.folder() + ": it has no " + ModelArchive.STARTING_POINT + "; a soup "
                        + "averages fine-tunes of one theta_0, and only runs whose strategy keeps theta_0 have one "
                        + "(pretrain-finetune; start-from: RUN fine-tunes from another run's)");
            }
            starts.add(parameters(theta0));
            ParameterTables.requireEqual(starts.get(0), saved.get(0).folder().resolve(ModelArchive.STARTING_POINT).toString(),
                    starts.get(starts.size() - 1), theta0 + " (" + SOUP_SHARES_THETA0 + ")");
        }
        Prepared prepared = prepare(host, saved, progress);
        List<Map<String, INDArray>> tables = new ArrayList<>();
        for (int k = 0; k < saved.size(); k++) {
            Map<String, INDArray> table = prepared.models().get(k).graph().paramTable();
            ParameterTables.requireSame(table, saved.get(k).folder() + "'s model", prepared.models().get(0).graph().paramTable(),
                    saved.get(0).folder() + "'s model");
            tables.add(table);
        }
        RunFolder folder = RunFolder.at(createDirectories(out));
        List<EnsembleRecord.Member> members = new ArrayList<>();
        for (int k = 1; k <= saved.size(); k++) {
            Path model = saved.get(k - 1).folder().resolve(ModelArchive.FILE);
            members.add(member(k, saved.get(k - 1), model.toString(), Digests.sha256(model), prepared));
        }
        progress.note("soup: " + recipe + " soup of " + saved.size() + " runs, scored by the " + ModelSoup.SCORE);
        TrainableModel soup = FulcrumModel.load(saved.get(0).folder(), new CatalogFactories(host.catalog())).network();
        ModelSoup.Outcome outcome = ModelSoup.cook(recipe, tables, soup, prepared.rows());
        progress.note(String.format(Locale.ROOT, "soup: members %s went in, validation score %.4f", outcome.ingredients(),
                outcome.validationScore()));
        ModelArchive.writeWithNetworkOf(folder, soup.graph(), saved.get(0).folder().resolve(ModelArchive.FILE));
        Path theta0 = saved.get(0).folder().resolve(ModelArchive.STARTING_POINT);
        copy(theta0, folder.resolve(ModelArchive.STARTING_POINT));
        PipelineState state = new PipelineState();
        state.data = prepared.rows();
        state.model = soup;
        state.ensemble = new EnsembleRecord("runs", recipe + "-soup", members, null, outcome, Digests.sha256(theta0));
        return finish(state, prepared.pipeline(), saved, members, out, folder, command, started, progress);
    }

    /** The runs, read and checked as far as their folders tell: two or more, none twice, the same tasks and data config. */
    private static List<SavedRun> read(List<Path> runs, Path out) {
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
            SameRows.configs(first, run, MEMBERS_SEE_THE_SAME_ROWS);
        }
        return saved;
    }

    /** The first run's pipeline, the rows the runs shared (refused where they differ) and each run's model. */
    private record Prepared(ResolvedPipeline pipeline, Dataset rows, List<TrainableModel> models) {
    }

    private static Prepared prepare(FulcrumHost host, List<SavedRun> saved, RunProgress progress) {
        SavedRun first = saved.get(0);
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
                prepared = run.prepareRows(host, progress);
                if (reference != null) {
                    SameRows.prepared(reference, first, prepared, run, MEMBERS_SEE_THE_SAME_ROWS);
                }
                bySeed.put(config.seed(), prepared);
            }
            reference = reference == null ? prepared : reference;
            models.add(FulcrumModel.load(run.folder(), new CatalogFactories(host.catalog())).network());
        }
        return new Prepared(pipeline, reference, models);
    }

    private static EnsembleRecord.Member member(int k, SavedRun run, String model, String sha256, Prepared prepared) {
        JsonNode before = run.summary().path("balance").path("general_before");
        return new EnsembleRecord.Member(k, null, run.folder().toString(), model, sha256, null,
                EnsembleRecord.evaluations(prepared.models().get(k - 1), prepared.rows()),
                before.isNumber() ? Map.of(MetricNames.ACCURACY, before.asDouble()) : null);
    }

    /** Evaluates on the test rows and writes the summary, the provenance and the run page. */
    private static RunOutcome finish(PipelineState state, ResolvedPipeline pipeline, List<SavedRun> saved,
                                     List<EnsembleRecord.Member> members, Path out, RunFolder folder, LaunchCommand command,
                                     Instant started, RunProgress progress) {
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

    private static Map<String, INDArray> parameters(Path network) {
        return ModelArchive.readNetwork(network).paramTable();
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
            member.set("provenance", Files.isRegularFile(file) ? SavedRun.readJson(file) : null);
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
}
