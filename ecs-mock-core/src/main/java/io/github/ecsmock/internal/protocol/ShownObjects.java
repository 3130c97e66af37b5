package io.github.ecsmock.internal.protocol;

import java.lang.ref.WeakReference;

/**
 * The JSON of objects that answers carry again and again, by identity. The state keeps the model
 * objects it shows until they change (a task keeps its {@code Task}, and its ARN as one string);
 * since those objects are immutable, the same instance always writes the same JSON, and a
 * DescribeTasks of a hundred unchanged tasks, or a ListTasks of their ARNs, can copy their JSON
 * instead of writing it anew.
 *
 * <p>An object is kept only when it is written a second time, so that what an answer shows once (a
 * task RunTask just started, a service built for one answer) costs no copy and no allocation: its
 * first writing only notes its identity hash. Two objects of one hash make the second one kept early,
 * which does no harm. The slots are few and taken by identity hash: a colliding object only misses,
 * and the JSON kept is bounded by the number of slots. Kept objects are held weakly; a slot whose
 * object was collected is free. Slots are written without locks: each holds an immutable pair, and a
 * lost race only costs a miss.
 */
final class ShownObjects {
    private static final int SLOTS = 1024;

    private record Slot(WeakReference<Object> shown, byte[] json) {
    }

    private final Slot[] slots = new Slot[SLOTS];
    private final int[] seen = new int[SLOTS];

    static int hash(Object object) {
        return System.identityHashCode(object);
    }

    /** The JSON kept for {@code object}, or null when it is not kept. */
    byte[] json(Object object, int hash) {
        Slot slot = slots[index(hash)];
        return slot != null && slot.shown.get() == object ? slot.json : null;
    }

    /** Notes that an object of this hash is being written; true when one was written before, and its JSON should be kept. */
    boolean seenBefore(int hash) {
        int index = index(hash);
        if (seen[index] == hash) {
            return true;
        }
        seen[index] = hash;
        return false;
    }

    void keep(Object object, int hash, byte[] json) {
        slots[index(hash)] = new Slot(new WeakReference<>(object), json);
    }

    private static int index(int hash) {
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
