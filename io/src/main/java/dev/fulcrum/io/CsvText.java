package dev.fulcrum.io;

import java.io.IOException;
import java.io.Reader;

/**
 * A stretch of a file's text as the CSV parser should see it: with a line break after the last
 * line when the file has none, so that a quote left open on the last line holds a line break like
 * one left open anywhere else. (The byte-order mark is left out earlier, by {@link LineRanges}.)
 */
final class CsvText extends Reader {

    private final Reader in;
    private boolean endedLine = true;
    private boolean finished;

    CsvText(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (finished || length == 0) {
            return finished ? -1 : 0;
        }
        int count = in.read(buffer, offset, length);
        if (count < 0) {
            finished = true;
            if (endedLine) {
                return -1;
            }
            buffer[offset] = '\n';
            return 1;
        }
        if (count > 0) {
            char last = buffer[offset + count - 1];
            endedLine = last == '\n' || last == '\r';
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
