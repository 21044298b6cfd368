package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.audit.AuditInput;
import dev.fulcrum.api.audit.AuditReport;
import dev.fulcrum.api.audit.BiasAuditor;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.core.train.Predictions;
import jakarta.inject.Inject;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/** Audits the model's test predictions for the specific task, group by group. */
final class AuditStage implements PipelineStage {

    private final ResolvedPipeline pipeline;
    private final RunProgress progress;

    @Inject
    AuditStage(ResolvedPipeline pipeline, RunProgress progress) {
        this.pipeline = pipeline;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public void run(PipelineState state) {
        if (pipeline.audit().isEmpty()) {
            return;
        }
        Dataset data = state.data;
        if (data.sensitive().isEmpty()) {
            throw new InvalidInputException(pipeline.audit().get(0).label() + ": the data has no sensitive attributes to audit; "
                    + "name them in the data source (for csv: sensitive: [column, ...])");
        }
        AuditInput input = input(state);
        for (Resolved<BiasAuditor> auditor : pipeline.audit()) {
            AuditReport report = auditor.component().audit(input);
            state.audits.put(auditor.spec().path().toString(), report);
            progress.note("audit " + auditor.label() + ":\n" + report.table());
        }
    }

    private static AuditInput input(PipelineState state) {
        Dataset data = state.data;
        int[] rows = data.labelledRows(Tasks.SPECIFIC, Partition.TEST);
        if (rows.length == 0) {
            throw new InvalidInputException("audit: the specific task has no labelled test rows");
        }
        INDArray probabilities = Predictions.probabilities(state.model, data, rows).get(Tasks.SPECIFIC);
        int[] allLabels = data.labels(Tasks.SPECIFIC);
        float[] allWeights = data.weights();
        int[] labels = new int[rows.length];
        float[] weights = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = allLabels[rows[i]];
            weights[i] = allWeights[rows[i]];
        }
        Map<String, String[]> sensitive = new LinkedHashMap<>();
        data.sensitive().forEach((name, values) -> {
            String[] picked = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                picked[i] = values[rows[i]];
            }
            sensitive.put(name, picked);
        });
        return new AuditInput(Tasks.SPECIFIC, data.schema().task(Tasks.SPECIFIC).orElseThrow().classes(), labels,
                Predictions.argmax(probabilities), probabilities, sensitive, weights);
    }
}
