package dev.fulcrum.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.adapt.DomainTransform;
import dev.fulcrum.api.adapt.TransformingDomainAdapter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's domain adaptation as a saved model applies it to new rows, after the feature transforms:
 * each transforming adapter's fitted transform, restored through the adapter that made it; adapters
 * that only weighted rows are passed over. An adapter that changed features and saved nothing
 * makes the model refuse new rows, naming it, rather than predict rows the network never saw the
 * like of.
 */
final class RowAdaptation {

    private final Path archive;
    private final List<DomainTransform> transforms;
    /** Adapters that changed the run's features and left nothing to adapt new rows with, as {@code adapt[i] (type)}. */
    private final List<String> unsaved;

    private RowAdaptation(Path archive, List<DomainTransform> transforms, List<String> unsaved) {
        this.archive = archive;
        this.transforms = List.copyOf(transforms);
        this.unsaved = List.copyOf(unsaved);
    }

    /** Reads {@code model.json}'s {@code adapt} records and restores the transforms they name. */
    static RowAdaptation read(Path archive, JsonNode description, ConfigDocument pipeline, SavedComponents components) {
        JsonNode configured = pipeline.root().path("adapt");
        JsonNode records = description.get("adapt");
        List<String> unsaved = new ArrayList<>();
        if (records == null) {
            // Archives written before adapters were saved record none; the adapters they ran cannot be redone.
            for (int i = 0; i < configured.size(); i++) {
                unsaved.add(label(i, configured.get(i).path("type").asText()));
            }
            return new RowAdaptation(archive, List.of(), unsaved);
        }
        if (records.size() != configured.size()) {
            throw new InvalidInputException(archive + ": model.json records " + records.size() + " domain adapters, its pipeline has "
                    + configured.size());
        }
        List<AdaptationAtPrediction> kinds = new ArrayList<>();
        for (JsonNode record : records) {
            try {
                kinds.add(AdaptationAtPrediction.of(record.path("at_prediction").asText()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(archive + ": model.json adapt: " + e.getMessage(), e);
            }
        }
        List<DomainTransform> transforms = new ArrayList<>();
        if (kinds.contains(AdaptationAtPrediction.TRANSFORM)) {
            List<DomainAdapter> adapters = components.domainAdapters();
            List<Map<String, INDArray>> states = ModelZip.readAdaptStates(archive, adapters.size());
            for (int i = 0; i < kinds.size(); i++) {
                if (kinds.get(i) != AdaptationAtPrediction.TRANSFORM) {
                    continue;
                }
                if (!(adapters.get(i) instanceof TransformingDomainAdapter transforming)) {
                    throw new InvalidInputException(archive + ": " + label(i, configured.get(i).path("type").asText())
                            + " saved a transform, but its plugin's adapter no longer restores one");
                }
                transforms.add(transforming.restore(states.get(i)));
            }
        }
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i) == AdaptationAtPrediction.UNSAVED) {
                unsaved.add(label(i, configured.get(i).path("type").asText()));
            }
        }
        return new RowAdaptation(archive, transforms, unsaved);
    }

    private static String label(int index, String type) {
        return ConfigPath.ROOT.child("adapt").child(index) + " (" + type + ")";
    }

    /** The rows adapted as the run adapted its own, each by its domain. */
    Dataset apply(Dataset features) {
        if (!unsaved.isEmpty()) {
            throw new InvalidInputException(archive + ": the run's domain adapters " + unsaved + " changed its features and "
                    + "saved nothing to adapt new rows with (only a TransformingDomainAdapter does), so this model cannot "
                    + "predict new rows as the run predicted its own");
        }
        Dataset data = features;
        for (DomainTransform transform : transforms) {
            data = transform.apply(data);
        }
        return data;
    }
}
