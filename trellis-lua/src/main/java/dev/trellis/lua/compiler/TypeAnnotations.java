package dev.trellis.lua.compiler;

import static dev.trellis.lua.compiler.Lexer.*;

/**
 * Wippy's type annotations, read and dropped: types after {@code :} in parameters, locals and
 * return lists, generic parameter lists {@code <T>}, casts' target types, and {@code type X = ...}
 * declarations. Types: names (dotted, generic), {@code {T}}, {@code {[K]: V}}, records,
 * {@code fun(a: T): R}, {@code (T) -> R}, literals, and {@code ?}, {@code []}, {@code |},
 * {@code &} combinations.
 */
final class TypeAnnotations {
    private final Parser c;
    /** A '>' left over from splitting a '>>' token while closing nested generic types. */
    private boolean pendingGt;

    TypeAnnotations(Parser cursor) {
        this.c = cursor;
    }


    void skipOptionalTypeAnnotation() {
        if (c.kind() == ':') {
            c.advance();
            skipType();
        }
    }

    void skipGenericParams() {
        if (c.kind() == '<') {
            c.advance();
            while (c.kind() != '>' && c.kind() != EOF) {
                skipType();
                if (c.kind() == ':') { // constraint: <T: Base>
                    c.advance();
                    skipType();
                }
                if (!c.accept(',')) break;
            }
            expectGt();
        }
    }

    void expectGt() {
        if (pendingGt) {
            pendingGt = false;
            c.advance();
            return;
        }
        if (c.kind() == SHR) {
            pendingGt = true;
            return;
        }
        c.expect('>');
    }

    void skipTypeList() {
        if (c.kind() == '(') { // (T, U) tuple of return types
            skipType();
            return;
        }
        skipType();
        while (c.kind() == ',' && Parser.startsType(c.kindAt(1))) {
            c.advance();
            skipType();
        }
    }

    void skipType() {
        skipPostfixType();
        while (c.kind() == '|' || c.kind() == '&') {
            c.advance();
            skipPostfixType();
        }
    }

    void skipPostfixType() {
        skipPrimaryType();
        while (true) {
            if (c.kind() == '?') {
                c.advance();
            } else if (c.kind() == '[' && c.kindAt(1) == ']') {
                c.advance();
                c.advance();
            } else if (c.kind() == '@' && c.kindAt(1) == NAME) { // validator: @min(0), @pattern("^x")
                c.advance();
                c.advance();
                if (c.kind() == '(') skipBalancedParens();
            } else {
                return;
            }
        }
    }

    private void skipBalancedParens() {
        int line = c.line();
        int depth = 0;
        do {
            if (c.kind() == EOF) c.expectMatch(')', '(', line);
            if (c.kind() == '(') depth++;
            else if (c.kind() == ')') depth--;
            c.advance();
        } while (depth > 0);
    }

    void skipPrimaryType() {
        switch (c.kind()) {
            case NAME -> {
                boolean isFun = c.isName("fun");
                c.advance();
                if (isFun && c.kind() == '(') {
                    skipFunctionTypeRest();
                    return;
                }
                while (c.kind() == '.') {
                    c.advance();
                    c.name();
                }
                if (c.kind() == '<' && !pendingGt) {
                    c.advance();
                    while (c.kind() != '>' && c.kind() != SHR && c.kind() != EOF) {
                        skipType();
                        if (!c.accept(',')) break;
                    }
                    expectGt();
                }
            }
            case FUNCTION -> {
                c.advance();
                if (c.kind() == '(') skipFunctionTypeRest();
            }
            case NIL, TRUE, FALSE, STRING, NUMBER, DOTS -> c.advance();
            case '-' -> {
                c.advance();
                c.advance();
            }
            case '{' -> {
                int line = c.line();
                c.advance();
                while (c.kind() != '}' && c.kind() != EOF) {
                    if (c.kind() == '[') {
                        c.advance();
                        skipType();
                        c.expect(']');
                        c.expect(':');
                        skipType();
                    } else if (c.kind() == NAME && (c.kindAt(1) == ':' || c.kindAt(1) == '?' && c.kindAt(2) == ':')) {
                        c.advance();
                        c.accept('?');
                        c.advance();
                        skipType();
                    } else {
                        skipType();
                    }
                    if (!c.accept(',') && !c.accept(';')) break;
                }
                c.expectMatch('}', '{', line);
            }
            case '(' -> {
                int line = c.line();
                c.advance();
                while (c.kind() != ')' && c.kind() != EOF) {
                    if ((c.kind() == NAME || c.kind() == DOTS) && c.kindAt(1) == ':') {
                        c.advance();
                        c.advance();
                    }
                    skipType();
                    if (!c.accept(',')) break;
                }
                c.expectMatch(')', '(', line);
                if (c.kind() == ARROW) {
                    c.advance();
                    skipType();
                }
            }
            default -> throw c.error("type expected");
        }
    }

    void skipFunctionTypeRest() {
        int line = c.line();
        c.expect('(');
        while (c.kind() != ')' && c.kind() != EOF) {
            if ((c.kind() == NAME || c.kind() == DOTS) && c.kindAt(1) == ':') {
                c.advance();
                c.advance();
            } else if (c.kind() == NAME && c.kindAt(1) == '?' && c.kindAt(2) == ':') {
                c.advance();
                c.advance();
                c.advance();
            }
            skipType();
            if (!c.accept(',')) break;
        }
        c.expectMatch(')', '(', line);
        if (c.kind() == ':') {
            c.advance();
            skipTypeList();
        } else if (c.kind() == ARROW) {
            c.advance();
            skipType();
        }
    }

    boolean isTypeDeclaration() {
        if (c.isName("export") && c.kindAt(1) == NAME && "type".equals(c.tokens.get(Math.min(c.p + 1, c.tokens.size() - 1)).value())) {
            return true;
        }
        return c.isName("type") && c.kindAt(1) == NAME && (c.kindAt(2) == '=' || c.kindAt(2) == '<');
    }

    void skipTypeDeclaration() {
        if (c.isName("export")) c.advance();
        c.advance(); // type
        c.name();
        skipGenericParams();
        c.expect('=');
        skipType();
    }
}
