package dev.fulcrum.core.train;

import dev.fulcrum.api.InvalidInputException;
import dev.fulcrum.api.train.PhaseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingCheckpointTest {

    @TempDir
    Path folder;

    private static TrainingCheckpoint checkpoint() {
        INDArray params = Nd4j.rand(DataType.FLOAT, 1, 300);
        return new TrainingCheckpoint(1, params, Nd4j.rand(DataType.FLOAT, 1, 600), Map.of("dense-1", 0.001, "specific", 0.0),
                42, 3, List.of(new PhaseResult("pretrain", 3, 3, Double.NaN, false, 1.5)),
                List.of(new PhaseCost("pretrain", 3, 900, 1.2, 300, 600, 1, Map.of("1", 750.0, "2", 700.0))), List.of(), Map.of("dense-1_W", params.dup()),
                "pretrain", new TrainingCheckpoint.BudgetState(900, 1.6e6, 1.5, null), 5, List.of("{\"a\":1}"),
                new TrainingCheckpoint.InPhase("finetune", 2, 0.75, 1, params.mul(2), List.of("specific"), 200, 0.4, 0.9));
    }

    @Test
    void everyFieldComesBackAndTheSameStateMakesTheSameBytes() throws Exception {
        TrainingCheckpoint saved = checkpoint();
        byte[] bytes = saved.toBytes();
        TrainingCheckpoint read = TrainingCheckpoint.read(Files.write(folder.resolve("c.zip"), bytes));
        assertEquals(saved.params(), read.params());
        assertEquals(saved.updaterState(), read.updaterState());
        assertEquals(saved.layerRates(), read.layerRates());
        assertEquals(saved.results().get(0).phase(), read.results().get(0).phase());
        assertTrue(Double.isNaN(read.results().get(0).bestValue()));
        assertEquals(saved.costs(), read.costs());
        assertEquals(saved.startingPoint(), read.startingPoint());
        assertEquals(saved.budget(), read.budget());
        assertEquals(saved.metricsLines(), read.metricsLines());
        assertEquals(saved.inPhase().bestParams(), read.inPhase().bestParams());
        assertEquals(saved.inPhase().trainedLayers(), read.inPhase().trainedLayers());
        assertEquals(List.of(42, 3, 5, 1), List.of(read.iterationCount(), read.epochCount(), read.globalEpoch(), read.phasesDone()));
        assertArrayEquals(bytes, read.toBytes());
    }

    @Test
    void aTruncatedOrBitFlippedCheckpointIsACleanError() throws Exception {
        byte[] bytes = checkpoint().toBytes();
        Random random = new Random(15);
        int read = 0;
        for (int i = 0; i < 40; i++) {
            byte[] damaged = i < 20 ? Arrays.copyOf(bytes, random.nextInt(bytes.length)) : bytes.clone();
            if (i >= 20) {
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
            }
            Path file = Files.write(folder.resolve("damaged.zip"), damaged);
            try {
                // A flip in bookkeeping the reader does not use (an entry's time in the central directory) leaves
                // the state whole: then it must be exactly the one saved.
                assertArrayEquals(bytes, TrainingCheckpoint.read(file).toBytes(), "read, but not the state saved");
                assertTrue(i >= 20, "a checkpoint truncated to " + damaged.length + " bytes was read");
                read++;
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            }
        }
        assertTrue(read < 10, read + " of 20 flipped checkpoints read: the test flips where nothing is checked");
    }
}
