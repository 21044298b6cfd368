package dev.fulcrum.math.rows;

import dev.fulcrum.api.Experimental;
import dev.fulcrum.api.data.Dataset;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;

/**
 * The rows of each domain, by the domain's name: what a fitted domain transform needs to apply
 * itself to rows of any partition, the run's own or rows predicted later, whose schema may number
 * the domains differently from the one it was fitted on.
 */
@Experimental
public final class DomainMembers {

    private final List<String> names;
    private final int[] domains;

    private DomainMembers(Dataset data) {
        this.names = data.schema().domains();
        this.domains = data.domains();
    }

    public static DomainMembers of(Dataset data) {
        return new DomainMembers(data);
    }

    /** The rows of the named domain, in order; none when the rows have no such domain. */
    public int[] named(String domain) {
        int id = names.indexOf(domain);
        return id < 0 ? new int[0] : where(id, true);
    }

    /** The rows of every other domain than the named one, in order. */
    public int[] notNamed(String domain) {
        return where(names.indexOf(domain), false);
    }

    /** The features of some rows, in DOUBLE, {@code [rows, features]}. */
    public static INDArray features(Dataset data, int[] rows) {
        if (rows.length == 0) {
            return Nd4j.create(DataType.DOUBLE, 0, data.schema().featureCount());
        }
        return Nd4j.pullRows(data.features(), 1, rows).castTo(DataType.DOUBLE);
    }

    /** The names of the domains that have rows here, in the schema's order. */
    public List<String> present() {
        return names.stream().filter(name -> named(name).length > 0).toList();
    }

    private int[] where(int id, boolean equal) {
        int[] rows = new int[domains.length];
        int count = 0;
        for (int row = 0; row < domains.length; row++) {
            if ((domains[row] == id) == equal) {
                rows[count++] = row;
            }
        }
        return Arrays.copyOf(rows, count);
    }
}
