package dev.trellis.lua;

/**
 * A Lua table: an array part for the keys 1..n and an open-addressing hash part for the rest,
 * with an optional metatable. A table may be frozen read-only ({@link #freeze()}); the shared
 * standard library is, so no state can change what another sees.
 *
 * <pre>{@code
 * LuaTable t = new LuaTable();
 * t.rawset(1L, "a");
 * t.rawset("name", "trellis");
 * t.length();            // 1
 * t.rawget("name");      // "trellis"
 * }</pre>
 *
 * <p>Not thread-safe: a table belongs to one Lua state, and only frozen tables may be read from
 * several threads at once.
 */
public final class LuaTable {
    private static final Object[] EMPTY = new Object[0];

    /** Array part: slots for keys 1..arraySize (arraySize's slot is never nil). */
    private Object[] array = EMPTY;
    private int arraySize;
    /** Hash part: keys and values; a key with a null value is a tombstone kept for next(). */
    private Object[] hashKeys;
    private Object[] hashValues;
    /** Occupied hash slots, tombstones included. */
    private int hashUsed;
    private LuaTable metatable;
    /** READ_ONLY and/or WEAK; zero for ordinary tables, so writes check one byte. */
    private byte mode;
    private static final byte READ_ONLY = 1, WEAK = 2;
    /** The contents of a weak table (its array and hash parts are then empty), else null. */
    private WeakStore weak;

    public LuaTable() {}

    /** A table with room for {@code arrayCapacity} sequence items and {@code hashCapacity} fields. */
    public LuaTable(int arrayCapacity, int hashCapacity) {
        if (arrayCapacity > 0) array = new Object[arrayCapacity];
        if (hashCapacity > 0) {
            int cap = 4;
            while (cap / 2 < hashCapacity) cap <<= 1;
            hashKeys = new Object[cap];
            hashValues = new Object[cap];
        }
    }

    public LuaTable getMetatable() {
        return metatable;
    }

    public void setMetatable(LuaTable mt) {
        checkWritable();
        this.metatable = mt;
        Object m = mt == null ? null : mt.rawgetStr("__mode");
        boolean wk = m instanceof String s && s.indexOf('k') >= 0;
        boolean wv = m instanceof String s2 && s2.indexOf('v') >= 0;
        if (wk || wv) {
            if (weak == null || weak.weakKeys != wk || weak.weakValues != wv) becomeWeak(wk, wv);
        } else if (weak != null) {
            becomeStrong();
        }
    }

    private void becomeWeak(boolean wk, boolean wv) {
        WeakStore store = new WeakStore(wk, wv);
        Object[] kv = new Object[2];
        for (Object k = null; next(k, kv); k = kv[0]) store.put(kv[0], kv[1]);
        weak = store;
        mode |= WEAK;
        array = EMPTY;
        arraySize = 0;
        hashKeys = null;
        hashValues = null;
        hashUsed = 0;
    }

    private void becomeStrong() {
        WeakStore store = weak;
        weak = null;
        mode &= ~WEAK;
        Object[] kv = new Object[2];
        for (Object k = null; store.next(k, kv, 0); k = kv[0]) rawset(kv[0], kv[1]);
    }

    /** Makes this table read-only: every later raw write raises a Lua error. */
    public LuaTable freeze() {
        mode |= READ_ONLY;
        return this;
    }

    public boolean isReadOnly() {
        return (mode & READ_ONLY) != 0;
    }

    private void checkWritable() {
        if ((mode & READ_ONLY) != 0) {
            throw LuaError.vm("attempt to modify a read-only table (the shared standard library)");
        }
    }

    // ---------------------------------------------------------------- reads

    /** Raw get (no {@code __index}). */
    public Object rawget(Object key) {
        if (key instanceof Long l) return rawgetInt(l);
        if (key instanceof String) return hashGet(key);
        if (key instanceof Double d) {
            Long k = Arith.exactLong(d);
            if (k != null) return rawgetInt(k);
        }
        if (key == null) return null;
        return hashGet(key);
    }

    /** Raw get of an integer key. */
    public Object rawgetInt(long key) {
        if (key - 1 < arraySize && key >= 1) return array[(int) (key - 1)];
        if (hashKeys == null) return weak == null ? null : weak.get(LuaValues.valueOf(key));
        return hashGet(LuaValues.valueOf(key));
    }

    /** Raw get of a string key. */
    public Object rawgetStr(String key) {
        Object[] keys = hashKeys;
        if (keys == null) return weak == null ? null : weak.get(key);
        int mask = keys.length - 1;
        int h = key.hashCode();
        int i = (h ^ (h >>> 16)) & mask;
        while (true) {
            Object k = keys[i];
            if (k == key) return hashValues[i]; // interned constants usually match here
            if (k == null) return null;
            if (k instanceof String s && s.hashCode() == h && s.equals(key)) return hashValues[i];
            i = (i + 1) & mask;
        }
    }

    private Object hashGet(Object key) {
        if (key instanceof String s) return rawgetStr(s);
        Object[] keys = hashKeys;
        if (keys == null) return weak == null ? null : weak.get(key);
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        if (key instanceof Long l) {
            long v = l;
            while (true) {
                Object k = keys[i];
                if (k == null) return null;
                if (k == key || k instanceof Long kl && kl == v) return hashValues[i];
                i = (i + 1) & mask;
            }
        }
        while (true) {
            Object k = keys[i];
            if (k == null) return null;
            if (k == key || k.equals(key)) return hashValues[i];
            i = (i + 1) & mask;
        }
    }

    private static int hash(Object key) {
        int h;
        if (key instanceof Long l) {
            long v = l;
            h = (int) (v ^ (v >>> 32));
            h *= 0x9E3779B9;
        } else {
            h = key.hashCode();
        }
        return h ^ (h >>> 16);
    }

    // ---------------------------------------------------------------- writes

    /** Raw set (no {@code __newindex}); a nil value removes the key. */
    public void rawset(Object key, Object value) {
        if (key instanceof Long l) {
            rawsetInt(l, value);
            return;
        }
        if (key instanceof Double d) {
            Long k = Arith.exactLong(d);
            if (k != null) {
                rawsetInt(k, value);
                return;
            }
            if (Double.isNaN(d)) throw LuaError.vm("table index is NaN");
        }
        if (key == null) throw LuaError.vm("table index is nil");
        if (mode != 0 && specialWrite(key, value)) return;
        hashPut(key, value);
    }

    /** Writes to read-only (raises) and weak tables; false for an ordinary write. */
    private boolean specialWrite(Object key, Object value) {
        checkWritable();
        if (weak == null) return false;
        weak.put(key, value);
        return true;
    }

    /** Raw set of an integer key. */
    public void rawsetInt(long key, Object value) {
        if (mode != 0 && specialWrite(LuaValues.valueOf(key), value)) return;
        int size = arraySize;
        if (key >= 1 && key <= size) {
            array[(int) (key - 1)] = value;
            if (value == null && key == size) {
                int n = size - 1;
                while (n > 0 && array[n - 1] == null) n--;
                arraySize = n;
            }
            return;
        }
        if (key == size + 1 && value != null && size < Integer.MAX_VALUE - 8) {
            if (size == array.length) {
                Object[] a = new Object[Math.max(4, size * 2)];
                System.arraycopy(array, 0, a, 0, size);
                array = a;
            }
            array[size] = value;
            arraySize = size + 1;
            if (hashKeys != null) {
                hashRemove(LuaValues.valueOf(key));
                migrateFromHash();
            }
            return;
        }
        hashPut(LuaValues.valueOf(key), value);
    }

    private void migrateFromHash() {
        while (true) {
            Long next = LuaValues.valueOf(arraySize + 1L);
            Object v = hashGet(next);
            if (v == null) return;
            hashRemove(next);
            if (arraySize == array.length) {
                Object[] a = new Object[arraySize * 2];
                System.arraycopy(array, 0, a, 0, arraySize);
                array = a;
            }
            array[arraySize++] = v;
        }
    }

    private void hashRemove(Object key) {
        Object[] keys = hashKeys;
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (true) {
            Object k = keys[i];
            if (k == null) return;
            if (k == key || k.equals(key)) {
                hashValues[i] = null;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Raw set of a string key. */
    public void rawsetStr(String key, Object value) {
        if (mode != 0 && specialWrite(key, value)) return;
        hashPut(key, value);
    }

    private void hashPut(Object key, Object value) {
        Object[] keys = hashKeys;
        if (keys == null) {
            if (value == null) return;
            hashKeys = keys = new Object[4];
            hashValues = new Object[4];
        }
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (true) {
            Object k = keys[i];
            if (k == null) break;
            if (k == key || k.equals(key)) {
                hashValues[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        if (value == null) return;
        if ((hashUsed + 1) * 2 > keys.length) { // at most half full: short probe chains for misses
            rehash();
            hashPut(key, value);
            return;
        }
        keys[i] = key;
        hashValues[i] = value;
        hashUsed++;
    }

    private void rehash() {
        Object[] oldK = hashKeys, oldV = hashValues;
        int live = 0;
        for (Object v : oldV) if (v != null) live++;
        int cap = 4;
        while (cap / 2 <= live + 1) cap <<= 1;
        hashKeys = new Object[cap];
        hashValues = new Object[cap];
        hashUsed = 0;
        int mask = cap - 1;
        for (int j = 0; j < oldK.length; j++) {
            if (oldV[j] != null) {
                Object key = oldK[j];
                int i = hash(key) & mask;
                while (hashKeys[i] != null) i = (i + 1) & mask;
                hashKeys[i] = key;
                hashValues[i] = oldV[j];
                hashUsed++;
            }
        }
    }

    // ---------------------------------------------------------------- length and traversal

    /** The border {@code #t} (raw, no {@code __len}). */
    public long length() {
        if (weak != null) return weak.length();
        if (arraySize > 0) return arraySize;
        if (hashKeys == null || hashGet(1L) == null) return 0;
        long i = 1, j = 2;
        while (hashGet(j) != null) {
            i = j;
            if (j > Long.MAX_VALUE / 2) {
                long k = 1;
                while (rawgetInt(k) != null) k++;
                return k - 1;
            }
            j *= 2;
        }
        while (j - i > 1) {
            long m = (i + j) >>> 1;
            if (hashGet(m) == null) j = m;
            else i = m;
        }
        return i;
    }

    /** Raw sequence length used by table functions: same as {@link #length()}. */
    int arrayPartSize() {
        return arraySize;
    }

    /**
     * The entry after {@code key} in traversal order, as {@code {key, value}} written into
     * {@code out}; returns false at the end. Raises "invalid key to 'next'" for unknown keys.
     */
    public boolean next(Object key, Object[] out) {
        return next(key, out, 0);
    }

    /** {@link #next(Object, Object[])} writing key and value at {@code out[at]} and {@code out[at + 1]}. */
    boolean next(Object key, Object[] out, int at) {
        if (weak != null) return weak.next(key, out, at);
        int i;
        if (key == null) {
            i = 0;
        } else {
            i = -1;
            if (key instanceof Long || key instanceof Double) {
                Object k = key instanceof Double d ? Arith.exactLong(d) : key;
                if (k instanceof Long l && l >= 1 && l <= arraySize) i = (int) (long) l;
            }
            if (i < 0) {
                Object hk = key instanceof Double d && Arith.exactLong(d) != null ? Arith.exactLong(d) : key;
                int slot = findSlot(hk);
                if (slot < 0) throw LuaError.vm("invalid key to 'next'");
                i = arraySize + slot + 1;
            }
        }
        for (; i < arraySize; i++) {
            if (array[i] != null) {
                out[at] = LuaValues.valueOf(i + 1L);
                out[at + 1] = array[i];
                return true;
            }
        }
        if (hashKeys != null) {
            for (int s = i - arraySize; s < hashKeys.length; s++) {
                if (hashValues[s] != null) {
                    out[at] = hashKeys[s];
                    out[at + 1] = hashValues[s];
                    return true;
                }
            }
        }
        return false;
    }

    private int findSlot(Object key) {
        Object[] keys = hashKeys;
        if (keys == null) return -1;
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (true) {
            Object k = keys[i];
            if (k == null) return -1;
            if (k == key || k.equals(key)) return i;
            i = (i + 1) & mask;
        }
    }

    // ---------------------------------------------------------------- sequence helpers

    /** Inserts {@code value} at {@code pos} (1-based), shifting up the items pos..n. */
    void insert(long pos, Object value) {
        long n = length();
        if (pos == n + 1) {
            rawsetInt(pos, value);
            return;
        }
        if (arraySize == n && value != null) {
            checkWritable();
            rawsetInt(n + 1, array[(int) n - 1]);
            System.arraycopy(array, (int) pos - 1, array, (int) pos, (int) (n - pos));
            array[(int) pos - 1] = value;
            return;
        }
        for (long i = n; i >= pos; i--) rawsetInt(i + 1, rawgetInt(i));
        rawsetInt(pos, value);
    }

    /** Metamethod {@code name} of this metatable, or null. */
    Object metamethod(String name) {
        return hashGet(name);
    }
}
