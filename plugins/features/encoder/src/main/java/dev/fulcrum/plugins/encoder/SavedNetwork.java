package dev.fulcrum.plugins.encoder;

import dev.fulcrum.api.InvalidInputException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The network of a Fulcrum {@code model.zip}, as DL4J's ModelSerializer wrote it, with what Fulcrum
 * wrote beside it in {@code fulcrum/model.json}: the trunk's layer names and the columns the network
 * takes (the schema after the run's own feature extractors). ND4J's shaded Jackson reads the JSON,
 * since the host provides ND4J to plugins.
 */
record SavedNetwork(ComputationGraph graph, List<String> trunk, List<String> inputColumns) {

    private static final String DESCRIPTION = "fulcrum/model.json";

    static SavedNetwork load(Path archive) {
        JsonNode description;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.getEntry(DESCRIPTION);
            if (entry == null) {
                throw new InvalidInputException("encoder: " + archive + " has no " + DESCRIPTION + "; was it saved by a Fulcrum run?");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                description = new ObjectMapper().readTree(in);
            }
        } catch (IOException e) {
            throw new InvalidInputException("encoder: cannot read " + archive + ": " + e.getMessage(), e);
        }
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(archive.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("encoder: cannot read the network in " + archive + ": " + e.getMessage(), e);
        }
        List<String> columns = new ArrayList<>();
        description.path("schema").path("features").forEach(feature -> columns.add(feature.path("name").asText()));
        List<String> trunk = new ArrayList<>();
        description.path("trunk").forEach(layer -> trunk.add(layer.asText()));
        if (trunk.isEmpty()) {
            throw new InvalidInputException("encoder: the model in " + archive + " has no trunk layers to encode with");
        }
        return new SavedNetwork(graph, trunk, columns);
    }
}
