package dev.fulcrum.core.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns one column's UTF-8 byte ranges into trimmed strings, giving every repeat of a value the same
 * string: categorical columns (labels, groups) then cost one string per distinct value, and their
 * hash codes are computed once. Past a limit of distinct values (numbers, say) it stops remembering.
 */
final class ValueCache {

    private static final int LIMIT = 4096;

    private final byte[][] keys = new byte[LIMIT * 2][];
    private final String[] values = new String[LIMIT * 2];
    private int size;

    String get(byte[] bytes, int start, int end) {
        while (start < end && (bytes[start] & 0xff) <= ' ') {
            start++;
        }
        while (end > start && (bytes[end - 1] & 0xff) <= ' ') {
            end--;
        }
        int hash = 1;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + bytes[i];
        }
        int mask = keys.length - 1;
        for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                String value = new String(bytes, start, end - start, StandardCharsets.UTF_8);
                if (size < LIMIT) {
                    keys[slot] = Arrays.copyOfRange(bytes, start, end);
                    values[slot] = value;
                    size++;
                }
                return value;
            }
            if (Arrays.equals(key, 0, key.length, bytes, start, end)) {
                return values[slot];
            }
        }
    }
}
