package dev.trellis.lua.lib.text;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helper: evaluates a Lua call expression such as {@code find("a.b", "%.", 1, true)} on the
 * text-library classes the way the VM's wiring will (argument checks, defaults, multiple results),
 * and serialises the results exactly as {@code puc-cases.lua} serialises PUC Lua's, so recorded
 * PUC answers can be compared line by line.
 *
 * <pre>{@code
 * LuaTextHarness.checkCases(PatternCases.CASES);   // "> expr" lines followed by "= result" lines
 * }</pre>
 *
 * <p>Arguments are literals: strings with Lua escapes, integers, floats, {@code true false nil},
 * {@code inf nan mininteger maxinteger}, tables {@code {k = v, ...}}, and the replacement
 * functions {@code F_upper F_nil F_false F_table F_num F_caps}.
 */
final class LuaTextHarness {
    private LuaTextHarness() {
    }

    /** Checks every "> expr" / "= result" pair of a cases text; reports all mismatches at once. */
    static void checkCases(String cases) {
        List<String> failures = new ArrayList<>();
        String expr = null;
        int count = 0;
        for (String line : cases.split("\n")) {
            if (line.startsWith("> ")) {
                expr = line.substring(2);
            } else if (line.startsWith("= ") && expr != null) {
                String expected = line.substring(2);
                String actual;
                try {
                    actual = eval(expr);
                } catch (RuntimeException e) {
                    actual = "JAVA EXCEPTION " + e;
                }
                count++;
                if (!expected.equals(actual)) {
                    failures.add(expr + "\n    expected: " + expected + "\n    actual:   " + actual);
                }
                expr = null;
            }
        }
        assertThat(count).as("cases checked").isPositive();
        assertThat(failures).as("mismatches with PUC Lua 5.4 (of " + count + " cases)").isEmpty();
    }

    /** Evaluates one call expression and serialises its results (or "E: message"). */
    static String eval(String expr) {
        Parser p = new Parser(expr);
        String name = p.name();
        p.expect('(');
        List<Object> args = new ArrayList<>();
        p.skip();
        if (p.peek() != ')') {
            do {
                args.add(p.value());
                p.skip();
            } while (p.accept(','));
        }
        p.expect(')');
        Object[] a = args.toArray();
        try {
            return serialize(call(name, a));
        } catch (LuaTextError e) {
            String fn = switch (name) {
                case "utf8codes" -> "codes";
                default -> name;
            };
            return "E: " + e.messageFor(fn);
        }
    }

    // ---------------------------------------------------------------- the wiring, as the VM does it

    /** Plain values, with Java maps standing for Lua tables. */
    static final ValueOps OPS = new ValueOps() {
        @Override
        public String tostring(Object v) {
            return ValueOps.PLAIN.tostring(v);
        }

        @Override
        public String typeName(Object v) {
            return v instanceof Map<?, ?> ? "table" : ValueOps.PLAIN.typeName(v);
        }
    };

    private static Object arg(Object[] a, int i) {
        return i < a.length ? a[i] : null;
    }

    private static long optInt(Object[] a, int i, long d) {
        Object v = arg(a, i);
        return v == null ? d : LuaNumbers.checkInteger(v, i + 1, OPS);
    }

    private static String str(Object[] a, int i) {
        if (i >= a.length) {
            throw LuaTextError.argument(i + 1, "string expected, got no value");
        }
        return LuaNumbers.checkString(a[i], i + 1, OPS);
    }

    private static boolean truthy(Object v) {
        return v != null && v != Boolean.FALSE;
    }

    private static Object[] rest(Object[] a, int from) {
        Object[] r = new Object[Math.max(0, a.length - from)];
        System.arraycopy(a, from, r, 0, r.length);
        return r;
    }

    private static Object[] many(Object... values) {
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Object[] call(String name, Object[] a) {
        ValueOps ops = OPS;
        switch (name) {
            case "find": {
                return LuaPattern.find(str(a, 0), str(a, 1), optInt(a, 2, 1), truthy(arg(a, 3)));
            }
            case "match": {
                return LuaPattern.match(str(a, 0), str(a, 1), optInt(a, 2, 1));
            }
            case "gmatch": {
                LuaPattern.GMatch it = LuaPattern.gmatch(str(a, 0), str(a, 1), optInt(a, 2, 1));
                List<Object> out = new ArrayList<>();
                for (Object[] caps; (caps = it.next()) != null; ) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 0; i < Math.min(3, caps.length); i++) {
                        row.add(caps[i]);
                    }
                    out.add(row);
                }
                return many(out);
            }
            case "gsub": {
                String s = str(a, 0);
                String p = str(a, 1);
                Object repl = arg(a, 2);
                long max = optInt(a, 3, s.length() + 1L);
                LuaPattern.GsubResult r;
                if (repl instanceof String || repl instanceof Long || repl instanceof Double) {
                    r = LuaPattern.gsub(s, p, LuaNumbers.checkString(repl, 3, ops), max);
                } else if (repl instanceof Map<?, ?> m) {
                    r = LuaPattern.gsub(s, p, caps -> m.get(caps[0]), ops, max);
                } else if (repl instanceof Fn f) {
                    r = LuaPattern.gsub(s, p, f::apply, ops, max);
                } else {
                    throw LuaTextError.argument(3, "string/function/table expected, got " + ops.typeName(repl));
                }
                return many(r.result(), r.count());
            }
            case "format": {
                return many(StringFormat.format(ops, str(a, 0), rest(a, 1)));
            }
            case "pack": {
                return many(StringPack.pack(ops, str(a, 0), rest(a, 1)));
            }
            case "unpack": {
                return StringPack.unpack(str(a, 0), str(a, 1), optInt(a, 2, 1));
            }
            case "packsize": {
                return many(StringPack.packsize(str(a, 0)));
            }
            case "utf8char": {
                long[] codes = new long[a.length];
                for (int i = 0; i < a.length; i++) {
                    codes[i] = LuaNumbers.checkInteger(a[i], i + 1, ops);
                }
                return many(Utf8Lib.chars(codes));
            }
            case "utf8len": {
                return Utf8Lib.len(str(a, 0), optInt(a, 1, 1), optInt(a, 2, -1), truthy(arg(a, 3)));
            }
            case "utf8codepoint": {
                String s = str(a, 0);
                long i = optInt(a, 1, 1);
                long posi = i >= 0 ? i : (-i > s.length() ? 0 : s.length() + i + 1);
                long[] cps = Utf8Lib.codepoint(s, i, optInt(a, 2, posi), truthy(arg(a, 3)));
                Object[] out = new Object[cps.length];
                for (int k = 0; k < cps.length; k++) {
                    out[k] = cps[k];
                }
                return out;
            }
            case "utf8offset": {
                String s = str(a, 0);
                long n = LuaNumbers.checkInteger(arg(a, 1), 2, ops);
                return many(Utf8Lib.offset(s, n, optInt(a, 2, Utf8Lib.offsetDefault(s, n))));
            }
            case "utf8codes": {
                String s = str(a, 0);
                boolean lax = truthy(arg(a, 1));
                List<Object> out = new ArrayList<>();
                for (Object[] c = Utf8Lib.codesStep(s, 0, lax); c != null; c = Utf8Lib.codesStep(s, (Long) c[0], lax)) {
                    out.add(List.of(c[0], c[1]));
                }
                return many(out);
            }
            case "tonumber": {
                if (a.length >= 2 && a[1] != null) {
                    long base = LuaNumbers.checkInteger(a[1], 2, ops);
                    if (!(a[0] instanceof String s)) {
                        throw LuaTextError.argument(1, "string expected, got " + ops.typeName(a[0]));
                    }
                    return many(LuaNumbers.tonumber(s, base));
                }
                return many(LuaNumbers.toNumber(a[0]));
            }
            case "tointeger": {
                return many(LuaNumbers.toInteger(a[0]));
            }
            case "tostring": {
                return many(ops.tostring(a[0]));
            }
            case "date": {
                return many(OsDate.date(a.length > 0 && a[0] != null ? str(a, 0) : "%c",
                    optInt(a, 1, 0), ZoneOffset.UTC));
            }
            case "ostime": {
                Map<Object, Object> t = (Map<Object, Object>) a[0];
                OsDate.Normalized r = OsDate.time(t::get, ZoneOffset.UTC);
                Map<String, Object> f = r.fields();
                return many(r.time(), f.get("year"), f.get("month"), f.get("day"), f.get("hour"),
                    f.get("min"), f.get("sec"), f.get("yday"), f.get("wday"), f.get("isdst"));
            }
            default:
                throw new IllegalArgumentException("no such case function: " + name);
        }
    }

    // ---------------------------------------------------------------- replacement functions

    private interface Fn {
        Object apply(Object[] caps);
    }

    private static final Map<String, Fn> FUNCTIONS = Map.of(
        "F_upper", caps -> ((String) caps[0]).toUpperCase(java.util.Locale.ROOT),
        "F_nil", caps -> null,
        "F_false", caps -> Boolean.FALSE,
        "F_table", caps -> new HashMap<>(),
        "F_num", caps -> 42L,
        "F_caps", caps -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < caps.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(ValueOps.PLAIN.tostring(caps[i]));
            }
            return b.toString();
        });

    // ---------------------------------------------------------------- serialisation

    static String serialize(Object[] results) {
        if (results == null) {
            return "nil";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < results.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            ser(b, results[i]);
        }
        return b.toString();
    }

    private static void ser(StringBuilder b, Object v) {
        switch (v) {
            case null -> b.append("nil");
            case Long l -> b.append(l.longValue());
            case Double d -> {
                long bits = Double.doubleToRawLongBits(d);
                b.append('f');
                for (int i = 0; i < 8; i++) {
                    int by = (int) ((bits >>> (8 * i)) & 0xFF);
                    b.append(Character.forDigit(by >> 4, 16)).append(Character.forDigit(by & 15, 16));
                }
            }
            case String s -> {
                b.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c < 32 || c == 127 || c >= 128 || c == '"' || c == '\\') {
                        b.append('\\');
                        if (c < 100) {
                            b.append('0');
                        }
                        if (c < 10) {
                            b.append('0');
                        }
                        b.append((int) c);
                    } else {
                        b.append(c);
                    }
                }
                b.append('"');
            }
            case List<?> list -> {
                b.append('{');
                // Lua's # of {a, b, c}: trailing nils are not counted
                int n = list.size();
                while (n > 0 && list.get(n - 1) == null) {
                    n--;
                }
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(", ");
                    }
                    ser(b, list.get(i));
                }
                b.append('}');
            }
            case Boolean bo -> b.append(bo);
            default -> b.append(v);
        }
    }

    // ---------------------------------------------------------------- literal parser

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        void skip() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }

        int peek() {
            skip();
            return i < s.length() ? s.charAt(i) : -1;
        }

        boolean accept(char c) {
            if (peek() == c) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!accept(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + s);
            }
        }

        String name() {
            skip();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            return s.substring(start, i);
        }

        Object value() {
            int c = peek();
            if (c == '"' || c == '\'') {
                return string();
            }
            if (c == '{') {
                return table();
            }
            if (c == '-') {
                i++;
                Object v = value();
                return v instanceof Long l ? (Object) (-l) : (Object) (-(Double) v);
            }
            if (Character.isDigit(c) || c == '.') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                    || ((s.charAt(i) == '-' || s.charAt(i) == '+') && "eEpP".indexOf(s.charAt(i - 1)) >= 0))) {
                    i++;
                }
                Object n = LuaNumbers.stringToNumber(s.substring(start, i));
                if (n == null) {
                    throw new IllegalArgumentException("bad number in " + s);
                }
                return n;
            }
            String id = name();
            return switch (id) {
                case "nil" -> null;
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "nan" -> Double.longBitsToDouble(0xFFF8000000000000L); // x86's 0/0
                case "mininteger" -> Long.MIN_VALUE;
                case "maxinteger" -> Long.MAX_VALUE;
                default -> {
                    Fn f = FUNCTIONS.get(id);
                    if (f == null) {
                        throw new IllegalArgumentException("unknown name " + id + " in " + s);
                    }
                    yield f;
                }
            };
        }

        Map<Object, Object> table() {
            expect('{');
            Map<Object, Object> m = new LinkedHashMap<>();
            long n = 1;
            while (peek() != '}') {
                int save = i;
                String key = name();
                if (!key.isEmpty() && peek() == '=') {
                    i++;
                    m.put(key, value());
                } else {
                    i = save;
                    m.put(n++, value());
                }
                accept(',');
            }
            expect('}');
            return m;
        }

        String string() {
            char q = s.charAt(i++);
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != q) {
                char c = s.charAt(i++);
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'a' -> b.append('\u0007');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'v' -> b.append('\u000b');
                    case 'x' -> {
                        b.append((char) Integer.parseInt(s, i, i + 2, 16));
                        i += 2;
                    }
                    case 'u' -> {
                        int end = s.indexOf('}', i);
                        StringBuilder u = new StringBuilder();
                        Utf8Lib.encode(u, Long.parseLong(s, i + 1, end, 16));
                        b.append(u);
                        i = end + 1;
                    }
                    default -> {
                        if (Character.isDigit(e)) {
                            int start = i - 1;
                            while (i < s.length() && i < start + 3 && Character.isDigit(s.charAt(i))) {
                                i++;
                            }
                            b.append((char) Integer.parseInt(s, start, i, 10));
                        } else {
                            b.append(e);
                        }
                    }
                }
            }
            i++;
            return b.toString();
        }
    }
}
