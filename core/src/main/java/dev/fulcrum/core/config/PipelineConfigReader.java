package dev.fulcrum.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigLimits;
import dev.fulcrum.runtime.config.ConfigPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a pipeline file, applies overrides and checks its structure: which keys exist, which are
 * lists, which name components. Component types and params are checked later, against plugins.
 */
public final class PipelineConfigReader {

    /** The section {@code fulcrum tune} reads; {@code fulcrum run} ignores it. */
    public static final String TUNE = "tune";

    private static final Set<String> KEYS = Set.of("name", "description", "seed", "data", "split", "features", "adapt",
            "mitigate", "augment", "model", "strategy", "ensemble", "budget", "checkpoint", "audit", "report", FeedbackSectionReader.SECTION, TUNE);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private PipelineConfigReader() {
    }

    /**
     * @param seed a seed from the command line, or {@code null} to keep the config's
     */
    public static PipelineConfig read(Path file, List<String> overrides, Long seed) {
        String text;
        try {
            text = ConfigLimits.text(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such pipeline file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        ConfigDocument document = ConfigDocument.parse(text, file.toString());
        Overrides.apply(document, overrides);
        if (seed != null) {
            document.set(ConfigPath.ROOT.child("seed"), JsonNodeFactory.instance.numberNode(seed), "--seed " + seed);
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        PipelineConfig config = structure(document, defaultName(file), folder);
        // Only a pipeline file's corrections must exist now: a saved run's config may travel without them.
        FeedbackSectionReader.requireFiles(document, config.feedback());
        return config;
    }

    /**
     * Reads pipeline YAML that is not in a file of its own (a saved model's config, say).
     *
     * @param folder the folder relative paths resolve against
     */
    public static PipelineConfig parse(String text, String sourceName, String defaultName, Path folder) {
        return structure(ConfigDocument.parse(text, sourceName), defaultName, folder);
    }

    /**
     * The pipeline with {@code change} applied to a copy of its document (a trial's values set with
     * their origin), its structure checked again; {@code base} stays as it is.
     */
    public static PipelineConfig changed(PipelineConfig base, Consumer<ConfigDocument> change) {
        ConfigDocument document = base.document().copy();
        change.accept(document);
        return structure(document, base.name(), base.folder());
    }

    private static String defaultName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static PipelineConfig structure(ConfigDocument document, String defaultName, Path folder) {
        ObjectNode root = document.root();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw document.error(ConfigPath.ROOT.child(key), "unknown key; a pipeline has " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        String name = text(document, ConfigPath.ROOT.child("name"), defaultName);
        if (!NAME.matcher(name).matches()) {
            throw document.error(ConfigPath.ROOT.child("name"), "use letters, digits, '.', '_' and '-' only (it names the run folder), got \"" + name + "\"");
        }
        long seed = seed(document);
        ConfigPath data = ConfigPath.ROOT.child("data");
        JsonNode dataNode = root.get("data");
        if (dataNode == null || !dataNode.isObject()) {
            throw document.error(data, "missing: a pipeline needs data.specific (and may have data.general)");
        }
        for (Iterator<String> names = dataNode.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!key.equals("specific") && !key.equals("general")) {
                throw document.error(data.child(key), "unknown key; data has specific and general");
            }
        }
        ComponentSpec specific = component(document, Family.DATA, data.child("specific"), true);
        ComponentSpec general = component(document, Family.DATA, data.child("general"), false);
        ComponentSpec split = paramsOnly(document, ConfigPath.ROOT.child("split"));
        return new PipelineConfig(name, seed, specific, general, split,
                list(document, Family.FEATURES), list(document, Family.ADAPT), list(document, Family.MITIGATE),
                list(document, Family.AUGMENT),
                component(document, Family.MODEL, ConfigPath.ROOT.child("model"), true),
                component(document, Family.STRATEGY, ConfigPath.ROOT.child("strategy"), true),
                optionalParams(document, ConfigPath.ROOT.child("ensemble")),
                optionalParams(document, ConfigPath.ROOT.child("budget")),
                optionalParams(document, ConfigPath.ROOT.child("checkpoint")),
                list(document, Family.AUDIT), list(document, Family.REPORT), FeedbackSectionReader.read(document, folder),
                folder, document);
    }

    private static String text(ConfigDocument document, ConfigPath path, String fallback) {
        JsonNode node = document.at(path);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw document.error(path, "expected string, got " + node);
        }
        return node.asText();
    }

    private static long seed(ConfigDocument document) {
        ConfigPath path = ConfigPath.ROOT.child("seed");
        JsonNode node = document.at(path);
        if (node.isMissingNode() || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw document.error(path, "expected integer, got " + node);
        }
        return node.asLong();
    }

    private static ComponentSpec component(ConfigDocument document, Family family, ConfigPath path, boolean required) {
        JsonNode node = document.at(path);
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                throw document.error(path, "missing: give a " + family.noun() + " as a mapping with a type");
            }
            return null;
        }
        if (!node.isObject()) {
            throw document.error(path, "expected a mapping with a type, got " + describe(node));
        }
        JsonNode type = node.get("type");
        if (type == null || type.isNull()) {
            throw document.error(path.child("type"), "missing: every " + family.noun() + " names its type");
        }
        if (!type.isTextual()) {
            throw document.error(path.child("type"), "expected string, got " + type);
        }
        ObjectNode params = ((ObjectNode) node).deepCopy();
        params.remove("type");
        return new ComponentSpec(family, path, type.asText(), params);
    }

    /** A mapping of params with no type, such as {@code split}. */
    private static ComponentSpec paramsOnly(ConfigDocument document, ConfigPath path) {
        JsonNode node = document.at(path);
        if (node.isMissingNode() || node.isNull()) {
            return new ComponentSpec(null, path, null, JsonNodeFactory.instance.objectNode());
        }
        if (!node.isObject()) {
            throw document.error(path, "expected a mapping, got " + describe(node));
        }
        return new ComponentSpec(null, path, null, ((ObjectNode) node).deepCopy());
    }

    /** Like {@link #paramsOnly}, but {@code null} where the config leaves the section out. */
    private static ComponentSpec optionalParams(ConfigDocument document, ConfigPath path) {
        JsonNode node = document.at(path);
        return node.isMissingNode() || node.isNull() ? null : paramsOnly(document, path);
    }

    /** A family that takes a list of components; a single mapping counts as a list of one. */
    private static List<ComponentSpec> list(ConfigDocument document, Family family) {
        ConfigPath path = ConfigPath.ROOT.child(family.key());
        JsonNode node = document.at(path);
        List<ComponentSpec> specs = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return specs;
        }
        if (node.isObject()) {
            specs.add(component(document, family, path, true));
            return specs;
        }
        if (!node.isArray()) {
            throw document.error(path, "expected a list of " + family.noun() + "s, got " + describe(node));
        }
        for (int i = 0; i < node.size(); i++) {
            specs.add(component(document, family, path.child(i), true));
        }
        return specs;
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.toString();
    }
}
