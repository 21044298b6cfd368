package dev.fulcrum.core.pipeline;

import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.adapt.DomainTransform;
import dev.fulcrum.api.adapt.TransformingDomainAdapter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.runtime.AdaptationAtPrediction;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;

/**
 * Applies each domain adapter in order, keeping what each leaves for rows predicted later (a
 * transforming adapter's fitted transform, saved with the model), and measures the domain gap before and after them on the
 * same seeded sample of rows (also when there is no adapter, so every run with a target domain
 * reports how far apart its domains are).
 */
final class AdaptStage implements PipelineStage {

    private final ResolvedPipeline pipeline;
    private final RunContext context;
    private final RunProgress progress;

    @Inject
    AdaptStage(ResolvedPipeline pipeline, RunContext context, RunProgress progress) {
        this.pipeline = pipeline;
        this.context = context;
        this.progress = progress;
    }

    /** Whether an adapter left every feature as it was (it weighted rows, say), so rows predicted later need nothing of it. */
    private static boolean sameFeatures(Dataset before, Dataset after) {
        if (!before.schema().features().equals(after.schema().features())) {
            return false;
        }
        return before.features() == after.features()
                || before.features().sub(after.features()).amaxNumber().doubleValue() == 0;
    }

    @Override
    public String name() {
        return "adapt";
    }

    @Override
    public void run(PipelineState state) {
        long seed = context.seedFor("domain-gap");
        Optional<DomainGap> gapBefore = DomainGap.measure(state.data, seed);
        for (Resolved<DomainAdapter> adapter : pipeline.adapt()) {
            Dataset before = state.data;
            Dataset after;
            if (adapter.component() instanceof TransformingDomainAdapter transforming) {
                DomainTransform fitted = transforming.fit(before);
                after = fitted.apply(before);
                state.adaptations.add(new SavedAdaptation(adapter.spec().type(), AdaptationAtPrediction.TRANSFORM, fitted.state()));
            } else {
                after = adapter.component().adapt(before);
                state.adaptations.add(new SavedAdaptation(adapter.spec().type(), sameFeatures(before, after)
                        ? AdaptationAtPrediction.NONE : AdaptationAtPrediction.UNSAVED, Map.of()));
            }
            StageChecks.sameRows(before, after, adapter);
            state.data = after;
            progress.note("adapt: " + adapter.label() + " applied");
        }
        if (gapBefore.isPresent()) {
            state.domainGapBefore = gapBefore.get();
            state.domainGapAfter = pipeline.adapt().isEmpty() ? gapBefore.get() : DomainGap.measure(state.data, seed).orElseThrow();
            progress.note(String.format("domain gap before -> after adaptation: covariance distance %.4g -> %.4g, "
                            + "MMD (RBF) %.4g -> %.4g, domain classifier accuracy %.3f -> %.3f",
                    state.domainGapBefore.covarianceDistance(), state.domainGapAfter.covarianceDistance(),
                    state.domainGapBefore.mmdRbf(), state.domainGapAfter.mmdRbf(),
                    state.domainGapBefore.domainClassifierAccuracy(), state.domainGapAfter.domainClassifierAccuracy()));
        }
    }
}
