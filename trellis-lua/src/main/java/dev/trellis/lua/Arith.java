package dev.trellis.lua;

/**
 * Lua 5.4 arithmetic, bitwise and comparison rules on raw values (no metamethods): integer
 * wrap-around, float promotion, floor division and modulo, string-to-number coercion, and exact
 * comparisons between integers and floats. Each operation returns null when its operands are not
 * numbers, so the interpreter can look for a metamethod.
 *
 * <pre>{@code
 * Arith.arith(Arith.IDIV, 7L, 2L);   // 3L
 * Arith.arith(Arith.DIV, 7L, 2L);    // 3.5
 * }</pre>
 */
public final class Arith {
    private Arith() {}

    public static final int ADD = 0, SUB = 1, MUL = 2, MOD = 3, POW = 4, DIV = 5, IDIV = 6,
            BAND = 7, BOR = 8, BXOR = 9, SHL = 10, SHR = 11, UNM = 12, BNOT = 13;

    static final String[] EVENTS = {"__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv",
        "__band", "__bor", "__bxor", "__shl", "__shr", "__unm", "__bnot"};

    /** The integer with the same value as {@code d}, or null when it has none. */
    static Long exactLong(Double d) {
        double v = d;
        if (v >= -9.223372036854775808E18 && v < 9.223372036854775808E18) {
            long l = (long) v;
            if (l == v) return LuaValues.valueOf(l);
        }
        return null;
    }

    /** Numeric value of a number or a numeric string; null otherwise. */
    static Object toNumeric(Object v) {
        if (v instanceof Long || v instanceof Double) return v;
        if (v instanceof String s) return LuaValues.toNumber(s);
        return null;
    }

    /** Integer value for bitwise operations: integers, integral floats, numeric strings. */
    static Long toIntegerStrict(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof Double d) return exactLong(d);
        if (v instanceof String s) {
            Object n = LuaValues.toNumber(s);
            if (n instanceof Long l) return l;
            if (n instanceof Double d) return exactLong(d);
        }
        return null;
    }

    static double toDouble(Object n) {
        return n instanceof Long l ? (double) l : (Double) n;
    }

    /** Applies a binary or unary operator to raw values; null when a metamethod must decide. */
    public static Object arith(int op, Object a, Object b) {
        if (op >= BAND && op <= SHR || op == BNOT) {
            Object na = a instanceof String ? null : toNumeric(a);
            Object nb = op == BNOT ? na : b instanceof String ? null : toNumeric(b);
            if (na == null || nb == null) return null;
            Long x = toIntegerStrict(na), y = op == BNOT ? x : toIntegerStrict(nb);
            if (x == null || y == null) {
                throw LuaError.operand("number has no integer representation");
            }
            return LuaValues.valueOf(bitwise(op, x, y));
        }
        Object na = toNumeric(a);
        Object nb = op == UNM ? na : toNumeric(b);
        if (na == null || nb == null) return null;
        if (na instanceof Long x && nb instanceof Long y && op != POW && op != DIV) {
            return LuaValues.valueOf(intArith(op, x, y));
        }
        return floatArith(op, toDouble(na), toDouble(nb));
    }

    static long intArith(int op, long x, long y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case MOD: return imod(x, y);
            case IDIV: return idiv(x, y);
            case UNM: return -x;
            default: throw new IllegalArgumentException("op " + op);
        }
    }

    static double floatArith(int op, double x, double y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case DIV: return x / y;
            case POW: return y == 2 ? x * x : Math.pow(x, y);
            case MOD: return fmod(x, y);
            case IDIV: return Math.floor(x / y);
            case UNM: return -x;
            default: throw new IllegalArgumentException("op " + op);
        }
    }

    static long bitwise(int op, long x, long y) {
        switch (op) {
            case BAND: return x & y;
            case BOR: return x | y;
            case BXOR: return x ^ y;
            case SHL: return shiftLeft(x, y);
            case SHR: return shiftLeft(x, -y);
            case BNOT: return ~x;
            default: throw new IllegalArgumentException("op " + op);
        }
    }

    static long shiftLeft(long x, long y) {
        if (y <= -64 || y >= 64) return 0;
        if (y >= 0) return x << y;
        return x >>> -y;
    }

    static long imod(long a, long b) {
        if (b == 0) throw LuaError.runtime("attempt to perform 'n%0'");
        if (b == -1) return 0;
        long m = a % b;
        if (m != 0 && (m ^ b) < 0) m += b;
        return m;
    }

    static long idiv(long a, long b) {
        if (b == 0) throw LuaError.runtime("attempt to divide by zero");
        if (b == -1) return -a;
        return Math.floorDiv(a, b);
    }

    static double fmod(double a, double b) {
        double m;
        if (Double.isInfinite(b) && !Double.isNaN(a) && !Double.isInfinite(a)) {
            m = a;
        } else {
            m = a % b;
        }
        if (m != 0 && (m > 0) != (b > 0) && !Double.isNaN(m)) m += b;
        return m;
    }

    /** a &lt; b for two numbers (Long or Double), exact across subtypes. */
    static boolean numLt(Object a, Object b) {
        if (a instanceof Long x) {
            if (b instanceof Long y) return x < y;
            return ltIntFloat(x, (Double) b);
        }
        double x = (Double) a;
        if (b instanceof Double y) return x < y;
        return ltFloatInt(x, (Long) b);
    }

    /** a &lt;= b for two numbers. */
    static boolean numLe(Object a, Object b) {
        if (a instanceof Long x) {
            if (b instanceof Long y) return x <= y;
            return leIntFloat(x, (Double) b);
        }
        double x = (Double) a;
        if (b instanceof Double y) return x <= y;
        return leFloatInt(x, (Long) b);
    }

    private static final double TWO63 = 9.223372036854775808E18;

    private static boolean ltIntFloat(long i, double f) {
        if (Math.abs(i) < (1L << 53)) return i < f;
        if (Double.isNaN(f)) return false;
        if (f >= TWO63) return true;
        if (f <= -TWO63) return false;
        return i < (long) Math.ceil(f);
    }

    private static boolean leIntFloat(long i, double f) {
        if (Math.abs(i) < (1L << 53)) return i <= f;
        if (Double.isNaN(f)) return false;
        if (f >= TWO63) return true;
        if (f < -TWO63) return false;
        return i <= (long) Math.floor(f);
    }

    private static boolean ltFloatInt(double f, long i) {
        if (Math.abs(i) < (1L << 53)) return f < i;
        if (Double.isNaN(f)) return false;
        if (f >= TWO63) return false;
        if (f < -TWO63) return true;
        return (long) Math.floor(f) < i;
    }

    private static boolean leFloatInt(double f, long i) {
        if (Math.abs(i) < (1L << 53)) return f <= i;
        if (Double.isNaN(f)) return false;
        if (f >= TWO63) return false;
        if (f < -TWO63) return true;
        return (long) Math.ceil(f) <= i;
    }
}
