package dev.fulcrum.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.data.Feature;
import dev.fulcrum.api.data.ImageShape;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;

import java.util.ArrayList;
import java.util.List;

/** A schema as JSON, for {@code model.zip}, and back. */
public final class SchemaJson {

    private SchemaJson() {
    }

    public static ObjectNode write(Schema schema) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode features = node.putArray("features");
        schema.features().forEach(f -> {
            ObjectNode feature = features.addObject().put("name", f.name()).put("origin", f.origin());
            if (f.isCategorical()) {
                feature.set("categories", array(f.categories()));
            }
        });
        ArrayNode tasks = node.putArray("tasks");
        schema.tasks().forEach(t -> tasks.addObject().put("name", t.name()).set("classes", array(t.classes())));
        node.set("domains", array(schema.domains()));
        schema.image().ifPresent(image -> node.putObject("image").put("channels", image.channels())
                .put("height", image.height()).put("width", image.width()));
        return node;
    }

    public static Schema read(JsonNode node) {
        List<Feature> features = new ArrayList<>();
        node.get("features").forEach(f -> features.add(new Feature(f.get("name").asText(), f.get("origin").asText(),
                f.has("categories") ? texts(f.get("categories")) : List.of())));
        List<Task> tasks = new ArrayList<>();
        node.get("tasks").forEach(t -> tasks.add(new Task(t.get("name").asText(), texts(t.get("classes")))));
        JsonNode image = node.get("image");
        return new Schema(features, tasks, texts(node.get("domains")), image == null ? null
                : new ImageShape(image.get("channels").asInt(), image.get("height").asInt(), image.get("width").asInt()));
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
