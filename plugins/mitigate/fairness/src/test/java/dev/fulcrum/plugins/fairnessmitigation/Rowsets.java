package dev.fulcrum.plugins.fairnessmitigation;

import dev.fulcrum.api.Tasks;
import dev.fulcrum.api.data.Dataset;
import dev.fulcrum.api.data.Domains;
import dev.fulcrum.api.data.Partition;
import dev.fulcrum.api.data.Schema;
import dev.fulcrum.api.data.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** Small datasets for the tests: a binary specific task, features, and sensitive attributes. */
final class Rowsets {

    private Rowsets() {
    }

    static Dataset.Builder binary(float[][] features, int[] labels) {
        int d = features[0].length;
        Schema schema = new Schema(Schema.numberedFeatures("x", d, "test"),
                List.of(new Task(Tasks.SPECIFIC, List.of("negative", "positive"))), List.of(Domains.SOURCE), null);
        return Dataset.builder(schema, Nd4j.create(features).castTo(DataType.FLOAT)).labels(Tasks.SPECIFIC, labels);
    }

    static Partition[] all(int rows, Partition partition) {
        Partition[] partitions = new Partition[rows];
        java.util.Arrays.fill(partitions, partition);
        return partitions;
    }
}
