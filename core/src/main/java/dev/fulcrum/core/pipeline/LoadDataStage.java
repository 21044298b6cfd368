package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the specific data and, where configured, the general data, names their tasks
 * {@code specific} and {@code general}, and joins them into one set of rows. Each source's row ids
 * are unique; the two sources may share ids (both may read one file), so a row is named by its
 * task and its id.
 */
final class LoadDataStage implements PipelineStage {

    private final ResolvedPipeline pipeline;
    private final RunProgress progress;

    @Inject
    LoadDataStage(ResolvedPipeline pipeline, RunProgress progress) {
        this.pipeline = pipeline;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "data";
    }

    @Override
    public void run(PipelineState state) {
        Dataset specific = named(load(pipeline.specific()), Tasks.SPECIFIC, pipeline.specific());
        Dataset data = specific;
        if (pipeline.general().isPresent()) {
            Resolved<DataSource> source = pipeline.general().get();
            Dataset general = named(load(source), Tasks.GENERAL, source).retainTasks(List.of(Tasks.GENERAL));
            if (specific.schema().task(Tasks.GENERAL).isPresent()) {
                throw new InvalidInputException(pipeline.specific().label() + " already provides a general task; "
                        + "remove data.general or use a specific source without one");
            }
            try {
                data = specific.concat(general);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(source.label() + " cannot be joined to the specific data: " + e.getMessage());
            }
        }
        if (data.labelledRows(Tasks.SPECIFIC, Partition.UNASSIGNED).length + data.labelledRows(Tasks.SPECIFIC, Partition.TRAIN).length == 0) {
            throw new InvalidInputException(pipeline.specific().label() + " gave no labelled rows for training");
        }
        state.data = data;
        state.specificRows = specific.rows();
        progress.note("data: " + data.rows() + " rows, " + data.schema().featureCount() + " features, tasks "
                + data.schema().taskNames() + ", domains " + data.schema().domains()
                + (data.sensitive().isEmpty() ? "" : ", sensitive " + data.sensitive().keySet()));
    }

    private static Dataset load(Resolved<DataSource> source) {
        Dataset data = source.component().load();
        if (data == null || data.rows() == 0) {
            throw new InvalidInputException(source.label() + " loaded no rows");
        }
        if (data.schema().tasks().isEmpty()) {
            throw new InvalidInputException(source.label() + " has no label column or task");
        }
        requireUniqueIds(data, source);
        return data;
    }

    /** Corrections and listings name rows by id, so within one source no two rows may share one. */
    private static void requireUniqueIds(Dataset data, Resolved<DataSource> source) {
        Map<String, Integer> seen = new HashMap<>(data.rows() * 2);
        for (int row = 0; row < data.rows(); row++) {
            Integer earlier = seen.putIfAbsent(data.id(row), row);
            if (earlier != null) {
                throw new InvalidInputException(source.label() + " gave rows " + earlier + " and " + row
                        + " the same id " + data.id(row) + "; a source's row ids must be unique");
            }
        }
    }

    /** The task with this name, else the source's first task, takes the name. */
    private static Dataset named(Dataset data, String name, Resolved<DataSource> source) {
        if (data.schema().task(name).isPresent()) {
            return data;
        }
        String first = data.schema().taskNames().get(0);
        if (name.equals(Tasks.SPECIFIC) && first.equals(Tasks.GENERAL)) {
            throw new InvalidInputException(source.label() + " provides only a general task; it belongs under data.general");
        }
        return data.withTaskRenamed(first, name);
    }
}
