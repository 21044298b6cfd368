package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Injector;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.PipelineConfigReader;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.core.run.ScratchFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A finished run's folder as the commands that read saved runs see it ({@code fulcrum ensemble},
 * {@code fulcrum inspect}): its summary, its resolved config, and the rows it trained on, prepared
 * again from that config.
 */
public record SavedRun(Path folder, JsonNode summary, PipelineConfig pipeline) {

    /** The stages that make a run's prepared rows, and the config sections they read. */
    private static final List<Class<? extends PipelineStage>> PREPARATION = List.of(LoadDataStage.class, SplitStage.class,
            FeedbackStage.class, FeatureStage.class, AdaptStage.class);
    private static final String CONFIG = "config.yaml";
    static final List<String> PREPARATION_SECTIONS = List.of("data", "split", "feedback", "features", "adapt");

    /**
     * @throws InvalidInputException naming the folder where it is not a finished run with a model and its config
     */
    public static SavedRun read(Path folder) {
        Path summary = folder.resolve(PipelineRunner.SUMMARY);
        if (!Files.isRegularFile(summary)) {
            throw new InvalidInputException(folder + ": not a run folder (it has no " + PipelineRunner.SUMMARY + ")");
        }
        JsonNode read = readJson(summary);
        String status = read.path("status").asText();
        if (!status.equals(RunStatus.SUCCEEDED.label()) && !status.equals(RunStatus.GATE_FAILED.label())) {
            throw new InvalidInputException(folder + ": its status is " + status + "; only finished runs can be read");
        }
        if (!Files.isRegularFile(folder.resolve(ModelArchive.FILE))) {
            throw new InvalidInputException(folder + ": it has no " + ModelArchive.FILE + " (an ensemble's folder holds its "
                    + "members under members/; name the runs they came from instead)");
        }
        Path config = folder.resolve(CONFIG);
        if (!Files.isRegularFile(config)) {
            throw new InvalidInputException(folder + ": it has no config.yaml, so its data cannot be prepared again");
        }
        return new SavedRun(folder.toAbsolutePath().normalize(), read, PipelineConfigReader.read(config, List.of(), null));
    }

    /** The run's pipeline again, with {@code --set}-style assignments applied (e.g. {@code report=[]}). */
    public PipelineConfig pipelineWith(List<String> overrides) {
        return PipelineConfigReader.read(folder.resolve(CONFIG), overrides, null);
    }

    /** The run's resolved config. */
    public JsonNode config() {
        return pipeline.document().root();
    }

    /** {@code data.tasks} of the summary: per task, its classes. */
    public JsonNode tasks() {
        return summary.path("data").path("tasks");
    }

    /** Loads, splits, applies the corrections, extracts features and adapts as the run did, in a scratch folder. */
    public Dataset prepareRows(FulcrumHost host, RunProgress progress) {
        return rows(host, progress, PREPARATION);
    }

    /**
     * The run's rows as its sources gave them (the input of its saved model), split as the run split them and
     * corrected by its {@code feedback:} files (relabelled, excluded, reweighted, added from a pool): what
     * {@code fulcrum review} scores with saved models and shows.
     */
    public Dataset splitRawRows(FulcrumHost host, RunProgress progress) {
        return rows(host, progress, List.of(LoadDataStage.class, SplitStage.class, FeedbackStage.class));
    }

    private Dataset rows(FulcrumHost host, RunProgress progress, List<Class<? extends PipelineStage>> stages) {
        try (ScratchFolder scratch = ScratchFolder.create("saved-run")) {
            HostRunContext context = new HostRunContext(pipeline.seed(), scratch.runFolder());
            ResolvedPipeline resolved = new PipelineResolver(host.catalog()).resolve(pipeline, context);
            Injector injector = host.injector().createChildInjector(new PipelineModule(resolved, context, progress,
                    Optional.empty(), LaunchCommand.NONE, HeldOutRows.NONE, false));
            PipelineState state = new PipelineState();
            for (Class<? extends PipelineStage> stage : stages) {
                injector.getInstance(stage).run(state);
            }
            return state.data;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the rows of " + folder + ": " + e.getMessage(), e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
