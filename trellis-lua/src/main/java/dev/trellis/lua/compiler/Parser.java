package dev.trellis.lua.compiler;

import static dev.trellis.lua.compiler.Lexer.*;

import dev.trellis.lua.LuaError;
import dev.trellis.lua.compiler.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for Lua 5.4 plus Wippy's annotations, which it reads and drops: typed
 * parameters and locals ({@code a: string}), return types ({@code function f(): number}), generic
 * parameters ({@code function f<T>(x: T)}), casts ({@code expr :: T}, {@code expr as T}) and type
 * declarations ({@code type Point = {x: number}}).
 *
 * <pre>{@code
 * Ast.FuncBody main = new Parser(source, "chunk").parseChunk();
 * }</pre>
 */
public final class Parser extends TokenCursor {
    private final TypeAnnotations types = new TypeAnnotations(this);
    /** Nesting of statements and expressions, bounded like PUC's C levels. */
    private int depth;
    private static final int MAX_DEPTH = 200;

    public Parser(String source, String chunkName) {
        super(new Lexer(source, chunkName).tokenize(), chunkName);
    }

    /** Parses a whole chunk: a vararg function with no parameters. */
    public FuncBody parseChunk() {
        /* chunk -> block EOF */
        List<Stat> block = block();
        if (kind() != EOF) throw error("'<eof>' expected");
        return new FuncBody(List.of(), true, block, 0, line(), "main chunk");
    }

    // ---------------------------------------------------------------- statements

    private boolean blockFollow(boolean withUntil) {
        /* blockfollow -> ELSE | ELSEIF | END | EOF | UNTIL (the last only withUntil): the tokens that close a block */
        return switch (kind()) {
            case ELSE, ELSEIF, END, EOF -> true;
            case UNTIL -> withUntil;
            default -> false;
        };
    }

    private List<Stat> block() {
        /* block -> { stat } [ retstat ] */
        List<Stat> stats = new ArrayList<>();
        while (!blockFollow(true)) {
            if (kind() == RETURN) {
                stats.add(retstat());
                break;
            }
            Stat s = statement();
            if (s != null) stats.add(s);
        }
        return stats;
    }

    private Stat retstat() {
        /* retstat -> RETURN [ explist ] [ ';' ], and nothing but blockfollow after it */
        int line = line();
        advance();
        List<Expr> exprs = List.of();
        if (!blockFollow(true) && kind() != ';') exprs = exprList();
        accept(';');
        if (!blockFollow(true)) throw error("'<eof>' expected");
        return new Return(exprs, line);
    }

    private Stat statement() {
        /* stat -> one statement (see statementInner), nested at most MAX_DEPTH deep */
        if (++depth > MAX_DEPTH) throw error("chunk has too many syntax levels");
        try {
            return statementInner();
        } finally {
            depth--;
        }
    }

    private Stat statementInner() {
        /* stat -> ';' | ifstat | whilestat | DO block END | forstat | repeatstat | funcstat
         *       | localfunc | localstat | label | BREAK | GOTO NAME | typedecl | exprstat */
        int line = line();
        switch (kind()) {
            case ';':
                advance();
                return null;
            case IF:
                return ifStat(line);
            case WHILE: {
                /* whilestat -> WHILE expr DO block END */
                advance();
                Expr cond = expr();
                expect(DO);
                List<Stat> b = block();
                int endLine = line();
                expectMatch(END, WHILE, line);
                return new While(cond, b, line, endLine);
            }
            case DO: {
                /* dostat -> DO block END */
                advance();
                List<Stat> b = block();
                int endLine = line();
                expectMatch(END, DO, line);
                return new Do(b, line, endLine);
            }
            case FOR:
                return forStat(line);
            case REPEAT: {
                /* repeatstat -> REPEAT block UNTIL expr (the condition sees the block's locals) */
                advance();
                List<Stat> b = block();
                expectMatch(UNTIL, REPEAT, line);
                Expr cond = expr();
                return new Repeat(b, cond, line);
            }
            case FUNCTION:
                return funcStat(line);
            case LOCAL:
                advance();
                if (accept(FUNCTION)) {
                    /* localfunc -> LOCAL FUNCTION NAME funcbody */
                    String n = name();
                    return new LocalFunction(n, funcBody(false, line, n), line);
                }
                return localStat(line);
            case DBCOLON: {
                /* label -> '::' NAME '::' */
                advance();
                String n = name();
                expect(DBCOLON);
                return new Label(n, line);
            }
            case RETURN:
                throw error("unexpected return");
            case BREAK:
                /* breakstat -> BREAK */
                advance();
                return new Break(line);
            case GOTO: {
                /* gotostat -> GOTO NAME */
                advance();
                return new Goto(name(), line);
            }
            default:
                if (types.isTypeDeclaration()) {
                    /* typedecl -> TYPE NAME ... (Wippy's; skipped by TypeAnnotations) */
                    types.skipTypeDeclaration();
                    return null;
                }
                return exprStat(line);
        }
    }

    private Stat ifStat(int line) {
        /* ifstat -> IF expr THEN block { ELSEIF expr THEN block } [ ELSE block ] END */
        List<Expr> conds = new ArrayList<>();
        List<List<Stat>> blocks = new ArrayList<>();
        advance();
        conds.add(expr());
        expect(THEN);
        blocks.add(block());
        List<Stat> orElse = null;
        while (true) {
            if (kind() == ELSEIF) {
                advance();
                conds.add(expr());
                expect(THEN);
                blocks.add(block());
            } else if (kind() == ELSE) {
                advance();
                orElse = block();
                expectMatch(END, IF, line);
                break;
            } else {
                expectMatch(END, IF, line);
                break;
            }
        }
        return new If(conds, blocks, orElse, line);
    }

    private Stat forStat(int line) {
        /* forstat -> FOR NAME [ ':' type ] ( fornum | forlist )
         * fornum  -> '=' expr ',' expr [ ',' expr ] DO block END
         * forlist -> { ',' NAME [ ':' type ] } IN explist DO block END */
        advance();
        String n1 = name();
        types.skipOptionalTypeAnnotation();
        if (kind() == '=') {
            advance();
            Expr start = expr();
            expect(',');
            Expr limit = expr();
            Expr step = accept(',') ? expr() : null;
            expect(DO);
            List<Stat> b = block();
            expectMatch(END, FOR, line);
            return new NumFor(n1, start, limit, step, b, line);
        }
        if (kind() == ',' || kind() == IN) {
            List<String> names = new ArrayList<>();
            names.add(n1);
            while (accept(',')) {
                names.add(name());
                types.skipOptionalTypeAnnotation();
            }
            expect(IN);
            List<Expr> exprs = exprList();
            expect(DO);
            List<Stat> b = block();
            expectMatch(END, FOR, line);
            return new GenFor(names, exprs, b, line);
        }
        throw error("'=' or 'in' expected");
    }

    private Stat funcStat(int line) {
        /* funcstat -> FUNCTION funcname funcbody
         * funcname -> NAME { '.' NAME } [ ':' NAME ]   (a ':' name adds the 'self' parameter) */
        advance();
        String n = name();
        Expr target = new Name(n, line);
        String fullName = n;
        boolean method = false;
        while (kind() == '.') {
            advance();
            int l = line();
            String key = name();
            target = new Index(target, new Str(key, l), l);
            fullName = fullName + "." + key;
        }
        if (kind() == ':') {
            advance();
            int l = line();
            String key = name();
            target = new Index(target, new Str(key, l), l);
            fullName = fullName + ":" + key;
            method = true;
        }
        FuncBody body = funcBody(method, line, fullName);
        return new Assign(List.of(target), List.of(new Function(body, line)), line);
    }

    private Stat localStat(int line) {
        /* localstat -> LOCAL attnamelist [ '=' explist ]
         * attnamelist -> NAME [ ':' type ] [ attrib ] { ',' NAME [ ':' type ] [ attrib ] }
         * attrib -> '<' ( 'const' | 'close' ) '>' */
        List<String> names = new ArrayList<>();
        List<String> attribs = new ArrayList<>();
        do {
            names.add(name());
            types.skipOptionalTypeAnnotation();
            String attrib = null;
            if (kind() == '<') {
                advance();
                attrib = name();
                if (!attrib.equals("const") && !attrib.equals("close")) {
                    p--;
                    throw new LuaError(chunk + ":" + line() + ": unknown attribute '" + attrib + "'");
                }
                expect('>');
                types.skipOptionalTypeAnnotation();
            }
            attribs.add(attrib);
        } while (accept(','));
        List<Expr> exprs = List.of();
        if (accept('=')) exprs = exprList();
        return new Local(names, attribs, exprs, line);
    }

    private Stat exprStat(int line) {
        /* exprstat -> functioncall | assignment
         * assignment -> suffixedexp { ',' suffixedexp } '=' explist */
        Expr e = suffixedExpr();
        if (kind() == '=' || kind() == ',') {
            List<Expr> targets = new ArrayList<>();
            targets.add(checkAssignable(e));
            while (accept(',')) targets.add(checkAssignable(suffixedExpr()));
            expect('=');
            List<Expr> exprs = exprList();
            return new Assign(targets, exprs, line);
        }
        if (!(e instanceof Call) && !(e instanceof MethodCall)) throw error("syntax error");
        return new CallStat(e, line);
    }

    private Expr checkAssignable(Expr e) {
        /* var -> NAME | suffixedexp '[' expr ']' | suffixedexp '.' NAME: the only assignment targets */
        if (e instanceof Name || e instanceof Index) return e;
        throw error("syntax error");
    }

    // ---------------------------------------------------------------- functions

    private FuncBody funcBody(boolean method, int line, String name) {
        /* funcbody -> [ generics ] '(' [ parlist ] ')' [ ':' typelist ] block END
         * parlist  -> param { ',' param } [ ',' '...' [ ':' type ] ] | '...' [ ':' type ]
         * param    -> NAME [ '?' ] [ ':' type ] */
        types.skipGenericParams();
        expect('(');
        List<String> params = new ArrayList<>();
        if (method) params.add("self");
        boolean vararg = false;
        if (kind() != ')') {
            do {
                if (kind() == DOTS) {
                    advance();
                    vararg = true;
                    types.skipOptionalTypeAnnotation();
                    break;
                }
                params.add(name());
                if (kind() == '?') advance(); // optional parameter marker
                types.skipOptionalTypeAnnotation();
            } while (accept(','));
        }
        expect(')');
        if (kind() == ':') {
            advance();
            types.skipTypeList();
        }
        List<Stat> b = block();
        int lastLine = line();
        expectMatch(END, FUNCTION, line);
        return new FuncBody(params, vararg, b, line, lastLine, name);
    }

    // ---------------------------------------------------------------- expressions

    private List<Expr> exprList() {
        /* explist -> expr { ',' expr } */
        List<Expr> list = new ArrayList<>();
        list.add(expr());
        while (accept(',')) list.add(expr());
        return list;
    }

    public Expr expr() {
        /* expr -> subexpr with no priority limit */
        return subExpr(0);
    }

    private static int leftPriority(int op) {
        /* binop priorities, loosest first: OR < AND < comparison < '|' < '~' < '&' < shift < '..'
         * < '+' '-' < '*' '/' '//' '%' < unary < '^'; '..' and '^' associate to the right */
        return switch (op) {
            case '+', '-' -> 10;
            case '*', '%', '/', IDIV -> 11;
            case '^' -> 14;
            case '&' -> 6;
            case '|' -> 4;
            case '~' -> 5;
            case SHL, SHR -> 7;
            case CONCAT -> 9;
            case EQ, NE, '<', '>', LE, GE -> 3;
            case AND -> 2;
            case OR -> 1;
            default -> -1;
        };
    }

    private static int rightPriority(int op) {
        return switch (op) {
            case '^' -> 13;
            case CONCAT -> 8;
            default -> leftPriority(op);
        };
    }

    private static final int UNARY_PRIORITY = 12;

    private Expr subExpr(int limit) {
        /* subexpr -> ( simpleexp | unop subexpr ) { binop subexpr }, nested at most MAX_DEPTH deep */
        if (++depth > MAX_DEPTH) throw error("chunk has too many syntax levels");
        try {
            return subExprInner(limit);
        } finally {
            depth--;
        }
    }

    private Expr subExprInner(int limit) {
        /* subexpr -> ( simpleexp | unop subexpr ) { binop subexpr }
         * where only binops binding tighter than 'limit' are taken; unop -> NOT | '-' | '#' | '~' */
        Expr left;
        int k = kind();
        if (k == NOT || k == '-' || k == '#' || k == '~') {
            int line = line();
            advance();
            Expr operand = subExpr(UNARY_PRIORITY);
            left = foldUnary(k, operand, line);
        } else {
            left = simpleExpr();
        }
        while (true) {
            int op = kind();
            int lp = leftPriority(op);
            if (lp <= limit) break;
            int line = line();
            advance();
            Expr right = subExpr(rightPriority(op));
            if (op == AND) left = new And(left, right, line);
            else if (op == OR) left = new Or(left, right, line);
            else left = new BinOp(op, left, right, line);
        }
        return left;
    }

    private Expr foldUnary(int op, Expr operand, int line) {
        /* '-' numeral -> the negated numeral as a constant; any other unop expr -> UnOp */
        if (op == '-' && operand instanceof Num n) {
            Object v = n.value();
            if (v instanceof Long l) return new Num(-l, line);
            if (v instanceof Double d) return new Num(-d, line);
        }
        return new UnOp(op, operand, line);
    }

    private Expr simpleExpr() {
        /* simpleexp -> ( NUMBER | STRING | NIL | TRUE | FALSE | '...' | constructor
         *              | FUNCTION funcbody | suffixedexp ) { cast } */
        int line = line();
        Expr e;
        switch (kind()) {
            case NUMBER -> {
                e = new Num(tok().value(), line);
                advance();
            }
            case STRING -> {
                e = new Str((String) tok().value(), line);
                advance();
            }
            case NIL -> {
                advance();
                e = new Nil(line);
            }
            case TRUE -> {
                advance();
                e = new True(line);
            }
            case FALSE -> {
                advance();
                e = new False(line);
            }
            case DOTS -> {
                advance();
                e = new Vararg(line);
            }
            case '{' -> e = tableConstructor();
            case FUNCTION -> {
                advance();
                e = new Function(funcBody(false, line, null), line);
            }
            default -> e = suffixedExpr();
        }
        return skipCasts(e);
    }

    /** Drops Wippy casts after an expression: {@code e :: T} and {@code e as T}. */
    private Expr skipCasts(Expr e) {
        /* cast -> '::' type | AS type   (Wippy's; 'as' only on the same line, before a type) */
        while (true) {
            if (kind() == DBCOLON && !(kindAt(1) == NAME && kindAt(2) == DBCOLON)) {
                advance();
                types.skipType();
            } else if (isName("as") && line() == prevLine() && startsType(kindAt(1))) {
                advance();
                types.skipType();
            } else {
                return e;
            }
        }
    }

    static boolean startsType(int k) {
        /* typestart -> NAME | '{' | '(' | NIL | FUNCTION | STRING | TRUE | FALSE */
        return k == NAME || k == '{' || k == '(' || k == NIL || k == FUNCTION || k == STRING || k == TRUE || k == FALSE;
    }

    private Expr primaryExpr() {
        /* primaryexp -> NAME | '(' expr ')' */
        int line = line();
        if (kind() == NAME) return new Name(name(), line);
        if (kind() == '(') {
            advance();
            Expr inner = expr();
            expectMatch(')', '(', line);
            return new Paren(inner, line);
        }
        throw error("unexpected symbol");
    }

    private Expr suffixedExpr() {
        /* suffixedexp -> primaryexp { '.' NAME | '[' expr ']' | ':' NAME callargs | callargs | '!' }
         * ('!' is Wippy's non-nil assertion) */
        Expr e = primaryExpr();
        while (true) {
            int line = line();
            switch (kind()) {
                case '.' -> {
                    advance();
                    int l = line();
                    e = new Index(e, new Str(name(), l), line);
                }
                case '[' -> {
                    advance();
                    Expr key = expr();
                    expect(']');
                    e = new Index(e, key, line);
                }
                case ':' -> {
                    advance();
                    String m = name();
                    e = new MethodCall(e, m, callArgs(), line);
                }
                case '(', STRING, '{' -> e = new Call(e, callArgs(), line);
                case '!' -> advance(); // Wippy's non-nil assertion: no runtime effect
                default -> {
                    return e;
                }
            }
        }
    }

    private List<Expr> callArgs() {
        /* callargs -> '(' [ explist ] ')' | constructor | STRING */
        int line = line();
        if (kind() == STRING) {
            Expr s = new Str((String) tok().value(), line);
            advance();
            return List.of(s);
        }
        if (kind() == '{') return List.of(tableConstructor());
        if (kind() != '(') throw error("function arguments expected");
        advance();
        if (kind() == ')') {
            advance();
            return List.of();
        }
        List<Expr> args = exprList();
        expectMatch(')', '(', line);
        return args;
    }

    private Expr tableConstructor() {
        /* constructor -> '{' [ field { sep field } [ sep ] ] '}'
         * field -> '[' expr ']' '=' expr | NAME '=' expr | expr
         * sep   -> ',' | ';' */
        int line = line();
        expect('{');
        List<Field> fields = new ArrayList<>();
        while (kind() != '}') {
            if (kind() == '[') {
                advance();
                Expr key = expr();
                expect(']');
                expect('=');
                fields.add(new Field(key, expr()));
            } else if (kind() == NAME && kindAt(1) == '=') {
                int l = line();
                String n = name();
                advance();
                fields.add(new Field(new Str(n, l), expr()));
            } else {
                fields.add(new Field(null, expr()));
            }
            if (!accept(',') && !accept(';')) break;
        }
        expectMatch('}', '{', line);
        return new Table(fields, line);
    }

}
