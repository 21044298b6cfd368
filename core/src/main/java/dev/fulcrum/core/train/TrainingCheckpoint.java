package dev.fulcrum.core.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.train.PhaseResult;
import dev.fulcrum.core.run.Digests;
import dev.fulcrum.core.run.Json;
import dev.fulcrum.core.run.ModelArchive;
import dev.fulcrum.runtime.CheckedZip;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything a training session holds after an epoch or a phase, so that a new process continues exactly
 * where it ended: the network's parameters, the updater's state (Adam's moments) and its iteration and epoch
 * counts, the phases done and what they cost, theta_0 where a phase kept it, the budget spent, the run-wide
 * epoch count (from which every shuffle, augmentation and dropout seed derives) and the metrics lines written.
 * The layer rates in effect go with the updater's state, whose layout follows DL4J's updater blocks (runs of
 * layers with the same rate): the state fits only a network with the same rates.
 * Inside a phase, {@link InPhase} adds the epoch loop's own state (early stopping's best epoch and weights).
 * A zip of {@code checkpoint.json} and one ND4J binary entry per array, with fixed entry times, so the same
 * state makes the same bytes.
 */
public record TrainingCheckpoint(int phasesDone, INDArray params, INDArray updaterState, Map<String, Double> layerRates,
                                 int iterationCount,
                                 int epochCount, List<PhaseResult> results, List<PhaseCost> costs,
                                 List<AveragingOutcome> averaging, Map<String, INDArray> startingPoint,
                                 String startingPointPhase, BudgetState budget, int globalEpoch,
                                 List<String> metricsLines, InPhase inPhase) {

    /** The format's version, refused when it is not this one. */
    static final int FORMAT = 1;
    private static final String STATE = "checkpoint.json";
    private static final String ARRAYS = "arrays/";
    private static final ObjectMapper MAPPER = Json.MAPPER;

    /** What the budget had spent. */
    public record BudgetState(long samples, double flops, double seconds, TrainingBudget.Stop stop) {
    }

    /**
     * The epoch loop of phase {@code phasesDone} (from 0) after {@code epochsRun} of its epochs.
     *
     * @param bestParams the weights of the best epoch so far under early stopping, or {@code null}
     * @param seconds    wall seconds the phase had run
     */
    public record InPhase(String phase, int epochsRun, double best, int bestEpoch, INDArray bestParams,
                          List<String> trainedLayers, long samples, double fitSeconds, double seconds) {
    }

    /** The phase it was saved in (inside a phase) or after (at a phase end). */
    public String phase() {
        return inPhase != null ? inPhase.phase() : results.get(results.size() - 1).phase();
    }

    public byte[] toBytes() {
        Map<String, INDArray> arrays = new TreeMap<>();
        arrays.put("params", params);
        if (updaterState != null) {
            arrays.put("updater", updaterState);
        }
        if (startingPoint != null) {
            startingPoint.forEach((name, values) -> arrays.put("theta0/" + name, values));
        }
        ObjectNode state = Json.object();
        state.put("format", FORMAT).put("phases_done", phasesDone).put("iteration_count", iterationCount)
                .put("epoch_count", epochCount).put("global_epoch", globalEpoch);
        state.set("layer_rates", MAPPER.valueToTree(new TreeMap<>(layerRates)));
        state.set("results", MAPPER.valueToTree(results));
        state.set("costs", MAPPER.valueToTree(costs));
        state.set("averaging", MAPPER.valueToTree(averaging));
        state.put("theta0", startingPoint != null);
        state.put("theta0_phase", startingPointPhase);
        state.set("theta0_names", MAPPER.valueToTree(startingPoint == null ? List.of() : List.copyOf(startingPoint.keySet())));
        state.set("budget", MAPPER.valueToTree(budget));
        state.set("metrics_lines", MAPPER.valueToTree(metricsLines));
        if (inPhase != null) {
            if (inPhase.bestParams() != null) {
                arrays.put("best", inPhase.bestParams());
            }
            ObjectNode loop = state.putObject("in_phase");
            loop.put("phase", inPhase.phase()).put("epochs_run", inPhase.epochsRun()).put("best", inPhase.best())
                    .put("best_epoch", inPhase.bestEpoch()).put("samples", inPhase.samples())
                    .put("fit_seconds", inPhase.fitSeconds()).put("seconds", inPhase.seconds());
            loop.set("trained_layers", MAPPER.valueToTree(inPhase.trainedLayers()));
        }
        try {
            Map<String, byte[]> encoded = new TreeMap<>();
            for (Map.Entry<String, INDArray> array : arrays.entrySet()) {
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(data)) {
                    Nd4j.write(array.getValue(), out);
                }
                encoded.put(ARRAYS + array.getKey(), data.toByteArray());
            }
            ObjectNode digests = state.putObject("sha256");
            encoded.forEach((name, content) -> digests.put(name, Digests.sha256(content)));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                put(zip, STATE, MAPPER.writeValueAsBytes(state));
                for (Map.Entry<String, byte[]> entry : encoded.entrySet()) {
                    put(zip, entry.getKey(), entry.getValue());
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stored, not deflated: float arrays barely compress, and deflating them was most of a checkpoint's time. */
    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = ModelArchive.entry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Reads a checkpoint file through {@link CheckedZip}: every entry whole (CRC-checked, the local headers matching
     * the central directory, so a truncated file is refused), none over the caps of a model.
     *
     * @throws InvalidInputException naming the file where it is not a whole checkpoint of this format
     */
    public static TrainingCheckpoint read(Path file) {
        String source = file.toString();
        Map<String, byte[]> entries = CheckedZip.read(file, CheckedZip.Limits.MODEL);
        byte[] stateBytes = entries.get(STATE);
        if (stateBytes == null) {
            throw new InvalidInputException(source + ": not a Fulcrum checkpoint (no " + STATE + ")");
        }
        try {
            JsonNode state = MAPPER.readTree(new String(stateBytes, StandardCharsets.UTF_8));
            if (state.path("format").asInt(-1) != FORMAT) {
                throw new InvalidInputException(source + ": checkpoint format " + state.path("format") + ", this Fulcrum reads "
                        + FORMAT);
            }
            // ND4J's native reader trusts the bytes it is given (a re-zipped, altered array can corrupt the heap):
            // every array must be the one written.
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                if (entry.getKey().startsWith(ARRAYS)
                        && !Digests.sha256(entry.getValue()).equals(state.path("sha256").path(entry.getKey()).asText())) {
                    throw new InvalidInputException(source + ": a damaged checkpoint (" + entry.getKey()
                            + " is not the array written: its SHA-256 differs)");
                }
            }
            Map<String, INDArray> startingPoint = null;
            if (state.path("theta0").asBoolean()) {
                startingPoint = new LinkedHashMap<>();
                for (String name : MAPPER.convertValue(state.get("theta0_names"), new TypeReference<List<String>>() { })) {
                    startingPoint.put(name, array(entries, "theta0/" + name, source));
                }
            }
            JsonNode loop = state.get("in_phase");
            InPhase inPhase = loop == null || loop.isNull() ? null : new InPhase(loop.get("phase").asText(),
                    loop.get("epochs_run").asInt(), loop.get("best").asDouble(), loop.get("best_epoch").asInt(),
                    entries.containsKey(ARRAYS + "best") ? array(entries, "best", source) : null,
                    MAPPER.convertValue(loop.get("trained_layers"), new TypeReference<List<String>>() { }),
                    loop.get("samples").asLong(), loop.get("fit_seconds").asDouble(), loop.get("seconds").asDouble());
            return new TrainingCheckpoint(state.get("phases_done").asInt(), array(entries, "params", source),
                    entries.containsKey(ARRAYS + "updater") ? array(entries, "updater", source) : null,
                    MAPPER.convertValue(state.get("layer_rates"), new TypeReference<Map<String, Double>>() { }),
                    state.get("iteration_count").asInt(), state.get("epoch_count").asInt(),
                    MAPPER.convertValue(state.get("results"), new TypeReference<List<PhaseResult>>() { }),
                    MAPPER.convertValue(state.get("costs"), new TypeReference<List<PhaseCost>>() { }),
                    MAPPER.convertValue(state.get("averaging"), new TypeReference<List<AveragingOutcome>>() { }),
                    startingPoint, state.get("theta0_phase").isNull() ? null : state.get("theta0_phase").asText(),
                    MAPPER.convertValue(state.get("budget"), BudgetState.class), state.get("global_epoch").asInt(),
                    MAPPER.convertValue(state.get("metrics_lines"), new TypeReference<List<String>>() { }), inPhase);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(source + ": a damaged checkpoint (" + e.getMessage() + ")", e);
        }
    }

    private static INDArray array(Map<String, byte[]> entries, String name, String source) throws IOException {
        byte[] bytes = entries.get(ARRAYS + name);
        if (bytes == null) {
            throw new InvalidInputException(source + ": a damaged checkpoint (no " + ARRAYS + name + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return Nd4j.read(in);
        } catch (RuntimeException e) {
            throw new InvalidInputException(source + ": a damaged checkpoint (" + ARRAYS + name + ": " + e.getMessage() + ")", e);
        }
    }
}
