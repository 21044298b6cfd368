package dev.fulcrum.testkit;

import dev.fulcrum.api.adapt.DomainTransform;
import dev.fulcrum.api.adapt.TransformingDomainAdapter;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Partition;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every {@link TransformingDomainAdapter} must do for a saved model to adapt new rows as the
 * run adapted its own: its transform, saved in ND4J's binary format and restored, gives the same
 * features; it adapts a row by its domain alone, not by its partition (rows predicted later have
 * none) nor by the other rows given with it.
 */
public final class DomainTransformContract {

    private DomainTransformContract() {
    }

    /** @param data rows of at least two domains, with training rows of each */
    public static void check(TransformingDomainAdapter adapter, Dataset data) {
        DomainTransform fitted = adapter.fit(data);
        Dataset adapted = fitted.apply(data);
        Dataset adaptedInOneStep = adapter.adapt(data);
        assertEquals(adaptedInOneStep.schema(), adapted.schema(), "adapt is fit, then apply");
        assertArrayEquals(adaptedInOneStep.features().toFloatMatrix(), adapted.features().toFloatMatrix());

        DomainTransform restored = adapter.restore(throughBytes(fitted.state()));
        Dataset again = restored.apply(data);
        assertEquals(adapted.schema(), again.schema(), "the restored transform makes the same columns");
        assertArrayEquals(adapted.features().toFloatMatrix(), again.features().toFloatMatrix(), "the restored transform adapts alike");

        Partition[] none = new Partition[data.rows()];
        Arrays.fill(none, Partition.UNASSIGNED);
        assertArrayEquals(adapted.features().toFloatMatrix(), restored.apply(data.withPartitions(none)).features().toFloatMatrix(),
                "rows without a partition, as at prediction, are adapted alike");

        int[] lastFirst = new int[Math.min(data.rows(), 7)];
        for (int i = 0; i < lastFirst.length; i++) {
            lastFirst[i] = data.rows() - 1 - i * (data.rows() / lastFirst.length);
        }
        float[][] few = restored.apply(data.select(lastFirst)).features().toFloatMatrix();
        for (int i = 0; i < lastFirst.length; i++) {
            assertArrayEquals(adapted.features().getRow(lastFirst[i]).toFloatVector(), few[i],
                    "row " + lastFirst[i] + " is adapted alike when given with other rows");
        }
        eachDomainAlone(restored, data, adapted);
    }

    /** Rows of one domain alone, as a service predicting rows of its own domain gives them. */
    private static void eachDomainAlone(DomainTransform restored, Dataset data, Dataset adapted) {
        int[] domains = data.domains();
        for (int domain = 0; domain < data.schema().domains().size(); domain++) {
            int d = domain;
            int[] rows = IntStream.range(0, data.rows()).filter(row -> domains[row] == d).toArray();
            if (rows.length == 0) {
                continue;
            }
            float[][] alone = restored.apply(data.select(rows)).features().toFloatMatrix();
            for (int i = 0; i < rows.length; i++) {
                assertArrayEquals(adapted.features().getRow(rows[i]).toFloatVector(), alone[i],
                        "row " + rows[i] + " is adapted alike among rows of its domain alone");
            }
        }
    }

    private static Map<String, INDArray> throughBytes(Map<String, INDArray> state) {
        Map<String, INDArray> read = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, INDArray> entry : state.entrySet()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    Nd4j.write(entry.getValue(), out);
                }
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                    read.put(entry.getKey(), Nd4j.read(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }
}
