package dev.fulcrum.io;

import java.util.Collection;
import java.util.function.Function;
import java.util.stream.IntStream;

/** The columns of a header a read keeps: the wanted name at each field index (null where not wanted). */
final class ColumnChoice {

    private final CsvHeader header;
    private final String[] nameAt;
    private final int[] kept;

    private ColumnChoice(CsvHeader header, String[] nameAt) {
        this.header = header;
        this.nameAt = nameAt;
        this.kept = IntStream.range(0, nameAt.length).filter(column -> nameAt[column] != null).toArray();
    }

    /** The columns {@code choose} names, each checked against the header. */
    static ColumnChoice of(CsvHeader header, Function<CsvHeader, ? extends Collection<String>> choose) {
        String[] nameAt = new String[header.size()];
        for (String name : choose.apply(header)) {
            header.require(name);
            nameAt[header.index(name)] = name;
        }
        return new ColumnChoice(header, nameAt);
    }

    CsvHeader header() {
        return header;
    }

    /** How many fields every row must have. */
    int fields() {
        return nameAt.length;
    }

    /** The field indices kept, ascending. */
    int[] kept() {
        return kept;
    }

    String name(int column) {
        return nameAt[column];
    }

    boolean wanted(int column) {
        return column < nameAt.length && nameAt[column] != null;
    }
}
