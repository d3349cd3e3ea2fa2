package dev.trellis.lua.compiler;

import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Lua source (a byte-per-char string) into tokens, all at once, so the parser can look ahead
 * freely (needed to tell Wippy casts {@code expr :: T} from labels {@code ::name::}).
 *
 * <pre>{@code
 * List<Token> tokens = new Lexer(source, "chunk").tokenize();
 * }</pre>
 *
 * <p>Syntax errors read as in PUC Lua: {@code chunk:3: unfinished string near '"abc'}.
 */
public final class Lexer {
    /** Token kinds: single chars use their char code; the rest are below. */
    public static final int EOF = 0, NAME = 256, STRING = 257, NUMBER = 258,
            AND = 259, BREAK = 260, DO = 261, ELSE = 262, ELSEIF = 263, END = 264, FALSE = 265,
            FOR = 266, FUNCTION = 267, GOTO = 268, IF = 269, IN = 270, LOCAL = 271, NIL = 272,
            NOT = 273, OR = 274, REPEAT = 275, RETURN = 276, THEN = 277, TRUE = 278, UNTIL = 279,
            WHILE = 280, CONCAT = 281, DOTS = 282, EQ = 283, GE = 284, LE = 285, NE = 286,
            SHL = 287, SHR = 288, IDIV = 289, DBCOLON = 290, ARROW = 291;

    private static final String[] KEYWORDS = {"and", "break", "do", "else", "elseif", "end", "false",
        "for", "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return",
        "then", "true", "until", "while"};

    /** One token: kind, value (name, string or number), the line it starts on. */
    public record Token(int kind, Object value, int line) {}

    private final String src;
    private final String chunk;
    private int pos;
    private int line = 1;

    public Lexer(String source, String chunkName) {
        this.src = source;
        this.chunk = chunkName;
    }

    public List<Token> tokenize() {
        List<Token> out = new ArrayList<>();
        if (src.startsWith("#")) { // shebang line
            while (pos < src.length() && src.charAt(pos) != '\n') pos++;
        }
        while (true) {
            Token t = next();
            out.add(t);
            if (t.kind == EOF) return out;
        }
    }

    public static String tokenText(int kind) {
        if (kind == EOF) return "<eof>";
        if (kind < 256) return String.valueOf((char) kind);
        if (kind >= AND && kind <= WHILE) return KEYWORDS[kind - AND];
        return switch (kind) {
            case CONCAT -> "..";
            case DOTS -> "...";
            case EQ -> "==";
            case GE -> ">=";
            case LE -> "<=";
            case NE -> "~=";
            case SHL -> "<<";
            case SHR -> ">>";
            case IDIV -> "//";
            case DBCOLON -> "::";
            case ARROW -> "->";
            case NAME -> "<name>";
            case STRING -> "<string>";
            case NUMBER -> "<number>";
            default -> "?";
        };
    }

    private LuaError error(String msg, String near) {
        String where = near == null ? "" : near.equals("<eof>") ? " near <eof>" : " near '" + near + "'";
        return new LuaError(chunk + ":" + line + ": " + msg + where);
    }

    private char peek(int off) {
        int p = pos + off;
        return p < src.length() ? src.charAt(p) : '\0';
    }

    private boolean atEnd() {
        return pos >= src.length();
    }

    private Token next() {
        while (true) {
            if (atEnd()) return new Token(EOF, null, line);
            char c = src.charAt(pos);
            switch (c) {
                case '\n', '\r' -> {
                    newline();
                    continue;
                }
                case ' ', '\t', '\f', 0x0B -> {
                    pos++;
                    continue;
                }
                case '-' -> {
                    if (peek(1) != '-') {
                        if (peek(1) == '>') {
                            pos += 2;
                            return tok(ARROW);
                        }
                        pos++;
                        return tok('-');
                    }
                    pos += 2;
                    if (peek(0) == '[') {
                        int level = longBracketLevel();
                        if (level >= 0) {
                            readLongString(level, false);
                            continue;
                        }
                    }
                    while (!atEnd() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') pos++;
                    continue;
                }
                case '[' -> {
                    int level = longBracketLevel();
                    if (level >= 0) {
                        int startLine = line;
                        return new Token(STRING, readLongString(level, true), startLine);
                    }
                    if (level == -1) {
                        pos++;
                        return tok('[');
                    }
                    throw error("invalid long string delimiter", "[=");
                }
                case '=' -> {
                    return two('=', EQ, '=');
                }
                case '<' -> {
                    if (peek(1) == '<') {
                        pos += 2;
                        return tok(SHL);
                    }
                    return two('=', LE, '<');
                }
                case '>' -> {
                    if (peek(1) == '>') {
                        pos += 2;
                        return tok(SHR);
                    }
                    return two('=', GE, '>');
                }
                case '/' -> {
                    return two('/', IDIV, '/');
                }
                case '~' -> {
                    return two('=', NE, '~');
                }
                case ':' -> {
                    return two(':', DBCOLON, ':');
                }
                case '"', '\'' -> {
                    int startLine = line;
                    return new Token(STRING, readString(c), startLine);
                }
                case '.' -> {
                    if (peek(1) == '.') {
                        if (peek(2) == '.') {
                            pos += 3;
                            return tok(DOTS);
                        }
                        pos += 2;
                        return tok(CONCAT);
                    }
                    if (LuaValuesBridge.isDigit(peek(1))) return readNumber();
                    pos++;
                    return tok('.');
                }
                default -> {
                    if (LuaValuesBridge.isDigit(c)) return readNumber();
                    if (isNameStart(c)) {
                        int start = pos;
                        while (!atEnd() && isNamePart(src.charAt(pos))) pos++;
                        String word = src.substring(start, pos);
                        for (int i = 0; i < KEYWORDS.length; i++) {
                            if (KEYWORDS[i].equals(word)) return tok(AND + i);
                        }
                        return new Token(NAME, word, line);
                    }
                    pos++;
                    return tok(c);
                }
            }
        }
    }

    private Token tok(int kind) {
        return new Token(kind, null, line);
    }

    private Token two(char second, int kind, int single) {
        if (peek(1) == second) {
            pos += 2;
            return tok(kind);
        }
        pos++;
        return tok(single);
    }

    private void newline() {
        char c = src.charAt(pos++);
        if (!atEnd()) {
            char d = src.charAt(pos);
            if ((d == '\n' || d == '\r') && d != c) pos++;
        }
        line++;
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    /** At '[': returns the level of a long bracket, -1 if just '[', -2 if '[=' malformed. */
    private int longBracketLevel() {
        int p = pos + 1;
        int level = 0;
        while (p < src.length() && src.charAt(p) == '=') {
            level++;
            p++;
        }
        if (p < src.length() && src.charAt(p) == '[') return level;
        return level == 0 ? -1 : -2;
    }

    private String readLongString(int level, boolean isString) {
        int startLine = line;
        pos += level + 2;
        if (!atEnd() && (src.charAt(pos) == '\n' || src.charAt(pos) == '\r')) newline();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error(isString ? "unfinished long string (starting at line " + startLine + ")"
                        : "unfinished long comment (starting at line " + startLine + ")", "<eof>");
            }
            char c = src.charAt(pos);
            if (c == ']') {
                int p = pos + 1;
                int l = 0;
                while (p < src.length() && src.charAt(p) == '=') {
                    l++;
                    p++;
                }
                if (l == level && p < src.length() && src.charAt(p) == ']') {
                    pos = p + 1;
                    return sb.toString();
                }
                sb.append(c);
                pos++;
            } else if (c == '\n' || c == '\r') {
                newline();
                sb.append('\n');
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    private String readString(char quote) {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (atEnd()) throw error("unfinished string", "<eof>");
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                return sb.toString();
            }
            if (c == '\n' || c == '\r') throw error("unfinished string", src.substring(start, pos));
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            pos++;
            if (atEnd()) throw error("unfinished string", src.substring(start, pos));
            char e = src.charAt(pos);
            switch (e) {
                case 'n' -> { sb.append('\n'); pos++; }
                case 't' -> { sb.append('\t'); pos++; }
                case 'r' -> { sb.append('\r'); pos++; }
                case 'a' -> { sb.append((char) 7); pos++; }
                case 'b' -> { sb.append('\b'); pos++; }
                case 'f' -> { sb.append('\f'); pos++; }
                case 'v' -> { sb.append((char) 11); pos++; }
                case '\\', '"', '\'' -> { sb.append(e); pos++; }
                case '\n', '\r' -> { newline(); sb.append('\n'); }
                case 'x' -> {
                    pos++;
                    int v = 0;
                    for (int i = 0; i < 2; i++) {
                        int d = Character.digit(peek(0), 16);
                        if (d < 0) throw error("hexadecimal digit expected", src.substring(start, Math.min(pos + 1, src.length())));
                        v = v * 16 + d;
                        pos++;
                    }
                    sb.append((char) v);
                }
                case 'z' -> {
                    pos++;
                    while (!atEnd() && Character.isWhitespace(src.charAt(pos))) {
                        if (src.charAt(pos) == '\n' || src.charAt(pos) == '\r') newline();
                        else pos++;
                    }
                }
                case 'u' -> {
                    pos++;
                    if (peek(0) != '{') throw error("missing '{' in \\u{xxxx}", src.substring(start, pos + 1));
                    pos++;
                    long cp = 0;
                    int digits = 0;
                    while (Character.digit(peek(0), 16) >= 0) {
                        cp = cp * 16 + Character.digit(peek(0), 16);
                        if (cp > 0x7FFFFFFFL) throw error("UTF-8 value too large", src.substring(start, pos + 1));
                        pos++;
                        digits++;
                    }
                    if (digits == 0) throw error("hexadecimal digit expected", src.substring(start, pos + 1));
                    if (peek(0) != '}') throw error("missing '}' in \\u{xxxx}", src.substring(start, pos + 1));
                    pos++;
                    utf8(sb, cp);
                }
                default -> {
                    if (LuaValuesBridge.isDigit(e)) {
                        int v = 0;
                        for (int i = 0; i < 3 && LuaValuesBridge.isDigit(peek(0)); i++) {
                            v = v * 10 + (peek(0) - '0');
                            pos++;
                        }
                        if (v > 255) throw error("decimal escape too large", src.substring(start, Math.min(pos + 1, src.length())));
                        sb.append((char) v);
                    } else {
                        throw error("invalid escape sequence", src.substring(start, pos + 1));
                    }
                }
            }
        }
    }

    static void utf8(StringBuilder sb, long x) {
        if (x < 0x80) {
            sb.append((char) x);
            return;
        }
        char[] buf = new char[8];
        int n = 0;
        long mfb = 0x3f;
        do {
            buf[7 - n++] = (char) (0x80 | (x & 0x3f));
            x >>= 6;
            mfb >>= 1;
        } while (x > mfb);
        buf[7 - n] = (char) ((~mfb << 1 | x) & 0xFF);
        n++;
        sb.append(buf, 8 - n, n);
    }

    private Token readNumber() {
        int start = pos;
        char c = src.charAt(pos);
        String expo = "Ee";
        if (c == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            pos += 2;
            expo = "Pp";
        }
        while (!atEnd()) {
            char d = src.charAt(pos);
            if (expo.indexOf(d) >= 0) {
                pos++;
                if (peek(0) == '+' || peek(0) == '-') pos++;
            } else if (Character.digit(d, 16) >= 0 || d == '.') {
                pos++;
            } else {
                break;
            }
        }
        while (!atEnd() && isNamePart(src.charAt(pos))) pos++; // malformed tail
        String text = src.substring(start, pos);
        Object v = LuaValues.toNumber(text);
        if (v == null) throw error("malformed number", text);
        return new Token(NUMBER, v, line);
    }

    /** Small bridge so the lexer does not depend on package-private helpers. */
    private static final class LuaValuesBridge {
        static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
