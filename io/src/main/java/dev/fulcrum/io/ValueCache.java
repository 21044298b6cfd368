package dev.fulcrum.io;

import java.util.Arrays;

/**
 * Turns one column's fields into strings, giving every repeat of a value the same string:
 * categorical columns (labels, groups) then cost one string per distinct value, and their hash
 * codes are computed once. Past a limit of distinct values (numbers, say) it stops remembering.
 * Each range of a file read in ranges has its own, so equal values are equal strings, not always
 * the same one: nothing may compare them by identity but as a shortcut ({@link ParsedNumbers}).
 */
final class ValueCache {

    private static final int LIMIT = 4096;

    private final char[][] keys = new char[LIMIT * 2][];
    private final int[] hashes = new int[LIMIT * 2];
    private final String[] values = new String[LIMIT * 2];
    private int size;

    String get(char[] chars, int start, int end) {
        int hash = 1;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        int mask = keys.length - 1;
        for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
            char[] key = keys[slot];
            if (key == null) {
                String value = new String(chars, start, end - start);
                if (size < LIMIT) {
                    keys[slot] = Arrays.copyOfRange(chars, start, end);
                    hashes[slot] = hash;
                    values[slot] = value;
                    size++;
                }
                return value;
            }
            if (hashes[slot] == hash && key.length == end - start && startsWith(chars, start, key)) {
                return values[slot];
            }
        }
    }

    /** A plain loop: values are short, and {@code Arrays.equals} costs more to set up than to run on them. */
    private static boolean startsWith(char[] chars, int start, char[] key) {
        for (int i = 0; i < key.length; i++) {
            if (chars[start + i] != key[i]) {
                return false;
            }
        }
        return true;
    }
}
