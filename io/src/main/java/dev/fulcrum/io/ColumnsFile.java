package dev.fulcrum.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The binary form of a {@link CsvColumns} in the CSV cache: a magic and version, the entry's key
 * (so a file written for another key, or by another program, is never taken for this one), the
 * header, the row lines as {@link RowLines} keeps them, each column's distinct values (one UTF-8
 * pool and the end of each value in it) and its codes (4 bytes each), and a CRC-32C of everything
 * before it. Little-endian throughout. The codes are copied in bulk, never value by value: in a
 * fresh JVM a loop over a million rows runs interpreted, then in C1's profiling code, about 8-20 ms
 * per column on the audit benchmark's file (version 1 stored 1 or 2 bytes a code where the values
 * allowed and widened them in such loops); a bulk copy is a memory copy, under 1 ms.
 */
final class ColumnsFile {

    static final int VERSION = 2;
    /** A read maps the entry whole, and a mapping holds at most this many bytes. */
    static final long MAX_ENTRY_BYTES = Integer.MAX_VALUE;
    private static final byte[] MAGIC = "FULCRUMC".getBytes(StandardCharsets.US_ASCII);

    private ColumnsFile() {
    }

    /** Not a cache entry for the key: truncated, corrupt, another version, or written for another file. */
    static final class NotAnEntry extends IOException {
        NotAnEntry(String problem) {
            super(problem);
        }
    }

    static void write(Path to, String key, CsvColumns columns) throws IOException {
        try (Output out = new Output(FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
            out.bytes(MAGIC);
            out.putInt(VERSION);
            out.string(key);
            List<String> names = columns.header().names();
            out.putInt(names.size());
            for (String name : names) {
                out.string(name);
            }
            RowLines lines = columns.rowLines();
            int rows = lines.rows();
            out.putInt(rows);
            int[] firstRows = lines.firstRows();
            long[] gaps = lines.gaps();
            out.putInt(firstRows.length);
            for (int change = 0; change < firstRows.length; change++) {
                out.putInt(firstRows[change]);
                out.putLong(gaps[change]);
            }
            Map<String, CodedColumn> coded = columns.codedColumns();
            out.putInt(coded.size());
            for (Map.Entry<String, CodedColumn> column : coded.entrySet()) {
                out.string(column.getKey());
                writeValues(out, column.getValue().values());
                out.ints(column.getValue().codes());
            }
            out.putInt(out.crc());
        }
    }

    private static void writeValues(Output out, String[] values) throws IOException {
        byte[][] encoded = new byte[values.length][];
        int end = 0;
        out.putInt(values.length);
        for (int code = 0; code < values.length; code++) {
            encoded[code] = values[code].getBytes(StandardCharsets.UTF_8);
            end += encoded[code].length;
            out.putInt(end);
        }
        for (byte[] value : encoded) {
            out.bytes(value);
        }
    }

    /**
     * The columns the entry holds, for {@code file} (the path messages name); {@link NotAnEntry}
     * unless it is one for {@code key}. The entry is mapped, not read: its codes are copied once,
     * from the page cache into the columns (a read would copy them twice more, through a temporary
     * direct buffer into a heap array). Entries are replaced by a move, never written in place, so a
     * mapped one does not change under the read.
     */
    static CsvColumns read(Path from, Path file, String key) throws IOException {
        ByteBuffer in;
        try (FileChannel channel = FileChannel.open(from, StandardOpenOption.READ)) {
            in = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
        }
        int length = in.limit();
        if (length < MAGIC.length + 8 || in.slice(0, MAGIC.length).compareTo(ByteBuffer.wrap(MAGIC)) != 0) {
            throw new NotAnEntry("not a cache entry");
        }
        in.position(MAGIC.length);
        if (in.getInt() != VERSION) {
            throw new NotAnEntry("another version");
        }
        CRC32C crc = new CRC32C();
        crc.update(in.slice(0, length - 4));
        if ((int) crc.getValue() != in.getInt(length - 4)) {
            throw new NotAnEntry("truncated or corrupt");
        }
        try {
            if (!string(in).equals(key)) {
                throw new NotAnEntry("written for another key");
            }
            List<String> names = new ArrayList<>();
            for (int count = in.getInt(); names.size() < count; ) {
                names.add(string(in));
            }
            int rows = in.getInt();
            int[] firstRows = new int[in.getInt()];
            long[] gaps = new long[firstRows.length];
            for (int change = 0; change < firstRows.length; change++) {
                firstRows[change] = in.getInt();
                gaps[change] = in.getLong();
            }
            Map<String, CodedColumn> columns = new LinkedHashMap<>();
            for (int count = in.getInt(); columns.size() < count; ) {
                String name = string(in);
                String[] values = values(in);
                columns.put(name, new CodedColumn(values, ints(in, rows)));
            }
            if (in.remaining() != 4) {
                throw new NotAnEntry("unexpected bytes at the end");
            }
            return new CsvColumns(file, new CsvHeader(file, names), columns, new RowLines(firstRows, gaps, rows));
        } catch (RuntimeException e) {
            // A checksum that matches makes this a file of ours written wrongly: still not one to use.
            NotAnEntry notAnEntry = new NotAnEntry("cannot be read: " + e);
            notAnEntry.initCause(e);
            throw notAnEntry;
        }
    }

    private static String[] values(ByteBuffer in) {
        int[] ends = ints(in, in.getInt());
        byte[] pool = new byte[ends.length == 0 ? 0 : ends[ends.length - 1]];
        in.get(pool);
        String[] values = new String[ends.length];
        int start = 0;
        for (int code = 0; code < values.length; code++) {
            values[code] = new String(pool, start, ends[code] - start, StandardCharsets.UTF_8);
            start = ends[code];
        }
        return values;
    }

    /** The next {@code count} ints, copied in bulk; fails if the entry is too short. */
    private static int[] ints(ByteBuffer in, int count) {
        int[] ints = new int[count];
        in.slice().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(ints);
        in.position(in.position() + count * Integer.BYTES);
        return ints;
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Little-endian output to a channel through one direct buffer, with the CRC-32C of what went
     * through it: an entry of a million rows is tens of megabytes, which a buffer grown to hold it
     * all would copy several times over.
     */
    private static final class Output implements AutoCloseable {

        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();
        private long written;

        Output(FileChannel channel) {
            this.channel = channel;
        }

        void putInt(int value) throws IOException {
            room(Integer.BYTES).putInt(value);
        }

        void putLong(long value) throws IOException {
            room(Long.BYTES).putLong(value);
        }

        void bytes(byte[] bytes) throws IOException {
            for (int at = 0; at < bytes.length; ) {
                int length = Math.min(bytes.length - at, room(1).remaining());
                buffer.put(bytes, at, length);
                at += length;
            }
        }

        void string(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            putInt(bytes.length);
            bytes(bytes);
        }

        /** The values in bulk, a buffer's worth at a time. */
        void ints(int[] values) throws IOException {
            for (int at = 0; at < values.length; ) {
                int length = Math.min(values.length - at, room(Integer.BYTES).remaining() / Integer.BYTES);
                buffer.asIntBuffer().put(values, at, length);
                buffer.position(buffer.position() + length * Integer.BYTES);
                at += length;
            }
        }

        /** The checksum of everything put so far. */
        int crc() throws IOException {
            flush();
            return (int) crc.getValue();
        }

        /** The buffer, with at least {@code bytes} free. */
        private ByteBuffer room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
            return buffer;
        }

        private void flush() throws IOException {
            buffer.flip();
            written += buffer.remaining();
            if (written > MAX_ENTRY_BYTES) {
                throw new IllegalStateException("too large for a cache entry: over " + MAX_ENTRY_BYTES + " bytes");
            }
            crc.update(buffer.duplicate());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                flush();
            }
        }
    }
}
