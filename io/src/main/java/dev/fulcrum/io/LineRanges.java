package dev.fulcrum.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * A file cut into byte ranges for parsing side by side: every range but the last ends just after
 * a {@code '\n'}, so with fields confined to a line each holds whole records, and in UTF-8 that
 * byte is never part of a multi-byte character (RFC 3629, section 3), so no cut splits one. A
 * leading UTF-8 byte-order mark is left out of the first range.
 */
final class LineRanges {

    /** Below twice this, a file is one range: starting threads would cost more than they save. */
    static final long MIN_RANGE_BYTES = 2L << 20;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int SCAN = 1 << 16;

    private LineRanges() {
    }

    /** How many ranges a file of this size is worth on this machine's cores. */
    static int worthFor(long size) {
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), size / MIN_RANGE_BYTES));
    }

    /** The bounds of up to {@code count} ranges: range {@code i} is {@code [bounds[i], bounds[i + 1])}. */
    static long[] cut(FileChannel channel, int count) throws IOException {
        long size = channel.size();
        long start = firstByte(channel);
        long[] bounds = new long[count + 1];
        bounds[0] = start;
        int cuts = 0;
        for (int range = 1; range < count; range++) {
            long target = Math.max(start + (size - start) * range / count, bounds[cuts]);
            long next = lineEndAfter(channel, target, size);
            if (next >= size) {
                break;
            }
            if (next > bounds[cuts]) {
                bounds[++cuts] = next;
            }
        }
        bounds[++cuts] = size;
        return Arrays.copyOf(bounds, cuts + 1);
    }

    private static long firstByte(FileChannel channel) throws IOException {
        return startsWithBom(channel) ? BOM.length : 0;
    }

    private static boolean startsWithBom(FileChannel channel) throws IOException {
        ByteBuffer first = ByteBuffer.allocate(BOM.length);
        while (first.hasRemaining() && channel.read(first, first.position()) > 0) {
            // reads until the three bytes are in or the file ends
        }
        return !first.hasRemaining() && Arrays.equals(first.array(), BOM);
    }

    /** The position just after the first {@code '\n'} at or after {@code from}, or {@code size} if none. */
    private static long lineEndAfter(FileChannel channel, long from, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(SCAN);
        for (long position = from; position < size; ) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    return position + i + 1;
                }
            }
            position += read;
        }
        return size;
    }
}
