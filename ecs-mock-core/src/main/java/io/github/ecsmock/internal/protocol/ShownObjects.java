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
 * task RunTask just started, a service built for one answer) costs a slot and no copy. The slots are
 * few and taken by identity hash: a colliding object only misses, and the JSON kept is bounded by
 * the number of slots. Objects are held weakly; a slot whose object was collected is free. Slots are
 * written without locks: each holds an immutable pair, and a lost race only costs a miss.
 */
final class ShownObjects {
    private static final int SLOTS = 1024;

    private record Slot(WeakReference<Object> shown, byte[] json) {
        boolean holds(Object object) {
            return shown.get() == object;
        }
    }

    private final Slot[] slots = new Slot[SLOTS];

    /** The JSON kept for {@code object}, or null when it is not kept. */
    byte[] json(Object object) {
        Slot slot = slots[index(object)];
        return slot != null && slot.json != null && slot.holds(object) ? slot.json : null;
    }

    /** Records that {@code object} is being written; true when it was written before and its JSON should be kept. */
    boolean seenBefore(Object object) {
        int index = index(object);
        Slot slot = slots[index];
        if (slot != null && slot.json == null && slot.holds(object)) {
            return true;
        }
        slots[index] = new Slot(new WeakReference<>(object), null);
        return false;
    }

    void keep(Object object, byte[] json) {
        slots[index(object)] = new Slot(new WeakReference<>(object), json);
    }

    private static int index(Object object) {
        int hash = System.identityHashCode(object);
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
