package dev.trellis.lua;

import static dev.trellis.lua.LuaArgs.*;
import static dev.trellis.lua.StandardLibrary.fn;

/** The table library: insert, remove, concat, sort, unpack, pack, move. */
final class TableLib {
    private TableLib() {}

    static final JavaFunction UNPACK = JavaFunction.of("unpack", (L, a) -> {
        Object t = arg(a, 0);
        long i = optInteger(a, 1, "unpack", 1);
        long j = arg(a, 2) == null ? lengthOf(L, t) : checkInteger(a, 2, "unpack");
        if (i > j) return JavaFunction.NONE;
        long n = j - i + 1;
        if (n >= 1_000_000 || n <= 0) throw LuaError.runtime("too many results to unpack");
        Object[] r = new Object[(int) n];
        for (int k = 0; k < n; k++) r[k] = get(L, t, i + k);
        return r;
    });

    static LuaTable create() {
        LuaTable t = new LuaTable();
        fn(t, "insert", (L, a) -> {
            LuaTable tbl = checkTable(a, 0, "insert");
            long e = lengthOf(L, tbl) + 1;
            switch (a.length) {
                case 2 -> set(L, tbl, e, a[1]);
                case 3 -> {
                    long pos = checkInteger(a, 1, "insert");
                    if (pos - 1 < 0 || pos - 1 >= e) throw argError(1, "insert", "position out of bounds");
                    if (tbl.getMetatable() == null) {
                        tbl.insert(pos, a[2]);
                    } else {
                        for (long i = e; i > pos; i--) set(L, tbl, i, get(L, tbl, i - 1));
                        set(L, tbl, pos, a[2]);
                    }
                }
                default -> throw LuaError.runtime("wrong number of arguments to 'insert'");
            }
            return JavaFunction.NONE;
        });
        fn(t, "remove", (L, a) -> {
            LuaTable tbl = checkTable(a, 0, "remove");
            long size = lengthOf(L, tbl);
            long pos = optInteger(a, 1, "remove", size);
            if (a.length > 1 && size + 1 != pos && (pos < 1 || pos > size + 1)) {
                if (!(size == 0 && pos == 0)) throw argError(0, "remove", "position out of bounds");
            }
            Object v = get(L, tbl, pos);
            for (; pos < size; pos++) set(L, tbl, pos, get(L, tbl, pos + 1));
            if (pos <= size || a.length > 1 && pos == size) set(L, tbl, pos, null);
            return new Object[] {v};
        });
        fn(t, "concat", (L, a) -> {
            LuaTable tbl = checkTable(a, 0, "concat");
            String sep = optString(a, 1, "concat", "");
            long i = optInteger(a, 2, "concat", 1);
            long j = arg(a, 3) == null ? lengthOf(L, tbl) : checkInteger(a, 3, "concat");
            StringBuilder sb = new StringBuilder();
            for (long k = i; k <= j; k++) {
                Object v = get(L, tbl, k);
                if (v instanceof String s) sb.append(s);
                else if (v instanceof Long || v instanceof Double) sb.append(LuaValues.tostring(v));
                else if (v instanceof TextValue tv) sb.append(tv.luaText());
                else throw LuaError.runtime("invalid value (" + LuaValues.typeName(v) + ") at index " + k + " in table for 'concat'");
                if (k < j) sb.append(sep);
                if (sb.length() > L.maxStringSize) throw LuaError.runtime("resulting string too large");
            }
            return new Object[] {sb.toString()};
        });
        fn(t, "pack", (L, a) -> {
            LuaTable r = new LuaTable(a.length, 1);
            for (int i = 0; i < a.length; i++) r.rawsetInt(i + 1, a[i]);
            r.rawset("n", LuaValues.valueOf(a.length));
            return new Object[] {r};
        });
        t.rawset("unpack", UNPACK);
        fn(t, "move", (L, a) -> {
            LuaTable a1 = checkTable(a, 0, "move");
            long f = checkInteger(a, 1, "move");
            long e = checkInteger(a, 2, "move");
            long tpos = checkInteger(a, 3, "move");
            LuaTable a2 = arg(a, 4) == null ? a1 : checkTable(a, 4, "move");
            if (e >= f) {
                if (!(f > 0 || e < Long.MAX_VALUE + f)) throw argError(2, "move", "too many elements to move");
                if (tpos > Long.MAX_VALUE - (e - f) ) throw argError(3, "move", "destination wrap around");
                if (tpos > e || tpos <= f || a1 != a2) {
                    for (long i = 0; i <= e - f; i++) set(L, a2, tpos + i, get(L, a1, f + i));
                } else {
                    for (long i = e - f; i >= 0; i--) set(L, a2, tpos + i, get(L, a1, f + i));
                }
            }
            return new Object[] {a2};
        });
        fn(t, "sort", (L, a) -> {
            LuaTable tbl = checkTable(a, 0, "sort");
            Object cmp = arg(a, 1);
            if (cmp != null && !(cmp instanceof LuaFunction)) throw typeError(a, 1, "sort", "function");
            long n = lengthOf(L, tbl);
            if (n > 1) {
                if (n >= Integer.MAX_VALUE) throw argError(0, "sort", "array too big");
                Object[] items = new Object[(int) n];
                for (int i = 0; i < n; i++) items[i] = get(L, tbl, i + 1);
                new Sorter(L, cmp).sort(items, 0, items.length - 1);
                for (int i = 0; i < n; i++) set(L, tbl, i + 1, items[i]);
            }
            return JavaFunction.NONE;
        });
        return t;
    }

    static long lengthOf(LuaState L, Object t) {
        if (t instanceof LuaTable tt && tt.getMetatable() == null) return tt.length();
        Object n = Metamethods.len(L, t);
        if (n instanceof Long l) return l;
        if (n instanceof Double d && Arith.exactLong(d) != null) return Arith.exactLong(d);
        throw LuaError.runtime("object length is not an integer");
    }

    static Object get(LuaState L, Object t, long i) {
        if (t instanceof LuaTable tt && tt.getMetatable() == null) return tt.rawgetInt(i);
        return Metamethods.index(L, t, LuaValues.valueOf(i));
    }

    static void set(LuaState L, LuaTable t, long i, Object v) {
        if (t.getMetatable() == null) t.rawsetInt(i, v);
        else Metamethods.setIndex(L, t, LuaValues.valueOf(i), v);
    }

    /** Quicksort as in PUC's ltablib (raises "invalid order function for sorting" like it). */
    private static final class Sorter {
        private final LuaState L;
        private final Object cmp;

        Sorter(LuaState L, Object cmp) {
            this.L = L;
            this.cmp = cmp;
        }

        boolean lt(Object x, Object y) {
            if (cmp == null) return Metamethods.lessThan(L, x, y);
            return LuaValues.isTruthy(Metamethods.first(L.call(cmp, x, y)));
        }

        void sort(Object[] a, int lo, int up) {
            while (lo < up) {
                if (lt(a[up], a[lo])) swap(a, lo, up);
                if (up - lo == 1) break;
                int p = (lo + up) >>> 1;
                if (lt(a[p], a[lo])) swap(a, p, lo);
                else if (lt(a[up], a[p])) swap(a, p, up);
                if (up - lo == 2) break;
                Object pivot = a[p];
                swap(a, p, up - 1);
                int i = lo, j = up - 1;
                while (true) {
                    while (lt(a[++i], pivot)) {
                        if (i == up - 1) throw LuaError.runtime("invalid order function for sorting");
                    }
                    while (lt(pivot, a[--j])) {
                        if (j < lo) throw LuaError.runtime("invalid order function for sorting");
                    }
                    if (j < i) break;
                    swap(a, i, j);
                }
                swap(a, up - 1, i);
                if (i - lo < up - i) {
                    sort(a, lo, i - 1);
                    lo = i + 1;
                } else {
                    sort(a, i + 1, up);
                    up = i - 1;
                }
            }
        }

        private static void swap(Object[] a, int i, int j) {
            Object t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
