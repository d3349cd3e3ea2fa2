package dev.trellis.lua.compiler;

import static dev.trellis.lua.compiler.Lexer.*;

import dev.trellis.lua.LuaError;
import dev.trellis.lua.compiler.Lexer.Token;
import java.util.List;

/** A position in the token list with the parser's look-ahead, matching and error helpers. */
abstract class TokenCursor {
    final List<Token> tokens;
    final String chunk;
    int p;

    TokenCursor(List<Token> tokens, String chunk) {
        this.tokens = tokens;
        this.chunk = chunk;
    }


    final Token tok() {
        return tokens.get(p);
    }

    final int kind() {
        return tokens.get(p).kind();
    }

    final int kindAt(int off) {
        int i = Math.min(p + off, tokens.size() - 1);
        return tokens.get(i).kind();
    }

    final int line() {
        return tokens.get(p).line();
    }

    final int prevLine() {
        return p > 0 ? tokens.get(p - 1).line() : 1;
    }

    final void advance() {
        if (p < tokens.size() - 1) p++;
    }

    final boolean accept(int k) {
        if (kind() == k) {
            advance();
            return true;
        }
        return false;
    }

    final void expect(int k) {
        if (!accept(k)) throw error("'" + tokenText(k) + "' expected");
    }

    final void expectMatch(int what, int who, int where) {
        if (!accept(what)) {
            if (where == line()) throw error("'" + tokenText(what) + "' expected");
            throw error("'" + tokenText(what) + "' expected (to close '" + tokenText(who) + "' at line " + where + ")");
        }
    }

    final String name() {
        if (kind() != NAME) throw error("<name> expected");
        String n = (String) tok().value();
        advance();
        return n;
    }

    final boolean isName(String s) {
        return kind() == NAME && s.equals(tok().value());
    }

    final LuaError error(String msg) {
        return new LuaError(chunk + ":" + line() + ": " + msg + " near " + near(tok()));
    }

    static String near(Token t) {
        return switch (t.kind()) {
            case EOF -> "<eof>";
            case NAME -> "'" + t.value() + "'";
            case STRING -> "'\"" + t.value() + "\"'";
            case NUMBER -> "'" + dev.trellis.lua.LuaValues.tostring(t.value()) + "'";
            default -> "'" + tokenText(t.kind()) + "'";
        };
    }

}
