package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.RunFolder;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.core.train.Checkpoints;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What makes a run's numbers what they are besides its config: its seed, the SHA-256 of each plugin jar it
 * uses, and the native backend with its thread settings (a BLAS with other threads may sum in another order).
 * Saved beside the checkpoints ({@code checkpoints/identity.json}); a resume with another identity would not
 * continue the same computation, so it is refused naming each difference.
 */
record RunIdentity(long seed, Map<String, String> plugins, Map<String, String> backend) {

    static final String FILE = Checkpoints.FOLDER + "/identity.json";

    static RunIdentity of(ResolvedPipeline pipeline, FulcrumHost host, ThreadSettings threads) {
        Map<String, String> plugins = new TreeMap<>();
        pipeline.pluginIds().forEach(id -> plugins.put(id, host.plugin(id).sha256()));
        Map<String, String> backend = new TreeMap<>();
        backend.put("nd4j_backend", Nd4j.getBackend().getClass().getName());
        backend.put("blas_vendor", String.valueOf(Nd4j.factory().blas().getBlasVendor()));
        backend.put("blas_threads", Integer.toString(threads.blasThreads()));
        backend.put("nd4j_omp_threads", Integer.toString(threads.ompThreads()));
        return new RunIdentity(pipeline.seed(), plugins, backend);
    }

    void write(RunFolder folder) {
        ObjectNode node = Json.object().put("seed", seed);
        node.set("plugins", Json.tree(plugins));
        node.set("backend", Json.tree(backend));
        folder.writeText(FILE, Json.pretty(node));
    }

    /** The identity an earlier process of the run saved, or {@code null} where it saved none. */
    static RunIdentity read(Path run) {
        Path file = run.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(file.toFile());
            return new RunIdentity(node.get("seed").asLong(), strings(node.get("plugins")), strings(node.get("backend")));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file + ": not a run identity (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new TreeMap<>();
        node.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    /** Each way {@code now} differs from this identity, as {@code what: then -> now}. */
    List<String> differences(RunIdentity now) {
        List<String> differences = new ArrayList<>();
        if (seed != now.seed) {
            differences.add("seed: " + seed + " -> " + now.seed);
        }
        compare("plugin ", plugins, now.plugins, differences);
        compare("backend ", backend, now.backend, differences);
        return differences;
    }

    private static void compare(String prefix, Map<String, String> then, Map<String, String> now, List<String> differences) {
        TreeSet<String> keys = new TreeSet<>(then.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            if (!Objects.equals(then.get(key), now.get(key))) {
                differences.add(prefix + key + ": " + Objects.requireNonNullElse(then.get(key), "(none)") + " -> "
                        + Objects.requireNonNullElse(now.get(key), "(none)"));
            }
        }
    }
}
