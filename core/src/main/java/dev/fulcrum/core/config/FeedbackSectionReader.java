package dev.fulcrum.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.Tasks;
import dev.fulcrum.core.host.Family;
import dev.fulcrum.runtime.config.ConfigDocument;
import dev.fulcrum.runtime.config.ConfigPath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Checks the structure of a pipeline's {@code feedback:} list: keys, types, formats, tasks. */
final class FeedbackSectionReader {

    static final String SECTION = "feedback";
    static final Set<String> FORMATS = Set.of("review", "csv", "label-studio");
    private static final Set<String> KEYS = Set.of("file", "format", "task", "test-corrections", "pool", "id-field", "label-field");

    private FeedbackSectionReader() {
    }

    static List<FeedbackSpec> read(ConfigDocument document, Path folder) {
        ConfigPath section = ConfigPath.ROOT.child(SECTION);
        JsonNode node = document.at(section);
        List<FeedbackSpec> specs = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return specs;
        }
        if (!node.isArray()) {
            throw document.error(section, "expected a list of corrections files, each a mapping with a file, got "
                    + (node.isObject() ? "a mapping" : node.toString()));
        }
        for (int i = 0; i < node.size(); i++) {
            specs.add(entry(document, section.child(i), node.get(i), folder));
        }
        return specs;
    }

    private static FeedbackSpec entry(ConfigDocument document, ConfigPath path, JsonNode node, Path folder) {
        if (!node.isObject()) {
            throw document.error(path, "expected a mapping with a file, got " + (node.isArray() ? "a list" : node.toString()));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw document.error(path.child(key), "unknown key; a feedback entry has " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        String file = text(document, path.child("file"), node);
        if (file == null) {
            throw document.error(path.child("file"), "missing: every feedback entry names its corrections file");
        }
        String format = text(document, path.child("format"), node);
        if (format != null && !FORMATS.contains(format)) {
            throw document.error(path.child("format"), "expected review, csv or label-studio, got \"" + format + "\"");
        }
        String task = text(document, path.child("task"), node);
        if (task != null && !task.equals(Tasks.SPECIFIC) && !task.equals(Tasks.GENERAL)) {
            throw document.error(path.child("task"), "expected specific or general, got \"" + task + "\"");
        }
        JsonNode test = node.get("test-corrections");
        if (test != null && !test.isNull() && !test.isBoolean()) {
            throw document.error(path.child("test-corrections"), "expected true or false, got " + test);
        }
        ComponentSpec pool = null;
        JsonNode poolNode = node.get("pool");
        if (poolNode != null && !poolNode.isNull()) {
            pool = pool(document, path.child("pool"), poolNode);
        }
        String idField = text(document, path.child("id-field"), node);
        String labelField = text(document, path.child("label-field"), node);
        return new FeedbackSpec(path, folder.resolve(file).normalize(), format, task, test != null && test.asBoolean(false),
                pool, idField == null ? "fulcrum_id" : idField, labelField == null ? "label" : labelField);
    }

    /** Every corrections file must exist before the run starts, like a data file. */
    static void requireFiles(ConfigDocument document, List<FeedbackSpec> specs) {
        for (FeedbackSpec spec : specs) {
            if (!Files.isRegularFile(spec.file())) {
                throw document.error(spec.path().child("file"), "no such corrections file: " + spec.file());
            }
        }
    }

    private static ComponentSpec pool(ConfigDocument document, ConfigPath path, JsonNode node) {
        if (!node.isObject()) {
            throw document.error(path, "expected a data-source mapping with a type, got " + (node.isArray() ? "a list" : node.toString()));
        }
        JsonNode type = node.get("type");
        if (type == null || type.isNull()) {
            throw document.error(path.child("type"), "missing: every " + Family.DATA.noun() + " names its type");
        }
        if (!type.isTextual()) {
            throw document.error(path.child("type"), "expected string, got " + type);
        }
        ObjectNode params = ((ObjectNode) node).deepCopy();
        params.remove("type");
        return new ComponentSpec(Family.DATA, path, type.asText(), params);
    }

    private static String text(ConfigDocument document, ConfigPath path, JsonNode parent) {
        JsonNode value = parent.get(path.segments().get(path.segments().size() - 1).toString());
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw document.error(path, "expected string, got " + value);
        }
        return value.asText();
    }
}
