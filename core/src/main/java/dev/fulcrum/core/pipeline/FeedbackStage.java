package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.core.feedback.Action;
import dev.fulcrum.core.feedback.Corrections;
import dev.fulcrum.core.feedback.RowOwners;
import dev.fulcrum.core.run.AppendOnlyFile;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Applies the pipeline's corrections files ({@code feedback:}) in order, after the split (so a row's split is
 * known, and a test row is refused unless its file is meant to correct tests) and before the features. Every
 * file is checked and applied in memory first; only when all of them hold does the data change and the trail
 * {@code feedback.jsonl} grow, by one line per applied row, so a bad file leaves nothing half-applied.
 */
final class FeedbackStage implements PipelineStage {

    static final String TRAIL = "feedback.jsonl";

    private final ResolvedPipeline pipeline;
    private final HostRunContext context;
    private final RunProgress progress;
    private final CheckpointPolicy checkpoints;

    @Inject
    FeedbackStage(ResolvedPipeline pipeline, HostRunContext context, RunProgress progress, CheckpointPolicy checkpoints) {
        this.checkpoints = checkpoints;
        this.pipeline = pipeline;
        this.context = context;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "feedback";
    }

    @Override
    public void run(PipelineState state) {
        if (pipeline.feedback().isEmpty()) {
            return;
        }
        Dataset data = state.data;
        RowOwners owners = RowOwners.loaded(data.rows(), state.specificRows, pipeline.general().isPresent(),
                Tasks.SPECIFIC, Tasks.GENERAL);
        List<Corrections.Outcome> outcomes = new ArrayList<>();
        // Rounds of feedback often share one pool: each distinct pool is loaded once, and only if a row is added from it.
        Map<String, Dataset> pools = new HashMap<>();
        for (ResolvedFeedback entry : pipeline.feedback()) {
            context.recordInput(entry.spec().file());
            Supplier<Dataset> pool = entry.pool().<Supplier<Dataset>>map(source -> () -> pools.computeIfAbsent(
                    source.spec().type() + source.spec().params(), key -> load(source))).orElse(null);
            Corrections.Outcome outcome = Corrections.apply(data, owners, entry.file(), entry.spec().testCorrections(), pool,
                    entry.pool().map(Resolved::label).orElse("(none)"));
            outcomes.add(outcome);
            data = outcome.data();
            owners = outcome.owners();
        }
        state.data = data;
        state.feedback = new ArrayList<>();
        List<String> trail = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ResolvedFeedback entry = pipeline.feedback().get(i);
            outcomes.get(i).applied().forEach(row -> trail.add(Json.line(trailLine(entry, row))));
        }
        AppendOnlyFile.append(context.folder().resolve(TRAIL), checkpoints.resume() ? notYetWritten(trail) : trail);
        for (int i = 0; i < outcomes.size(); i++) {
            ResolvedFeedback entry = pipeline.feedback().get(i);
            Corrections.Outcome outcome = outcomes.get(i);
            state.feedback.add(outcome.counts());
            progress.note("feedback: " + entry.spec().file().getFileName() + ": " + describe(outcome.counts()));
        }
    }

    /**
     * What an interrupted process of this run did not write of the trail: it appends the same lines in one write,
     * so the file holds all of them, none, or (cut off mid-write) a prefix, perhaps ending inside a line; the
     * rest goes on as whole lines, the first completing the cut one.
     */
    private List<String> notYetWritten(List<String> trail) {
        Path file = context.folder().resolve(TRAIL);
        String written;
        try {
            written = Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String expected = trail.stream().map(line -> line + "\n").collect(Collectors.joining());
        if (!expected.startsWith(written)) {
            throw new InvalidInputException(file + ": holds other corrections than this run applies; it is not this run's trail");
        }
        String rest = expected.substring(written.length());
        return rest.isEmpty() ? List.of() : List.of(rest.substring(0, rest.length() - 1).split("\n", -1));
    }

    private static Dataset load(Resolved<DataSource> source) {
        Dataset pool = source.component().load();
        if (pool == null || pool.rows() == 0) {
            throw new InvalidInputException(source.label() + " loaded no rows");
        }
        return pool;
    }

    private static ObjectNode trailLine(ResolvedFeedback entry, Corrections.Applied row) {
        ObjectNode line = Json.object().put("file", entry.spec().file().toString()).put("sha256", entry.file().sha256())
                .put("line", row.line()).put("task", row.task()).put("id", row.id()).put("action", row.action().label())
                .put("old_label", row.oldLabel()).put("new_label", row.newLabel())
                .put("old_weight", row.oldWeight()).put("new_weight", row.newWeight())
                .put("annotator", row.annotator()).put("note", row.note()).put("time", row.time());
        return line;
    }

    private static String describe(Map<Action, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((action, rows) -> text.append(text.isEmpty() ? "" : ", ").append(action.label()).append(' ').append(rows));
        return text.toString();
    }
}
