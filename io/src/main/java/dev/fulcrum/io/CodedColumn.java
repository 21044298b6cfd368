package dev.fulcrum.io;

/**
 * One column as its distinct values, in order of first appearance in the file, and each row's
 * code: the index of its value. The rows' strings are made only when asked for.
 */
final class CodedColumn {

    private final String[] values;
    private final int[] codes;
    private String[] text;

    CodedColumn(String[] values, int[] codes) {
        this.values = values;
        this.codes = codes;
    }

    String[] values() {
        return values;
    }

    int[] codes() {
        return codes;
    }

    /** The value of every row, made once. */
    synchronized String[] text() {
        if (text == null) {
            text = new String[codes.length];
            for (int row = 0; row < codes.length; row++) {
                text[row] = values[codes[row]];
            }
        }
        return text;
    }

    /** The first row whose code is {@code code}, or -1. */
    int firstRow(int code) {
        for (int row = 0; row < codes.length; row++) {
            if (codes[row] == code) {
                return row;
            }
        }
        return -1;
    }
}
