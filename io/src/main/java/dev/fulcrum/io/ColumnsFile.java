package dev.fulcrum.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The binary form of a {@link CsvColumns} in the CSV cache: a magic and version, the entry's key
 * (so a file written for another key, or by another program, is never taken for this one), the
 * header, the row lines as {@link RowLines} keeps them, each column's distinct values (one UTF-8
 * pool and the end of each value in it) and its codes at the narrowest width its value count
 * allows (1, 2 or 4 bytes), and a CRC-32C of everything before it. Little-endian throughout. The
 * codes are read in bulk rather than value by value: in a fresh JVM a per-value path would be
 * interpreted, which is what the cache is there to avoid.
 */
final class ColumnsFile {

    static final int VERSION = 1;
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
        Output out = new Output();
        out.bytes(MAGIC);
        out.putInt(VERSION);
        out.string(key);
        List<String> names = columns.header().names();
        out.putInt(names.size());
        names.forEach(out::string);
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
            writeCodes(out, column.getValue().codes(), column.getValue().values().length);
        }
        out.putInt(out.crc());
        Files.write(to, out.written());
    }

    private static void writeValues(Output out, String[] values) {
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

    private static void writeCodes(Output out, int[] codes, int distinct) {
        int width = widthFor(distinct);
        out.putInt(width);
        ByteBuffer buffer = out.room(codes.length * width);
        switch (width) {
            case 1 -> {
                for (int code : codes) {
                    buffer.put((byte) code);
                }
            }
            case 2 -> {
                for (int code : codes) {
                    buffer.putShort((short) code);
                }
            }
            default -> buffer.asIntBuffer().put(codes);
        }
    }

    /** The fewest bytes that hold every code of a column with this many distinct values. */
    static int widthFor(int distinct) {
        return distinct <= 1 << 8 ? 1 : distinct <= 1 << 16 ? 2 : 4;
    }

    /** The columns the entry holds, for {@code file} (the path messages name); {@link NotAnEntry} unless it is one for {@code key}. */
    static CsvColumns read(Path from, Path file, String key) throws IOException {
        byte[] bytes = Files.readAllBytes(from);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + 8 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new NotAnEntry("not a cache entry");
        }
        in.position(MAGIC.length);
        if (in.getInt() != VERSION) {
            throw new NotAnEntry("another version");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != in.getInt(bytes.length - 4)) {
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
                columns.put(name, new CodedColumn(values, codes(in, rows)));
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
        int[] ends = new int[in.getInt()];
        in.asIntBuffer().get(ends);
        in.position(in.position() + 4 * ends.length);
        int pool = in.position();
        String[] values = new String[ends.length];
        int start = 0;
        for (int code = 0; code < values.length; code++) {
            values[code] = new String(in.array(), pool + start, ends[code] - start, StandardCharsets.UTF_8);
            start = ends[code];
        }
        in.position(pool + start);
        return values;
    }

    private static int[] codes(ByteBuffer in, int rows) {
        int width = in.getInt();
        int[] codes = new int[rows];
        byte[] bytes = in.array();
        int at = in.position();
        in.position(at + rows * width); // fails here, before the loops, if the entry is too short
        switch (width) {
            case 1 -> {
                for (int row = 0; row < rows; row++) {
                    codes[row] = bytes[at + row] & 0xFF;
                }
            }
            case 2 -> {
                for (int row = 0; row < rows; row++) {
                    codes[row] = (bytes[at + 2 * row] & 0xFF) | (bytes[at + 2 * row + 1] & 0xFF) << 8;
                }
            }
            case 4 -> in.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(at).asIntBuffer().get(codes);
            default -> throw new IllegalArgumentException("code width " + width);
        }
        return codes;
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    /** A growing little-endian buffer, kept whole until the checksum is known. */
    private static final class Output {

        private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        /** A buffer for the next {@code length} bytes, which the caller fills; they count as written. */
        ByteBuffer room(int length) {
            ensure(length);
            ByteBuffer room = buffer.slice(buffer.position(), length).order(ByteOrder.LITTLE_ENDIAN);
            buffer.position(buffer.position() + length);
            return room;
        }

        void putInt(int value) {
            ensure(4);
            buffer.putInt(value);
        }

        void putLong(long value) {
            ensure(8);
            buffer.putLong(value);
        }

        void bytes(byte[] bytes) {
            ensure(bytes.length);
            buffer.put(bytes);
        }

        void string(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            putInt(bytes.length);
            bytes(bytes);
        }

        int crc() {
            CRC32C crc = new CRC32C();
            crc.update(buffer.array(), 0, buffer.position());
            return (int) crc.getValue();
        }

        byte[] written() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }

        private void ensure(int length) {
            if (buffer.remaining() < length) {
                long needed = (long) buffer.position() + length;
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("too large for a cache entry: " + needed + " bytes");
                }
                ByteBuffer larger = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * buffer.capacity())))
                        .order(ByteOrder.LITTLE_ENDIAN);
                larger.put(buffer.flip());
                buffer = larger;
            }
        }
    }
}
