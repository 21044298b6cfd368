package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.config.BudgetConfig;
import dev.fulcrum.core.resources.MachineInfo;
import dev.fulcrum.core.resources.MemoryPeaks;
import dev.fulcrum.core.resources.ModelCost;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.threads.NativeBuild;
import dev.fulcrum.core.train.PhaseCost;
import dev.fulcrum.core.train.TrainingBudget;
import dev.fulcrum.math.cost.LayerFlops;

/**
 * The {@code resources} section of {@code summary.json}: what the run cost. Parameters and forward FLOPs
 * of the model by layer, the training FLOPs and samples of each phase, memory peaks, seconds per stage,
 * the machine and its thread settings, and the budget where the pipeline set one.
 */
final class ResourcesSection {

    /** How FLOPs are counted, in the summary beside the figures. */
    static final String CONVENTION = "multiply-add = 2 FLOPs, bias = 1 per output; dense 2*in*out + out; convolution "
            + "2*k_h*k_w*c_in*c_out*h_out*w_out + c_out*h_out*w_out; attention 2*T*d*(3*width + out) + 4*T^2*d; batch norm 4 "
            + "and element-wise scale 2 per value; activations, pooling, softmax and residual sums not counted; training = "
            + LayerFlops.TRAINING_PASSES + " x forward per sample seen (backward ~ 2 x forward, Kaplan et al. 2020, section 2.1); "
            + "a frozen layer (rate 0) still computes its gradients in DL4J, so it costs as much";

    private ResourcesSection() {
    }

    static ObjectNode build(PipelineState state) {
        ObjectNode node = Json.object();
        ObjectNode parameters = node.putObject("parameters");
        ModelCost model = state.modelCost;
        if (model == null) {
            parameters.putNull("total");
            parameters.putNull("trainable");
        } else {
            parameters.put("total", model.parameters());
            parameters.put("trainable", model.layers().stream().mapToLong(ModelCost.LayerCost::trainableParameters).sum());
        }
        ArrayNode byPhase = parameters.putArray("phases");
        state.phaseCosts.forEach(phase -> byPhase.addObject().put("phase", phase.phase()).put("trainable", phase.trainableParameters()));
        ObjectNode forward = node.putObject("forward_flops_per_sample");
        ArrayNode layers = forward.putArray("layers");
        if (model == null) {
            forward.putNull("total");
        } else {
            forward.put("total", model.forwardFlops());
            model.layers().forEach(layer -> layers.addObject().put("layer", layer.layer()).put("kind", layer.kind())
                    .put("parameters", layer.parameters()).put("trainable_parameters", layer.trainableParameters())
                    .put("flops", layer.forwardFlops()));
        }
        forward.put("convention", CONVENTION);
        node.set("training", training(state));
        node.set("memory", memory(state.memory));
        ObjectNode stages = node.putObject("stage_seconds");
        state.stageSeconds.forEach(stages::put);
        MachineInfo machine = MachineInfo.current();
        ObjectNode machineNode = node.putObject("machine").put("cpu", machine.cpu())
                .put("available_processors", machine.availableProcessors()).put("memory_bytes", machine.memoryBytes());
        if (state.threads == null) {
            machineNode.putNull("threads");
        } else {
            machineNode.set("threads", Json.tree(state.threads.describe()));
        }
        machineNode.set("native", Json.tree(NativeBuild.describe()));
        node.set("budget", budget(state.budget));
        return node;
    }

    private static ObjectNode training(PipelineState state) {
        ObjectNode training = Json.object();
        long samples = state.phaseCosts.stream().mapToLong(PhaseCost::samples).sum();
        double fitSeconds = state.phaseCosts.stream().mapToDouble(PhaseCost::fitSeconds).sum();
        training.put("samples", samples);
        Json.putNumber(training, "flops", state.phaseCosts.stream().mapToDouble(PhaseCost::trainingFlops).sum());
        training.put("fit_seconds", fitSeconds);
        Json.putNumber(training, "samples_per_second", fitSeconds > 0 ? samples / fitSeconds : Double.NaN);
        ArrayNode phases = training.putArray("phases");
        for (PhaseCost phase : state.phaseCosts) {
            ObjectNode entry = phases.addObject().put("name", phase.phase()).put("epochs", phase.epochs())
                    .put("samples", phase.samples()).put("fit_seconds", phase.fitSeconds());
            Json.putNumber(entry, "samples_per_second", phase.samplesPerSecond());
            entry.put("forward_flops_per_sample", phase.forwardFlops());
            Json.putNumber(entry, "flops", phase.trainingFlops());
            if (phase.epochs() > 0) {
                entry.put("blas_threads", phase.blasThreads());
            } else {
                entry.putNull("blas_threads");
            }
            if (phase.blasThreadsMeasured().isEmpty()) {
                entry.putNull("blas_threads_measured");
            } else {
                ObjectNode measured = entry.putObject("blas_threads_measured");
                phase.blasThreadsMeasured().forEach((threads, rate) -> Json.putNumber(measured, threads, rate));
            }
        }
        return training;
    }

    private static JsonNode memory(MemoryPeaks.Peaks peaks) {
        if (peaks == null) {
            return NullNode.getInstance();
        }
        ObjectNode node = Json.object().put("heap_peak_bytes", peaks.heap()).put("heap_max_bytes", peaks.heapMax())
                .put("offheap_peak_bytes", peaks.offHeap()).put("javacpp_peak_bytes", peaks.javacpp())
                .put("physical_peak_bytes", peaks.physical());
        if (peaks.processPeakResident() == null) {
            node.putNull("process_peak_rss_bytes");
        } else {
            node.put("process_peak_rss_bytes", peaks.processPeakResident());
        }
        return node.put("samples", peaks.samples()).put("sample_interval_ms", peaks.intervalMs());
    }

    /** {@code {seconds, samples, flops, spent: {seconds, samples, flops}, stopped_by, stopped_at: {phase, epoch, global_epoch}}}. */
    private static JsonNode budget(TrainingBudget budget) {
        if (budget == null || budget.limits().isEmpty() && budget.stop().isEmpty()) {
            return NullNode.getInstance();
        }
        // a trial that its study's budget ended (stopped_by study.<limit>) may have no budget of its own
        BudgetConfig limits = budget.limits().orElse(null);
        ObjectNode node = Json.object();
        putNullable(node, "seconds", limits == null ? null : limits.seconds());
        if (limits == null || limits.samples() == null) {
            node.putNull("samples");
        } else {
            node.put("samples", limits.samples());
        }
        putNullable(node, "flops", limits == null ? null : limits.flops());
        ObjectNode spent = node.putObject("spent");
        spent.put("seconds", budget.seconds()).put("samples", budget.samples());
        Json.putNumber(spent, "flops", budget.flops());
        budget.stop().ifPresentOrElse(stop -> {
            node.put("stopped_by", stop.limit());
            node.putObject("stopped_at").put("phase", stop.phase()).put("epoch", stop.epoch()).put("global_epoch", stop.globalEpoch());
        }, () -> {
            node.putNull("stopped_by");
            node.putNull("stopped_at");
        });
        return node;
    }

    private static void putNullable(ObjectNode node, String name, Double value) {
        if (value == null) {
            node.putNull(name);
        } else {
            Json.putNumber(node, name, value);
        }
    }
}
