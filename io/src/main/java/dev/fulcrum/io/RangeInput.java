package dev.fulcrum.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The bytes of one range of a file, through a channel of its own: interrupting the thread that
 * reads one range closes that range's channel only (channels are interruptible, {@link FileChannel}).
 */
final class RangeInput extends InputStream {

    private final FileChannel channel;
    private final long end;
    private long position;

    RangeInput(Path file, long start, long end) throws IOException {
        this.channel = FileChannel.open(file);
        this.position = start;
        this.end = end;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (position >= end) {
            return -1;
        }
        int read = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, end - position)), position);
        if (read > 0) {
            position += read;
        }
        return read;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read;
        do {
            read = read(one, 0, 1);
        } while (read == 0);
        return read < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
