package io.github.ecsmock.internal.protocol;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of one answer while it is written: a plain growing array that its thread reuses for the
 * next answer. An unusually large answer does not pin its array: above {@link #KEPT_BYTES} the array
 * is let go once the answer is copied out.
 */
final class AnswerBuffer extends OutputStream {
    private static final int FIRST_BYTES = 8 * 1024;
    private static final int KEPT_BYTES = 1024 * 1024;

    private byte[] bytes = new byte[FIRST_BYTES];
    private int count;

    void reset() {
        count = 0;
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, count, length);
        count += length;
    }

    private void ensure(int more) {
        if (bytes.length - count < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
        }
    }

    int size() {
        return count;
    }

    /**
     * The JSON value written from {@code from} to the end, an object or a string by its {@code first}
     * byte, without the separator ({@code ,} or {@code :}) that Jackson writes before it.
     */
    byte[] valueFrom(int from, byte first) {
        int start = from;
        while (start < count && bytes[start] != first) {
            start++;
        }
        return Arrays.copyOfRange(bytes, start, count);
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
}
