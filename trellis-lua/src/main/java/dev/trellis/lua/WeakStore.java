package dev.trellis.lua;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of a weak table ({@code __mode} "k", "v" or "kv" in its metatable). Keys and values
 * that are collectable (tables, functions, coroutines, userdata) are held through weak references
 * where the mode asks for it; strings, numbers and booleans are values and stay. An entry whose
 * referent the JVM collected disappears from the table.
 *
 * <p>Entries are kept in insertion order with tombstones for removed keys, so {@code next} keeps
 * working while a traversal clears fields, as Lua allows.
 */
final class WeakStore {
    /** A weakly held key: equal to another key holding the same object. */
    private static final class WeakKey extends WeakReference<Object> {
        private final int hash;

        WeakKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) return true;
            Object me = get();
            return me != null && o instanceof WeakKey w && w.get() == me;
        }
    }

    private static final Object TOMBSTONE = new Object();

    final boolean weakKeys;
    final boolean weakValues;
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private final List<Object> keys = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> index = new HashMap<>();
    private int tombstones;

    WeakStore(boolean weakKeys, boolean weakValues) {
        this.weakKeys = weakKeys;
        this.weakValues = weakValues;
    }

    static boolean collectable(Object v) {
        return v instanceof LuaTable || v instanceof LuaFunction || v instanceof Coroutine || v instanceof LuaUserdata;
    }

    private Object probe(Object key) {
        return weakKeys && collectable(key) ? new WeakKey(key, null) : key;
    }

    private Object unwrapValue(Object v) {
        if (v == TOMBSTONE) return null;
        return v instanceof WeakValue w ? w.get() : v;
    }

    private Object unwrapKey(Object k) {
        return k instanceof WeakKey w ? w.get() : k;
    }

    /** A weakly held value (a distinct class so a stored WeakReference from a host is never unwrapped). */
    private static final class WeakValue extends WeakReference<Object> {
        WeakValue(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
        }
    }

    /** Drops entries whose key or value was collected. */
    private void expunge() {
        Reference<?> r;
        boolean any = false;
        while ((r = queue.poll()) != null) any = true;
        if (!any) return;
        for (int i = 0; i < keys.size(); i++) {
            Object k = keys.get(i), v = values.get(i);
            if (v == TOMBSTONE) continue;
            if (k instanceof WeakKey wk && wk.get() == null || v instanceof WeakValue wv && wv.get() == null) {
                values.set(i, TOMBSTONE);
                tombstones++;
            }
        }
    }

    Object get(Object key) {
        expunge();
        Integer i = index.get(probe(key));
        return i == null ? null : unwrapValue(values.get(i));
    }

    void put(Object key, Object value) {
        expunge();
        Object p = probe(key);
        Integer i = index.get(p);
        if (i != null) {
            Object old = values.get(i);
            if (value == null) {
                if (old != TOMBSTONE) {
                    values.set(i, TOMBSTONE);
                    tombstones++;
                }
            } else {
                if (old == TOMBSTONE) tombstones--;
                values.set(i, wrapValue(value));
            }
            return;
        }
        if (value == null) return;
        if (tombstones > 0 && tombstones * 2 >= keys.size()) compact();
        Object storedKey = weakKeys && collectable(key) ? new WeakKey(key, queue) : key;
        index.put(storedKey, keys.size());
        keys.add(storedKey);
        values.add(wrapValue(value));
    }

    private Object wrapValue(Object value) {
        return weakValues && collectable(value) ? new WeakValue(value, queue) : value;
    }

    private void compact() {
        List<Object> k2 = new ArrayList<>(), v2 = new ArrayList<>();
        index.clear();
        for (int i = 0; i < keys.size(); i++) {
            Object v = values.get(i);
            if (v == TOMBSTONE || unwrapValue(v) == null || unwrapKey(keys.get(i)) == null) continue;
            index.put(keys.get(i), k2.size());
            k2.add(keys.get(i));
            v2.add(v);
        }
        keys.clear();
        keys.addAll(k2);
        values.clear();
        values.addAll(v2);
        tombstones = 0;
    }

    boolean next(Object key, Object[] out, int at) {
        expunge();
        int start = 0;
        if (key != null) {
            Integer i = index.get(probe(key));
            if (i == null) throw LuaError.vm("invalid key to 'next'");
            start = i + 1;
        }
        for (int i = start; i < keys.size(); i++) {
            Object k = unwrapKey(keys.get(i));
            Object v = unwrapValue(values.get(i));
            if (k != null && v != null) {
                out[at] = k;
                out[at + 1] = v;
                return true;
            }
        }
        return false;
    }

    long length() {
        long n = 0;
        while (get(LuaValues.valueOf(n + 1)) != null) n++;
        return n;
    }
}
