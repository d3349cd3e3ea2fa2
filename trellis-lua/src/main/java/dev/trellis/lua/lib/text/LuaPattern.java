package dev.trellis.lua.lib.text;

/**
 * Lua 5.4 patterns (§6.4.1): {@code string.find}, {@code match}, {@code gmatch} and {@code gsub}.
 *
 * <pre>{@code
 * Object[] r = LuaPattern.find("hello world", "o (w%a+)", 1, false);  // {5L, 11L, "world"}
 * Object[] m = LuaPattern.match("key = value", "(%w+)%s*=%s*(%w+)", 1); // {"key", "value"}
 * LuaPattern.GMatch it = LuaPattern.gmatch("one two", "%a+", 1);
 * for (Object[] w; (w = it.next()) != null; ) { ... }                   // {"one"}, {"two"}
 * LuaPattern.gsub("hello", "l", "L", Long.MAX_VALUE);                   // ("heLLo", 2)
 * }</pre>
 *
 * <p>A port of PUC Lua 5.4's {@code lstrlib.c} matcher, working on the subject's chars (one byte
 * each) without regex or per-character allocation. Results are arrays of Lua values: captured
 * substrings as {@code String}, position captures as {@code Long}; {@code null} is Lua's fail.
 * Malformed patterns raise {@link LuaTextError} with PUC's exact message ("malformed pattern (ends
 * with '%')", "invalid capture index %1", "pattern too complex", ...). As in PUC, a match recurses
 * at most {@value #MAX_CALLS} levels deep and a pattern has at most {@value #MAX_CAPTURES} captures.
 * Stateless and thread-safe; a {@link GMatch} iterator belongs to one caller at a time.
 */
public final class LuaPattern {
    /** {@code MAXCCALLS}: the deepest recursion of the matcher before "pattern too complex". */
    public static final int MAX_CALLS = 200;
    /** {@code LUA_MAXCAPTURES}. */
    public static final int MAX_CAPTURES = 32;

    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final char ESC = '%';

    private LuaPattern() {
    }

    // ================================================================ public API

    /**
     * {@code string.find(s, p, init, plain)}: the start and end (1-based, inclusive) of the first
     * match followed by the captures, or null when there is none.
     */
    public static Object[] find(String s, String p, long init, boolean plain) {
        return findAux(s, p, init, plain, true);
    }

    /** {@code string.match(s, p, init)}: the captures (or the whole match), or null. */
    public static Object[] match(String s, String p, long init) {
        return findAux(s, p, init, false, false);
    }

    /** {@code string.gmatch(s, p, init)}: an iterator over successive matches (5.4 semantics). */
    public static GMatch gmatch(String s, String p, long init) {
        long ls = s.length();
        long start = posrelat(init, ls) - 1;
        if (start > ls) {
            start = ls;
        }
        return new GMatch(new MatchState(s, p), (int) start);
    }

    /**
     * {@code string.gsub(s, p, repl, n)} with a string (or number converted to string)
     * replacement: {@code %0}-{@code %9} insert captures, {@code %%} a percent sign.
     *
     * @param maxN the most replacements to make ({@code Long.MAX_VALUE} when absent)
     */
    public static GsubResult gsub(String s, String p, String repl, long maxN) {
        return gsubAux(s, p, repl, null, null, maxN);
    }

    /**
     * {@code string.gsub(s, p, repl, n)} with a table or function replacement. The wiring layer
     * passes a callback that indexes the table with {@code captures[0]} or calls the function with
     * all captures and returns the first result; a false or nil result keeps the original text,
     * a string or number replaces it, anything else is the error "invalid replacement value (a X)".
     */
    public static GsubResult gsub(String s, String p, Replacement repl, ValueOps ops, long maxN) {
        return gsubAux(s, p, null, repl, ops, maxN);
    }

    /** A table or function replacement for {@link #gsub(String, String, Replacement, ValueOps, long)}. */
    @FunctionalInterface
    public interface Replacement {
        /**
         * The replacement value for one match; {@code captures} holds the captures (or the whole
         * match when the pattern has none), as {@code String} or {@code Long} (position captures).
         */
        Object replace(Object[] captures);
    }

    /** The result of {@code gsub}: the new string and the number of matches replaced. */
    public record GsubResult(String result, long count) {
    }

    /**
     * The state of one {@code gmatch} loop: each {@link #next()} returns the captures of the next
     * match, or null when there are no more. Not thread-safe: one caller at a time.
     */
    public static final class GMatch {
        private final MatchState ms;
        private int src;
        private int lastMatch = -1;

        private GMatch(MatchState ms, int src) {
            this.ms = ms;
            this.src = src;
        }

        /** The captures of the next match, or null at the end of the subject. */
        public Object[] next() {
            MatchState m = ms;
            for (; src <= m.srcEnd; src++) {
                m.reset();
                int e = m.match(src, 0);
                if (e >= 0 && e != lastMatch) {
                    int start = src;
                    src = lastMatch = e;
                    return m.captures(start, e, true);
                }
            }
            return null;
        }
    }

    // ================================================================ find / match / gsub drivers

    private static long posrelat(long pos, long len) {
        if (pos > 0) {
            return pos;
        } else if (pos == 0) {
            return 1;
        } else if (pos < -len) {
            return 1;
        }
        return len + pos + 1;
    }

    private static Object[] findAux(String s, String p, long init, boolean plain, boolean find) {
        int ls = s.length();
        long start = posrelat(init, ls) - 1;
        if (start > ls) {
            return null;
        }
        int s1 = (int) start;
        if (find && (plain || noSpecials(p))) {
            int at = s.indexOf(p, s1);
            return at < 0 ? null : new Object[] {(long) at + 1, (long) at + p.length()};
        }
        boolean anchor = !p.isEmpty() && p.charAt(0) == '^';
        MatchState ms = new MatchState(s, p);
        int pStart = anchor ? 1 : 0;
        do {
            ms.reset();
            int e = ms.match(s1, pStart);
            if (e >= 0) {
                if (find) {
                    Object[] caps = ms.captures(-1, 0, false);
                    Object[] r = new Object[caps.length + 2];
                    r[0] = (long) s1 + 1;
                    r[1] = (long) e;
                    System.arraycopy(caps, 0, r, 2, caps.length);
                    return r;
                }
                return ms.captures(s1, e, true);
            }
        } while (s1++ < ms.srcEnd && !anchor);
        return null;
    }

    private static boolean noSpecials(String p) {
        for (int i = 0, n = p.length(); i < n; i++) {
            switch (p.charAt(i)) {
                case '^', '$', '*', '+', '?', '.', '(', '[', '%', '-' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
    }

    private static GsubResult gsubAux(String src, String p, String replString, Replacement repl,
                                      ValueOps ops, long maxN) {
        boolean anchor = !p.isEmpty() && p.charAt(0) == '^';
        int pStart = anchor ? 1 : 0;
        MatchState ms = new MatchState(src, p);
        StringBuilder b = null;
        int s = 0;
        int copied = 0; // src[copied, s) is pending: not yet appended to b
        int lastMatch = -1;
        long n = 0;
        boolean changed = false;
        while (n < maxN) {
            ms.reset();
            int e = ms.match(s, pStart);
            if (e >= 0 && e != lastMatch) {
                n++;
                if (b == null) {
                    b = new StringBuilder(src.length() + 16);
                }
                b.append(src, copied, s);
                if (replString != null) {
                    addString(ms, b, s, e, replString);
                    changed = true;
                } else {
                    changed |= addValue(ms, b, s, e, repl, ops);
                }
                s = lastMatch = copied = e;
            } else if (s < ms.srcEnd) {
                s++;
            } else {
                break;
            }
            if (anchor) {
                break;
            }
        }
        if (!changed) {
            return new GsubResult(src, n);
        }
        b.append(src, copied, src.length());
        return new GsubResult(b.toString(), n);
    }

    private static void addString(MatchState ms, StringBuilder b, int s, int e, String news) {
        int l = news.length();
        int i = 0;
        while (i < l) {
            int pct = news.indexOf(ESC, i);
            if (pct < 0) {
                break;
            }
            b.append(news, i, pct);
            int c = pct + 1 < l ? news.charAt(pct + 1) : 0;
            if (c == ESC) {
                b.append(ESC);
            } else if (c == '0') {
                b.append(ms.src, s, e);
            } else if (c >= '1' && c <= '9') {
                ms.appendCapture(b, c - '1', s, e);
            } else {
                throw LuaTextError.error("invalid use of '%' in replacement string");
            }
            i = pct + 2;
        }
        if (i < l) {
            b.append(news, i, l);
        }
    }

    private static boolean addValue(MatchState ms, StringBuilder b, int s, int e, Replacement repl, ValueOps ops) {
        Object v = repl.replace(ms.captures(s, e, true));
        if (v == null || v == Boolean.FALSE) {
            b.append(ms.src, s, e);
            return false;
        }
        switch (v) {
            case String str -> b.append(str);
            case Long l -> b.append(l.longValue());
            case Double d -> b.append(LuaNumbers.tostring(d));
            default -> throw LuaTextError.error("invalid replacement value (a " + ops.typeName(v) + ")");
        }
        return true;
    }

    // ================================================================ the matcher

    /** One match attempt's state: the subject, the pattern and the open captures. */
    private static final class MatchState {
        final String src;
        final String pat;
        final int srcEnd;
        final int patEnd;
        int level;           // number of captures started so far
        int matchDepth;      // remaining recursion budget
        final int[] capInit = new int[MAX_CAPTURES];
        final int[] capLen = new int[MAX_CAPTURES];

        MatchState(String src, String pat) {
            this.src = src;
            this.pat = pat;
            this.srcEnd = src.length();
            this.patEnd = pat.length();
        }

        void reset() {
            level = 0;
            matchDepth = MAX_CALLS;
        }

        /** The pattern char at {@code i}, or 0 past its end (C strings end with a NUL). */
        private int pc(int i) {
            return i < patEnd ? pat.charAt(i) : 0;
        }

        /** The subject char at {@code i}, or 0 past its end. */
        private int sc(int i) {
            return i < srcEnd ? src.charAt(i) : 0;
        }

        // ------------------------------------------------------------ captures

        /**
         * The captures of a successful match of src[s, e): the whole match when there are no
         * captures and {@code wholeIfNone}, else one value per capture.
         */
        Object[] captures(int s, int e, boolean wholeIfNone) {
            int n = (level == 0 && wholeIfNone) ? 1 : level;
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = capture(i, s, e);
            }
            return out;
        }

        private Object capture(int i, int s, int e) {
            if (i >= level) {
                if (i != 0) {
                    throw LuaTextError.error("invalid capture index %" + (i + 1));
                }
                return src.substring(s, e);
            }
            int l = capLen[i];
            if (l == CAP_UNFINISHED) {
                throw LuaTextError.error("unfinished capture");
            }
            if (l == CAP_POSITION) {
                return (long) capInit[i] + 1;
            }
            return src.substring(capInit[i], capInit[i] + l);
        }

        void appendCapture(StringBuilder b, int i, int s, int e) {
            if (i >= level) {
                if (i != 0) {
                    throw LuaTextError.error("invalid capture index %" + (i + 1));
                }
                b.append(src, s, e);
                return;
            }
            int l = capLen[i];
            if (l == CAP_UNFINISHED) {
                throw LuaTextError.error("unfinished capture");
            }
            if (l == CAP_POSITION) {
                b.append((long) capInit[i] + 1);
            } else {
                b.append(src, capInit[i], capInit[i] + l);
            }
        }

        private int checkCapture(int l) {
            l -= '1';
            if (l < 0 || l >= level || capLen[l] == CAP_UNFINISHED) {
                throw LuaTextError.error("invalid capture index %" + (l + 1));
            }
            return l;
        }

        private int captureToClose() {
            for (int lv = level - 1; lv >= 0; lv--) {
                if (capLen[lv] == CAP_UNFINISHED) {
                    return lv;
                }
            }
            throw LuaTextError.error("invalid pattern capture");
        }

        // ------------------------------------------------------------ classes

        /** The index just past the single-char class starting at {@code p}. */
        private int classEnd(int p) {
            int c = pc(p++);
            if (c == ESC) {
                if (p >= patEnd) {
                    throw LuaTextError.error("malformed pattern (ends with '%')");
                }
                return p + 1;
            }
            if (c == '[') {
                if (pc(p) == '^') {
                    p++;
                }
                do {
                    if (p >= patEnd) {
                        throw LuaTextError.error("malformed pattern (missing ']')");
                    }
                    int cc = pat.charAt(p++);
                    if (cc == ESC && p < patEnd) {
                        p++;
                    }
                } while (pc(p) != ']');
                return p + 1;
            }
            return p;
        }

        static boolean matchClass(int c, int cl) {
            boolean res;
            switch (cl | 0x20) {
                case 'a' -> res = isAlpha(c);
                case 'c' -> res = c < 32 || c == 127;
                case 'd' -> res = c >= '0' && c <= '9';
                case 'g' -> res = c > 32 && c < 127;
                case 'l' -> res = c >= 'a' && c <= 'z';
                case 'p' -> res = isPunct(c);
                case 's' -> res = LuaNumbers.isSpace(c);
                case 'u' -> res = c >= 'A' && c <= 'Z';
                case 'w' -> res = isAlpha(c) || (c >= '0' && c <= '9');
                case 'x' -> res = LuaNumbers.hexValue((char) c) >= 0;
                case 'z' -> res = c == 0; // deprecated, still accepted by 5.4
                default -> {
                    return cl == c;
                }
            }
            // only letters reach here; an upper-case class letter complements the class
            if (cl >= 'A' && cl <= 'Z') {
                res = !res;
            }
            return res;
        }

        private static boolean isAlpha(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isPunct(int c) {
            return c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
        }

        /** Whether {@code c} is in the set {@code [...]} spanning pat[p, ec] (ec is the ']'). */
        private boolean matchBracketClass(int c, int p, int ec) {
            boolean sig = true;
            if (pc(p + 1) == '^') {
                sig = false;
                p++;
            }
            while (++p < ec) {
                int pch = pat.charAt(p);
                if (pch == ESC) {
                    p++;
                    if (matchClass(c, pc(p))) {
                        return sig;
                    }
                } else if (pc(p + 1) == '-' && p + 2 < ec) {
                    p += 2;
                    if (pch <= c && c <= pat.charAt(p)) {
                        return sig;
                    }
                } else if (pch == c) {
                    return sig;
                }
            }
            return !sig;
        }

        private boolean singleMatch(int s, int p, int ep) {
            if (s >= srcEnd) {
                return false;
            }
            int c = src.charAt(s);
            int pch = pat.charAt(p);
            return switch (pch) {
                case '.' -> true;
                case ESC -> matchClass(c, pc(p + 1));
                case '[' -> matchBracketClass(c, p, ep - 1);
                default -> pch == c;
            };
        }

        // ------------------------------------------------------------ matching

        /** Matches pat[p..] against src[s..]; the end of the match, or -1. */
        int match(int s, int p) {
            if (matchDepth-- == 0) {
                throw LuaTextError.error("pattern too complex");
            }
            while (true) {
                if (p == patEnd) {
                    break;
                }
                int pch = pat.charAt(p);
                if (pch == '(') {
                    if (pc(p + 1) == ')') {
                        s = startCapture(s, p + 2, CAP_POSITION);
                    } else {
                        s = startCapture(s, p + 1, CAP_UNFINISHED);
                    }
                    break;
                } else if (pch == ')') {
                    s = endCapture(s, p + 1);
                    break;
                } else if (pch == '$' && p + 1 == patEnd) {
                    s = (s == srcEnd) ? s : -1;
                    break;
                } else if (pch == ESC && pc(p + 1) == 'b') {
                    s = matchBalance(s, p + 2);
                    if (s != -1) {
                        p += 4;
                        continue;
                    }
                    break;
                } else if (pch == ESC && pc(p + 1) == 'f') {
                    p += 2;
                    if (pc(p) != '[') {
                        throw LuaTextError.error("missing '[' after '%f' in pattern");
                    }
                    int ep = classEnd(p);
                    int previous = (s == 0) ? 0 : src.charAt(s - 1);
                    if (!matchBracketClass(previous, p, ep - 1) && matchBracketClass(sc(s), p, ep - 1)) {
                        p = ep;
                        continue;
                    }
                    s = -1;
                    break;
                } else if (pch == ESC && pc(p + 1) >= '0' && pc(p + 1) <= '9') {
                    s = matchCapture(s, pc(p + 1));
                    if (s != -1) {
                        p += 2;
                        continue;
                    }
                    break;
                }
                // default: a single-char class plus an optional suffix
                int ep = classEnd(p);
                int epc = pc(ep);
                if (!singleMatch(s, p, ep)) {
                    if (epc == '*' || epc == '?' || epc == '-') {
                        p = ep + 1;
                        continue;
                    }
                    s = -1;
                    break;
                }
                if (epc == '?') {
                    int res = match(s + 1, ep + 1);
                    if (res != -1) {
                        s = res;
                        break;
                    }
                    p = ep + 1;
                    continue;
                } else if (epc == '+') {
                    s = maxExpand(s + 1, p, ep);
                    break;
                } else if (epc == '*') {
                    s = maxExpand(s, p, ep);
                    break;
                } else if (epc == '-') {
                    s = minExpand(s, p, ep);
                    break;
                }
                s++;
                p = ep;
            }
            matchDepth++;
            return s;
        }

        private int maxExpand(int s, int p, int ep) {
            int i = 0;
            while (singleMatch(s + i, p, ep)) {
                i++;
            }
            while (i >= 0) {
                int res = match(s + i, ep + 1);
                if (res != -1) {
                    return res;
                }
                i--;
            }
            return -1;
        }

        private int minExpand(int s, int p, int ep) {
            for (;;) {
                int res = match(s, ep + 1);
                if (res != -1) {
                    return res;
                } else if (singleMatch(s, p, ep)) {
                    s++;
                } else {
                    return -1;
                }
            }
        }

        private int startCapture(int s, int p, int what) {
            if (level >= MAX_CAPTURES) {
                throw LuaTextError.error("too many captures");
            }
            capInit[level] = s;
            capLen[level] = what;
            level++;
            int res = match(s, p);
            if (res == -1) {
                level--;
            }
            return res;
        }

        private int endCapture(int s, int p) {
            int l = captureToClose();
            capLen[l] = s - capInit[l];
            int res = match(s, p);
            if (res == -1) {
                capLen[l] = CAP_UNFINISHED;
            }
            return res;
        }

        private int matchBalance(int s, int p) {
            if (p >= patEnd - 1) {
                throw LuaTextError.error("malformed pattern (missing arguments to '%b')");
            }
            if (s >= srcEnd || src.charAt(s) != pat.charAt(p)) {
                return -1;
            }
            int b = pat.charAt(p);
            int e = pat.charAt(p + 1);
            int cont = 1;
            while (++s < srcEnd) {
                int c = src.charAt(s);
                if (c == e) {
                    if (--cont == 0) {
                        return s + 1;
                    }
                } else if (c == b) {
                    cont++;
                }
            }
            return -1;
        }

        private int matchCapture(int s, int l) {
            l = checkCapture(l);
            int len = capLen[l];
            if (len >= 0 && srcEnd - s >= len && src.regionMatches(capInit[l], src, s, len)) {
                return s + len;
            }
            return -1;
        }
    }
}
