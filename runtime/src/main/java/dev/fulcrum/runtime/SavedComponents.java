package dev.fulcrum.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.adapt.DomainAdapter;
import dev.fulcrum.api.adapt.DomainAdapterFactory;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.features.FeatureExtractorFactory;
import dev.fulcrum.api.mitigate.Mitigator;
import dev.fulcrum.api.mitigate.MitigatorFactory;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the components of a saved pipeline config again, as the host made them for the run: each
 * {@code type} looked up in a {@link FactoryLookup}, its params bound by the same binder (so a fault
 * reads {@code model.zip!fulcrum/pipeline.yaml:7: features[0].per: ...}), nested feature extractors
 * made under their parent.
 */
final class SavedComponents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FactoryLookup factories;
    private final ConfigDocument document;
    private final ParamsBinder binder;
    private final long seed;
    private final Path folder;

    SavedComponents(FactoryLookup factories, ConfigDocument document, Path folder) {
        this.factories = factories;
        this.document = document;
        this.binder = new ParamsBinder(folder);
        this.seed = document.root().path("seed").asLong(0);
        this.folder = folder;
    }

    /** The feature extractors of {@code features}, in order. */
    List<FeatureExtractor> featureExtractors() {
        return makeAll("features", FeatureExtractorFactory.class, FeatureExtractor.class);
    }

    /** The domain adapters of {@code adapt}, in order. */
    List<DomainAdapter> domainAdapters() {
        return makeAll("adapt", DomainAdapterFactory.class, DomainAdapter.class);
    }

    /** The mitigators of {@code mitigate}, in order. */
    List<Mitigator> mitigators() {
        return makeAll("mitigate", MitigatorFactory.class, Mitigator.class);
    }

    private <T> List<T> makeAll(String key, Class<?> family, Class<T> kind) {
        List<T> made = new ArrayList<>();
        JsonNode list = document.root().path(key);
        for (int i = 0; i < list.size(); i++) {
            made.add(kind.cast(make(ConfigPath.ROOT.child(key).child(i), list.get(i), family)));
        }
        return made;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object make(ConfigPath path, JsonNode mapping, Class<?> family) {
        JsonNode type = mapping.get("type");
        if (type == null || !type.isTextual()) {
            throw document.error(path.child("type"), "missing: every component names its type");
        }
        ComponentFactory factory = factories.find(family, type.asText()).orElseThrow(() -> document.error(
                path.child("type"), factories.unknownType(family, type.asText())));
        ObjectNode params = ((ObjectNode) mapping).deepCopy();
        params.remove("type");
        Record bound = (Record) binder.bind(params, factory.paramsType(), path, document);
        try {
            Object component = factory.create(bound, new RestoreContext(seed, folder, path, this::makeNested));
            if (component == null) {
                throw new IllegalStateException("factory " + type.asText() + " (" + factory.getClass().getName() + ") made nothing");
            }
            return component;
        } catch (InvalidParamsException e) {
            throw document.error(path.resolve(e.field()), e.problem());
        }
    }

    private FeatureExtractor makeNested(ConfigPath at, Map<String, Object> mapping) {
        return (FeatureExtractor) make(at, MAPPER.valueToTree(mapping), FeatureExtractorFactory.class);
    }
}
