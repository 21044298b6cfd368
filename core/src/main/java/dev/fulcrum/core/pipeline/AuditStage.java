package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.audit.AuditInput;
import dev.fulcrum.api.audit.AuditReport;
import dev.fulcrum.api.audit.BiasAuditor;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import jakarta.inject.Inject;

/**
 * Audits the model's test decisions for the specific task, group by group: the most probable class,
 * or what the post-processing mitigator's rule decides.
 */
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
        AuditInput input = SpecificPredictions.of(state, Partition.TEST);
        for (Resolved<BiasAuditor> auditor : pipeline.audit()) {
            AuditReport report = auditor.component().audit(input);
            state.audits.put(auditor.spec().path().toString(), report);
            progress.note("audit " + auditor.label() + ":\n" + report.table());
        }
    }
}
