package dev.fulcrum.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as byte ranges, read a megabyte at a time: no string per line. Lines end
 * at {@code \n}, with an optional {@code \r} before it. Splitting UTF-8 text on ASCII bytes is safe:
 * no byte of a multi-byte character is ASCII.
 */
final class ByteLines {

    private static final int CHUNK = 1 << 20;

    /** Receives each line; the bytes are only valid during the call. */
    interface Visitor {
        /** @param number the line's number, from 1 */
        void line(byte[] bytes, int start, int end, long number);
    }

    private ByteLines() {
    }

    static void forEach(InputStream in, Visitor visitor) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int filled = 0;
        int scanned = 0;
        long number = 0;
        while (true) {
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                if (filled > 0) {
                    visitor.line(buffer, 0, withoutReturn(buffer, 0, filled), ++number);
                }
                return;
            }
            filled += read;
            int start = 0;
            for (int i = scanned; i < filled; i++) {
                if (buffer[i] == '\n') {
                    visitor.line(buffer, start, withoutReturn(buffer, start, i), ++number);
                    start = i + 1;
                }
            }
            if (start == 0 && filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            } else {
                System.arraycopy(buffer, start, buffer, 0, filled - start);
            }
            filled -= start;
            scanned = filled;
        }
    }

    private static int withoutReturn(byte[] bytes, int start, int end) {
        return end > start && bytes[end - 1] == '\r' ? end - 1 : end;
    }
}
