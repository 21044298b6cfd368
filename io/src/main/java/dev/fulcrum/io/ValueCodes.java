package dev.fulcrum.io;

import java.util.Arrays;

/**
 * The distinct values of one column of one stretch of a file, each given a code (0, 1, ... in
 * order of first appearance): a row then costs an {@code int}, not a string, and a column of few
 * distinct values (labels, groups, small integers) is turned into strings, numbers or classes once
 * per value. The values' characters are kept in one pool, so finding a value touches two arrays.
 */
final class ValueCodes {

    private char[] pool = new char[256];
    private int poolSize;
    private int[] starts = new int[33];
    private int size;
    /** Open addressing, half full at most: code + 1 per slot (0: empty), and the value's hash. */
    private int[] slots = new int[64];
    private int[] hashes = new int[64];
    /**
     * Code + 1 of each one-character ASCII value seen (0: not yet), found without hashing: labels,
     * decisions and group letters are often one character, and in a fresh JVM this short path is
     * compiled and inlined long before the hash table's is (docs/fairness.md, "Reading the CSV").
     */
    private final int[] single = new int[128];

    /** The code of the characters {@code [start, end)}, a new one if they are new. */
    int code(char[] chars, int start, int end) {
        if (end - start == 1 && chars[start] < single.length && single[chars[start]] != 0) {
            return single[chars[start]] - 1;
        }
        return lookUp(chars, start, end);
    }

    private int lookUp(char[] chars, int start, int end) {
        int hash = 1;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        int mask = slots.length - 1;
        int length = end - start;
        for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
            int known = slots[slot] - 1;
            if (known < 0) {
                return add(chars, start, length, hash, slot);
            }
            if (hashes[slot] == hash && equal(known, chars, start, length)) {
                return known;
            }
        }
    }

    /** A plain loop: values are short, and {@code Arrays.equals} costs more to set up than to run on them. */
    private boolean equal(int code, char[] chars, int start, int length) {
        int at = starts[code];
        if (starts[code + 1] - at != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (pool[at + i] != chars[start + i]) {
                return false;
            }
        }
        return true;
    }

    private int add(char[] chars, int start, int length, int hash, int slot) {
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
        }
        System.arraycopy(chars, start, pool, poolSize, length);
        poolSize += length;
        if (size + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        int code = size++;
        starts[size] = poolSize;
        slots[slot] = code + 1;
        hashes[slot] = hash;
        if (length == 1 && chars[start] < single.length) {
            single[chars[start]] = code + 1;
        }
        if (size * 2 > slots.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        int[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new int[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int old = 0; old < oldSlots.length; old++) {
            if (oldSlots[old] != 0) {
                int hash = oldHashes[old];
                int slot = (hash ^ (hash >>> 16)) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = oldSlots[old];
                hashes[slot] = hash;
            }
        }
    }

    int size() {
        return size;
    }

    /** The code here of each of {@code other}'s values, in its code order (adding those not here yet). */
    int[] codesOf(ValueCodes other) {
        int[] codes = new int[other.size];
        for (int code = 0; code < other.size; code++) {
            codes[code] = code(other.pool, other.starts[code], other.starts[code + 1]);
        }
        return codes;
    }

    /** The values as strings, in code order. */
    String[] values() {
        String[] values = new String[size];
        for (int code = 0; code < size; code++) {
            values[code] = new String(pool, starts[code], starts[code + 1] - starts[code]);
        }
        return values;
    }
}
