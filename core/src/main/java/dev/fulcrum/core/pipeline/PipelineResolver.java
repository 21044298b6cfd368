package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.ComponentFactory;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.RunContext;
import dev.fulcrum.api.data.DataSource;
import dev.fulcrum.api.features.FeatureExtractor;
import dev.fulcrum.api.mitigate.Mitigator;
import dev.fulcrum.api.mitigate.PostProcessingMitigator;
import dev.fulcrum.core.config.ComponentSpec;
import dev.fulcrum.core.config.BudgetConfig;
import dev.fulcrum.core.config.CheckpointConfig;
import dev.fulcrum.core.config.EnsembleConfig;
import dev.fulcrum.core.config.FeedbackSpec;
import dev.fulcrum.core.config.PipelineConfig;
import dev.fulcrum.core.config.SplitConfig;
import dev.fulcrum.core.feedback.CorrectionsFormat;
import dev.fulcrum.core.feedback.CorrectionsReader;
import dev.fulcrum.core.host.FactoryCatalog;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;
import dev.fulcrum.runtime.config.ParamsBinder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Makes every component of a pipeline config through the factories of the loaded plugins. */
public final class PipelineResolver {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PipelineResolver.class);

    private final FactoryCatalog catalog;

    public PipelineResolver(FactoryCatalog catalog) {
        this.catalog = catalog;
    }

    public ResolvedPipeline resolve(PipelineConfig config, RunContext context) {
        ParamsBinder binder = new ParamsBinder(config.folder());
        ConfigDocument document = config.document();
        SplitConfig split = binder.bind(config.split().params(), SplitConfig.class, config.split().path(), document);
        Optional<EnsembleConfig> ensemble = Optional.ofNullable(config.ensemble())
                .map(spec -> binder.bind(spec.params(), EnsembleConfig.class, spec.path(), document));
        Optional<BudgetConfig> budget = Optional.ofNullable(config.budget())
                .map(spec -> binder.bind(spec.params(), BudgetConfig.class, spec.path(), document));
        if (ensemble.isPresent() && budget.isPresent()) {
            throw document.error(config.budget().path(), "a budget limits one model's training, and an output ensemble "
                    + "trains several; drop the budget or the ensemble");
        }
        CheckpointConfig checkpoint = Optional.ofNullable(config.checkpoint())
                .map(spec -> binder.bind(spec.params(), CheckpointConfig.class, spec.path(), document)).orElse(CheckpointConfig.DEFAULT);
        Creator creator = new Creator(binder, document, context);
        ResolvedPipeline pipeline = new ResolvedPipeline(config, split,
                creator.make(config.specific()),
                Optional.ofNullable(config.general()).map(creator::make),
                creator.makeAll(config.features()), creator.makeAll(config.adapt()), mitigators(creator, config, document),
                creator.makeAll(config.augment()),
                creator.make(config.model()), creator.make(config.strategy()), ensemble, budget, checkpoint,
                creator.makeAll(config.audit()), creator.makeAll(config.report()),
                feedback(config, creator), Json.object());
        if (ensemble.isPresent() && pipeline.postProcessing().isPresent()) {
            throw document.error(config.ensemble().path(), "an output ensemble has no single model.zip to save "
                    + pipeline.postProcessing().get().label() + "'s decision rule in; drop the post-processing mitigator or the ensemble");
        }
        writeResolvedConfig(pipeline, binder, creator.nested);
        return pipeline;
    }

    /** Reads each corrections file (a bad one fails here, before any run folder) and makes its pool's source. */
    private static List<ResolvedFeedback> feedback(PipelineConfig config, Creator creator) {
        List<ResolvedFeedback> feedback = new ArrayList<>();
        for (FeedbackSpec spec : config.feedback()) {
            Optional<Resolved<DataSource>> pool = Optional.ofNullable(spec.pool()).map(creator::make);
            feedback.add(new ResolvedFeedback(spec, CorrectionsReader.read(spec), pool));
        }
        return feedback;
    }

    private static List<Resolved<Mitigator>> mitigators(Creator creator, PipelineConfig config, ConfigDocument document) {
        List<Resolved<Mitigator>> mitigators = creator.makeAll(config.mitigate());
        List<Resolved<Mitigator>> postProcessing = mitigators.stream()
                .filter(m -> m.component() instanceof PostProcessingMitigator).toList();
        if (postProcessing.size() > 1) {
            throw document.error(postProcessing.get(1).spec().path(), "a pipeline has at most one post-processing mitigator; "
                    + postProcessing.get(0).label() + " is one already");
        }
        return mitigators;
    }

    /**
     * Makes one component that sits outside the pipeline's stages (a study's sampler or pruner), from
     * the pipeline's document, its type and params checked as every component's are.
     */
    public <T> Resolved<T> component(ComponentSpec spec, PipelineConfig config, RunContext context) {
        return new Creator(new ParamsBinder(config.folder()), config.document(), context).make(spec);
    }

    /** Makes only the mitigators of a pipeline (to restore a saved model's decision rule). */
    public List<Resolved<Mitigator>> mitigators(PipelineConfig config, RunContext context) {
        ParamsBinder binder = new ParamsBinder(config.folder());
        return new Creator(binder, config.document(), context).makeAll(config.mitigate());
    }

    /** Makes only the feature extractors of a pipeline (to apply a saved model's transforms). */
    public List<Resolved<FeatureExtractor>> features(PipelineConfig config, RunContext context) {
        ParamsBinder binder = new ParamsBinder(config.folder());
        return new Creator(binder, config.document(), context).makeAll(config.features());
    }

    private final class Creator {
        private final ParamsBinder binder;
        private final ConfigDocument document;
        private final RunContext context;
        /** Components nested in others' params, resolved, by their place in the config. */
        private final Map<ConfigPath, ObjectNode> nested = new LinkedHashMap<>();

        Creator(ParamsBinder binder, ConfigDocument document, RunContext context) {
            this.binder = binder;
            this.document = document;
            this.context = context;
        }

        <T> List<Resolved<T>> makeAll(List<ComponentSpec> specs) {
            List<Resolved<T>> made = new ArrayList<>();
            for (ComponentSpec spec : specs) {
                made.add(make(spec));
            }
            return made;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        <T> Resolved<T> make(ComponentSpec spec) {
            FactoryCatalog.Entry entry = catalog.find(spec.family(), spec.type()).orElseThrow(() -> document.error(
                    spec.path().child("type"), catalog.unknownType(spec.family(), spec.type())));
            ComponentFactory factory = entry.factory();
            Record params = (Record) binder.bind(spec.params(), factory.paramsType(), spec.path(), document);
            T component;
            try {
                component = (T) factory.create(params, new ComponentContext(context, spec.path(), this::makeNested));
            } catch (InvalidParamsException e) {
                throw document.error(spec.path().resolve(e.field()), e.problem());
            } catch (InvalidInputException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                // A plugin's own code broke: name the plugin and its jar in one line; the stack trace goes to the debug log.
                log.debug("plugin {} failed making {}", entry.pluginId(), spec.path(), e);
                throw document.error(spec.path(), "plugin " + entry.pluginId() + " (" + entry.jar() + ") failed making its "
                        + spec.family().noun() + " \"" + spec.type() + "\": " + e);
            }
            if (component == null) {
                throw new IllegalStateException("factory " + spec.type() + " of plugin " + entry.pluginId() + " made nothing");
            }
            return new Resolved<>(spec, entry, params, component);
        }

        private FeatureExtractor makeNested(ConfigPath at, Map<String, Object> mapping) {
            JsonNode node = Json.MAPPER.valueToTree(mapping);
            JsonNode type = node.get("type");
            if (type == null || !type.isTextual()) {
                throw document.error(at.child("type"), "missing: every " + Family.FEATURES.noun() + " names its type");
            }
            ObjectNode params = ((ObjectNode) node).deepCopy();
            params.remove("type");
            Resolved<FeatureExtractor> made = make(new ComponentSpec(Family.FEATURES, at, type.asText(), params));
            nested.put(at, resolvedComponent(made, binder));
            return made.component();
        }
    }

    private static void writeResolvedConfig(ResolvedPipeline pipeline, ParamsBinder binder, Map<ConfigPath, ObjectNode> nested) {
        ObjectNode root = pipeline.resolvedConfig();
        root.put("name", pipeline.name());
        root.put("seed", pipeline.seed());
        ObjectNode data = root.putObject("data");
        data.set("specific", resolvedComponent(pipeline.specific(), binder));
        pipeline.general().ifPresent(general -> data.set("general", resolvedComponent(general, binder)));
        root.set("split", binder.unbind(pipeline.split()));
        root.set("features", resolvedList(pipeline.features(), binder));
        root.set("adapt", resolvedList(pipeline.adapt(), binder));
        root.set("mitigate", resolvedList(pipeline.mitigate(), binder));
        root.set("augment", resolvedList(pipeline.augment(), binder));
        root.set("model", resolvedComponent(pipeline.model(), binder));
        root.set("strategy", resolvedComponent(pipeline.strategy(), binder));
        pipeline.ensemble().ifPresent(ensemble -> root.set("ensemble", binder.unbind(ensemble)));
        pipeline.budget().ifPresent(budget -> root.set("budget", binder.unbind(budget)));
        if (pipeline.config().checkpoint() != null) {
            root.set("checkpoint", binder.unbind(pipeline.checkpoint()));
        }
        root.set("audit", resolvedList(pipeline.audit(), binder));
        root.set("report", resolvedList(pipeline.report(), binder));
        if (!pipeline.feedback().isEmpty()) {
            ArrayNode feedback = root.putArray("feedback");
            pipeline.feedback().forEach(entry -> feedback.add(resolvedFeedback(entry, binder)));
        }
        // Shallower first: a nested component's resolved params replace the raw mapping that its resolved parent still holds.
        nested.entrySet().stream().sorted(java.util.Comparator.comparingInt(e -> e.getKey().segments().size()))
                .forEach(e -> setAt(root, e.getKey(), e.getValue()));
    }

    private static void setAt(ObjectNode root, ConfigPath path, ObjectNode value) {
        JsonNode parent = root.at(path.parent().pointer());
        Object last = path.segments().get(path.segments().size() - 1);
        if (parent instanceof ArrayNode list && last instanceof Integer index) {
            list.set(index, value);
        } else if (parent instanceof ObjectNode mapping) {
            mapping.set(last.toString(), value);
        }
    }

    /** A feedback entry with its format and pool filled in; the file absolute, as the run read it. */
    private static ObjectNode resolvedFeedback(ResolvedFeedback entry, ParamsBinder binder) {
        FeedbackSpec spec = entry.spec();
        ObjectNode node = Json.object().put("file", spec.file().toString()).put("format", entry.file().format().label());
        if (spec.task() != null) {
            node.put("task", spec.task());
        }
        node.put("test-corrections", spec.testCorrections());
        entry.pool().ifPresent(pool -> node.set("pool", resolvedComponent(pool, binder)));
        if (entry.file().format() == CorrectionsFormat.LABEL_STUDIO) {
            node.put("id-field", spec.idField()).put("label-field", spec.labelField());
        }
        return node;
    }

    private static ArrayNode resolvedList(List<? extends Resolved<?>> components, ParamsBinder binder) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        components.forEach(component -> list.add(resolvedComponent(component, binder)));
        return list;
    }

    private static ObjectNode resolvedComponent(Resolved<?> component, ParamsBinder binder) {
        ObjectNode node = Json.object().put("type", component.spec().type());
        node.setAll(binder.unbind(component.params()));
        return node;
    }
}
