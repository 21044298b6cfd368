package dev.fulcrum.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.FulcrumVersion;
import dev.fulcrum.core.host.FulcrumHost;
import dev.fulcrum.core.host.PluginInfo;
import dev.fulcrum.core.run.Digests;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.threads.BlasCheck;
import dev.fulcrum.core.threads.NativeBuild;
import dev.fulcrum.core.threads.ThreadSettings;
import dev.fulcrum.core.train.StartingPointSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/** Builds {@code provenance.json}: everything needed to know what produced a run, and to redo it. */
final class ProvenanceBuilder {

    private ProvenanceBuilder() {
    }

    /**
     * @param startedFrom the saved theta_0 the run started from, or {@code null}
     * @param resumedFrom where each training session of a resumed run picked up, or a JSON null
     */
    static ObjectNode build(ResolvedPipeline pipeline, FulcrumHost host, Collection<Path> inputs,
                            ThreadSettings threads, BlasCheck blas, Optional<StudyTrial> trial, StartingPointSource startedFrom,
                            JsonNode resumedFrom) {
        ObjectNode provenance = Json.object();
        provenance.put("fulcrum_version", FulcrumVersion.fulcrum());
        provenance.put("seed", pipeline.seed());
        provenance.put("config", "config.yaml");
        ArrayNode plugins = provenance.putArray("plugins");
        for (String id : pipeline.pluginIds()) {
            PluginInfo plugin = host.plugin(id);
            plugins.addObject().put("id", plugin.id()).put("version", plugin.version())
                    .put("jar", plugin.jar().getFileName().toString()).put("sha256", plugin.sha256());
        }
        host.lock().ifPresentOrElse(
                lock -> provenance.putObject("plugins_lock").put("path", lock.file().toAbsolutePath().normalize().toString())
                        .put("sha256", lock.sha256()),
                () -> provenance.putNull("plugins_lock"));
        // A corrections file of feedback: is an input like a data file, marked so that a reader tells them apart.
        java.util.Set<Path> corrections = new java.util.HashSet<>();
        pipeline.feedback().forEach(entry -> corrections.add(entry.spec().file().toAbsolutePath().normalize()));
        ArrayNode data = provenance.putArray("data_files");
        inputs.stream().sorted().forEach(file -> data.addObject().put("path", file.toString())
                .put("sha256", Digests.sha256(file)).put("bytes", size(file))
                .put("role", corrections.contains(file) ? "feedback" : "data"));
        if (startedFrom == null) {
            provenance.putNull("starting_point");
        } else {
            provenance.putObject("starting_point").put("file", startedFrom.file().toString()).put("sha256", startedFrom.sha256());
        }
        provenance.putObject("libraries")
                .put("deeplearning4j", FulcrumVersion.dl4j())
                .put("nd4j", FulcrumVersion.dl4j())
                .put("pf4j", FulcrumVersion.pf4j());
        provenance.putObject("jvm")
                .put("version", System.getProperty("java.version"))
                .put("vendor", System.getProperty("java.vendor"))
                .put("vm", System.getProperty("java.vm.name"))
                .put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        provenance.putObject("os")
                .put("name", System.getProperty("os.name"))
                .put("arch", System.getProperty("os.arch"));
        ObjectNode threadNode = provenance.putObject("threads");
        threadNode.setAll((ObjectNode) Json.tree(threads.describe()));
        threadNode.put("blas_check_max_error", blas.maxError());
        provenance.set("native", Json.tree(NativeBuild.describe()));
        trial.ifPresent(t -> provenance.set("study", t.provenance()));
        provenance.set("resumed_from", resumedFrom);
        return provenance;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
