package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.audit.AuditInput;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.mitigate.DecisionRule;
import dev.fulcrum.api.mitigate.PostProcessingMitigator;
import dev.fulcrum.core.run.HostRunContext;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.runtime.ModelZip;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Post-processing mitigation: fits the decision rule on the validation predictions, saves it in
 * {@code model.zip} beside the network, and reports what it costs on the test rows: accuracy and
 * selection rate with the model's own decisions (the most probable class) and with the rule's.
 */
final class PostProcessStage implements PipelineStage {

    private final ResolvedPipeline pipeline;
    private final HostRunContext context;
    private final RunProgress progress;

    @Inject
    PostProcessStage(ResolvedPipeline pipeline, HostRunContext context, RunProgress progress) {
        this.pipeline = pipeline;
        this.context = context;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "post-process";
    }

    @Override
    public void run(PipelineState state) {
        if (pipeline.postProcessing().isEmpty()) {
            return;
        }
        Resolved<PostProcessingMitigator> mitigator = pipeline.postProcessing().get();
        AuditInput validation = SpecificPredictions.of(state, Partition.VALIDATION);
        AuditInput before = SpecificPredictions.of(state, Partition.TEST);
        DecisionRule rule = mitigator.component().fit(validation);
        if (rule == null) {
            throw new IllegalStateException(mitigator.label() + " from plugin " + mitigator.factory().pluginId() + " fitted no rule");
        }
        state.decisionRule = rule;
        int[] after = rule.decide(before.probabilities(), before.sensitive());
        String component = mitigator.spec().path().toString();
        ObjectNode saved = Json.object().put("component", component).put("type", mitigator.spec().type());
        saved.set("state", Json.tree(rule.state()));
        ModelArchive.addTexts(context.folder(), Map.of(ModelZip.DECISION_RULE, Json.pretty(saved)));

        Map<String, Object> report = new LinkedHashMap<>(rule.state());
        Map<String, Object> test = new LinkedHashMap<>();
        double accuracyBefore = accuracy(before.labels(), before.predictions());
        double accuracyAfter = accuracy(before.labels(), after);
        test.put("accuracy_before", accuracyBefore);
        test.put("accuracy_after", accuracyAfter);
        test.put("accuracy_cost", accuracyBefore - accuracyAfter);
        report.put("test", test);
        state.mitigations.put(component, report);
        progress.note(String.format(Locale.ROOT, "post-process: %s: test accuracy %.4f with the model's decisions, "
                + "%.4f with the rule's (cost %.4f); rule saved in model.zip", mitigator.label(), accuracyBefore,
                accuracyAfter, accuracyBefore - accuracyAfter));
    }

    private static double accuracy(int[] labels, int[] predictions) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == predictions[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }
}
