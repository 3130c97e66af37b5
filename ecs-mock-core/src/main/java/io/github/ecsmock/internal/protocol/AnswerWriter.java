package io.github.ecsmock.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one answer while the codec writes it as JSON: a plain growing array that its thread
 * reuses for the next answer, and the JSON tokens written into it. The codec writes the punctuation
 * itself, since it knows where each comma goes; this writes strings, with JSON's escapes and as UTF-8,
 * and numbers, without making a string of each. It takes the place of a general JSON generator, whose
 * checks of where each token may go, and copying of each string into characters first, were a third
 * of writing an answer.
 *
 * <p>An unusually large answer does not pin its array: above {@link #KEPT_BYTES} the array is let go
 * once the answer is copied out, or not taken back once lent.
 */
final class AnswerWriter {
    private static final int FIRST_BYTES = 8 * 1024;
    private static final int KEPT_BYTES = 1024 * 1024;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);

    /** Null while the array is lent and none has come back. */
    private byte[] bytes = new byte[FIRST_BYTES];
    private int count;
    /** The size of the array lent last, for the one that replaces it. */
    private int lentSize = FIRST_BYTES;

    void reset() {
        count = 0;
        if (bytes == null) {
            bytes = new byte[Math.min(lentSize, KEPT_BYTES)];
        }
    }

    int size() {
        return count;
    }

    /** The last byte written; call only after writing one. */
    byte last() {
        return bytes[count - 1];
    }

    void raw(char ascii) {
        ensure(1);
        bytes[count++] = (byte) ascii;
    }

    void raw(byte[] json) {
        ensure(json.length);
        System.arraycopy(json, 0, bytes, count, json.length);
        count += json.length;
    }

    /** Text known to be plain ASCII that needs no quotes, a number's digits say. */
    void ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[count + i] = (byte) text.charAt(i);
        }
        count += length;
    }

    /**
     * A JSON string: quoted, with {@code "}, {@code \} and control characters escaped, and as UTF-8.
     * Nearly every string an answer holds is plain ASCII: one pass checks that, and the characters are
     * then copied as a block, which took a seventh off writing a RunTask answer against writing each
     * character as it was checked.
     *
     * <p>The check is still a sixth of the mock's own time in a RunTask of ten tasks (measured by leaving
     * it out), some 400 strings an answer. Remembering the last string each member found plain, so that
     * one met again is only copied, measured no faster, whether kept on the member or in an array of
     * the writing thread's, though half the strings were met again: the time goes to the strings each
     * task has new (its ids and ARNs), not to those it shares. Nor did checking the copied bytes
     * through a lookup table without branches, and checking them eight at a time in a long gained a
     * twentieth at most. Neither check of the copy is exact anyway: a string that holds a character
     * above U+00FF keeps only each character's low byte there, and Java 17 has no cheap way to ask a
     * string whether it holds one.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) drops each char's high byte: exact for ASCII
    void string(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                raw('"');
                escaped(text);
                return;
            }
        }
        ensure(length + 2);
        byte[] out = bytes;
        int at = count;
        out[at++] = '"';
        text.getBytes(0, length, out, at);
        at += length;
        out[at++] = '"';
        count = at;
    }

    /** A string that needs escapes or more than one byte for a character, after its opening quote. */
    private void escaped(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            ensure(12);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                bytes[count++] = (byte) c;
            } else if (c == '"' || c == '\\') {
                bytes[count++] = '\\';
                bytes[count++] = (byte) c;
            } else if (c < 0x20) {
                shortEscapeOrUnicode(c);
            } else if (c < 0x800) {
                bytes[count++] = (byte) (0xc0 | (c >> 6));
                bytes[count++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int point = Character.toCodePoint(c, text.charAt(++i));
                bytes[count++] = (byte) (0xf0 | (point >> 18));
                bytes[count++] = (byte) (0x80 | ((point >> 12) & 0x3f));
                bytes[count++] = (byte) (0x80 | ((point >> 6) & 0x3f));
                bytes[count++] = (byte) (0x80 | (point & 0x3f));
            } else if (Character.isSurrogate(c)) {
                // Half of a pair, as a request's \ud800 can make: an escape keeps it, where UTF-8 cannot.
                unicodeEscape(c);
            } else {
                bytes[count++] = (byte) (0xe0 | (c >> 12));
                bytes[count++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                bytes[count++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        ensure(1);
        bytes[count++] = '"';
    }

    private void shortEscapeOrUnicode(char c) {
        char letter = switch (c) {
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;
        };
        if (letter != 0) {
            bytes[count++] = '\\';
            bytes[count++] = (byte) letter;
        } else {
            unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        bytes[count++] = '\\';
        bytes[count++] = 'u';
        bytes[count++] = HEX[(c >> 12) & 15];
        bytes[count++] = HEX[(c >> 8) & 15];
        bytes[count++] = HEX[(c >> 4) & 15];
        bytes[count++] = HEX[c & 15];
    }

    /** A whole number, its digits written straight into the answer. */
    void number(long value) {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            bytes[count++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int at = count + digits;
        count = at;
        do {
            bytes[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
    }

    /** A copy of what was written from {@code from} on: one value, to be copied into later answers. */
    byte[] copyFrom(int from) {
        return Arrays.copyOfRange(bytes, from, count);
    }

    /** The answer's bytes, copied; the buffer is empty afterwards. */
    byte[] toByteArrayAndRelease() {
        byte[] answer = Arrays.copyOf(bytes, count);
        count = 0;
        if (bytes.length > KEPT_BYTES) {
            bytes = new byte[FIRST_BYTES];
        }
        return answer;
    }

    /**
     * The array the answer was written in, without a copy: it is the borrower's until it is given back,
     * and the writer writes its next answers in another.
     */
    byte[] lend() {
        byte[] lent = bytes;
        lentSize = lent.length;
        bytes = null;
        count = 0;
        return lent;
    }

    /** Takes back a lent array that nothing reads any more, unless the writer has one already. */
    void giveBack(byte[] array) {
        if (bytes == null && array.length <= KEPT_BYTES) {
            bytes = array;
        }
    }

    private void ensure(int more) {
        if (bytes.length - count < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
        }
    }
}
