package dev.trellis.lua.compiler;

import static dev.trellis.lua.OpCode.*;

import dev.trellis.lua.Arith;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.compiler.Ast.*;
import dev.trellis.lua.compiler.FuncState.LocalVar;
import java.util.ArrayList;
import java.util.List;

/**
 * Code generation for expressions: evaluates an expression into a given register, into any
 * register, as an RK operand (a constant or a register), as a conditional jump, or as a call with
 * a number of results. Registers above the active locals are temporaries, freed after each use.
 */
final class ExpressionCompiler {
    private final Compiler compiler;

    ExpressionCompiler(Compiler compiler) {
        this.compiler = compiler;
    }

    static boolean isMulti(Expr e) {
        return e instanceof Call || e instanceof MethodCall || e instanceof Vararg;
    }

    /** Evaluates a multi-value expression at the top, keeping {@code want} values (-1: all). */
    void expToMulti(FuncState fs, Expr e, int want) {
        if (e instanceof Vararg v) {
            int r = fs.freereg;
            fs.line = v.line();
            fs.emitABC(VARARG, r, want + 1, 0);
            if (want > 0) fs.reserve(want);
            return;
        }
        compileCall(fs, e, want);
    }

    /** Compiles a call with its function at the top register; returns that register. */
    int compileCall(FuncState fs, Expr e, int nresults) {
        int base = fs.freereg;
        List<Expr> args;
        int extra;
        int line;
        if (e instanceof MethodCall m) {
            int o = anyReg(fs, m.object());
            int k = rk(fs, new Str(m.method(), m.line()));
            fs.freereg = base;
            fs.reserve(2);
            fs.line = m.line();
            fs.emitABC(SELF, base, o, k);
            args = m.args();
            extra = 1;
            line = m.line();
        } else {
            Call c = (Call) e;
            int r = fs.reserve(1);
            expToReg(fs, c.fn(), r);
            args = c.args();
            extra = 0;
            line = c.line();
        }
        boolean multi = false;
        for (int i = 0; i < args.size(); i++) {
            Expr a = args.get(i);
            if (i == args.size() - 1 && isMulti(a)) {
                expToMulti(fs, a, -1);
                multi = true;
            } else {
                expToNextReg(fs, a);
            }
        }
        fs.line = line;
        int b = multi ? 0 : args.size() + extra + 1;
        fs.emitABC(CALL, base, b, nresults + 1);
        fs.freereg = base;
        if (nresults > 0) fs.reserve(nresults);
        return base;
    }

    // ---------------------------------------------------------------- expressions

    static boolean isConstantExpr(Expr e) {
        return e instanceof Num || e instanceof Str || e instanceof Nil || e instanceof True || e instanceof False;
    }

    int constRk(FuncState fs, Expr e) {
        Object v = switch (e) {
            case Num n -> n.value();
            case Str s -> s.value();
            case True t -> Boolean.TRUE;
            case False f -> Boolean.FALSE;
            default -> null;
        };
        if (v == null && !(e instanceof Nil)) return -1;
        int k = fs.constant(v);
        return k < 256 ? RK_CONST + k : -1;
    }

    int rk(FuncState fs, Expr e) {
        if (isConstantExpr(e)) {
            int k = constRk(fs, e);
            if (k >= 0) return k;
        }
        return anyReg(fs, e);
    }

    int anyReg(FuncState fs, Expr e) {
        if (e instanceof Name n) {
            LocalVar lv = fs.findLocal(n.name());
            if (lv != null) return lv.reg;
        }
        return expToNextReg(fs, e);
    }

    int expToNextReg(FuncState fs, Expr e) {
        if (e instanceof Call || e instanceof MethodCall) return compileCall(fs, e, 1);
        int r = fs.reserve(1);
        expToReg(fs, e, r);
        return r;
    }

    int resolveUpvalue(FuncState fs, String name) {
        int i = fs.findUpvalue(name);
        if (i >= 0) return i;
        if (fs.parent == null) return -1;
        LocalVar lv = fs.parent.findLocal(name);
        if (lv != null) {
            lv.block.hasUpval = true;
            return fs.addUpvalue(name, true, lv.reg);
        }
        int pi = resolveUpvalue(fs.parent, name);
        if (pi < 0) return -1;
        return fs.addUpvalue(name, false, pi);
    }

    void expToReg(FuncState fs, Expr e, int target) {
        int save = fs.freereg;
        switch (e) {
            case Nil n -> fs.emitABC(LOADNIL, target, 0, 0);
            case True t -> fs.emitABC(LOADBOOL, target, 1, 0);
            case False f -> fs.emitABC(LOADBOOL, target, 0, 0);
            case Num n -> fs.emitABx(LOADK, target, fs.constant(n.value()));
            case Str s -> fs.emitABx(LOADK, target, fs.constant(s.value()));
            case Vararg v -> fs.emitABC(VARARG, target, 2, 0);
            case Function f -> {
                int idx = compiler.function(fs, f.body());
                fs.line = f.line();
                fs.emitABx(CLOSURE, target, idx);
            }
            case Table t -> table(fs, t, target);
            case Name n -> name(fs, n, target);
            case Index ix -> index(fs, ix, target);
            case Call c -> move(fs, target, compileCall(fs, c, 1));
            case MethodCall m -> move(fs, target, compileCall(fs, m, 1));
            case Paren p -> expToReg(fs, p.inner(), target);
            case BinOp b -> binOp(fs, b, target);
            case And a -> andOr(fs, a.left(), a.right(), true, target);
            case Or o -> andOr(fs, o.left(), o.right(), false, target);
            case UnOp u -> unOp(fs, u, target);
        }
        fs.freereg = save;
    }

    void move(FuncState fs, int target, int source) {
        if (target != source) fs.emitABC(MOVE, target, source, 0);
    }

    void name(FuncState fs, Name n, int target) {
        LocalVar lv = fs.findLocal(n.name());
        if (lv != null) {
            move(fs, target, lv.reg);
            return;
        }
        int up = resolveUpvalue(fs, n.name());
        if (up >= 0) {
            fs.emitABC(GETUPVAL, target, up, 0);
            return;
        }
        fs.line = n.line();
        LocalVar env = fs.findLocal("_ENV");
        int k = constRk(fs, new Str(n.name(), n.line()));
        if (env != null) {
            if (k < 0) k = expToNextReg(fs, new Str(n.name(), n.line()));
            fs.emitABC(GETTABLE, target, env.reg, k);
            return;
        }
        int envUp = resolveUpvalue(fs, "_ENV");
        if (k < 0) k = expToNextReg(fs, new Str(n.name(), n.line()));
        fs.emitABC(GETTABUP, target, envUp, k);
    }

    void index(FuncState fs, Index ix, int target) {
        if (ix.object() instanceof Name n && fs.findLocal(n.name()) == null && isConstantExpr(ix.key())) {
            int up = resolveUpvalue(fs, n.name());
            int k = constRk(fs, ix.key());
            if (up >= 0 && k >= 0) {
                fs.line = ix.line();
                fs.emitABC(GETTABUP, target, up, k);
                return;
            }
        }
        int o = anyReg(fs, ix.object());
        int k = rk(fs, ix.key());
        fs.line = ix.line();
        fs.emitABC(GETTABLE, target, o, k);
    }

    void table(FuncState fs, Table t, int target) {
        int reg = target == fs.freereg - 1 ? target : fs.reserve(1);
        int narr = 0, nhash = 0;
        for (Field f : t.fields()) {
            if (f.key() == null) narr++;
            else nhash++;
        }
        fs.line = t.line();
        fs.emitABC(NEWTABLE, reg, Math.min(narr, 511), Math.min(nhash, 511));
        int pending = 0;
        int flushed = 0;
        List<Field> fields = t.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.key() == null) {
                if (i == fields.size() - 1 && isMulti(f.value())) {
                    expToMulti(fs, f.value(), -1);
                    setList(fs, reg, 0, flushed);
                    pending = 0;
                    continue;
                }
                expToNextReg(fs, f.value());
                pending++;
                if (pending == FIELDS_PER_FLUSH) {
                    setList(fs, reg, pending, flushed);
                    flushed += pending;
                    pending = 0;
                }
            } else {
                int save = fs.freereg;
                int k = rk(fs, f.key());
                int v = rk(fs, f.value());
                fs.emitABC(SETTABLE, reg, k, v);
                fs.freereg = save;
            }
        }
        if (pending > 0) setList(fs, reg, pending, flushed);
        fs.freereg = reg + 1;
        move(fs, target, reg);
    }

    void setList(FuncState fs, int reg, int count, int flushed) {
        int blockNo = flushed / FIELDS_PER_FLUSH + 1;
        if (blockNo <= 511) {
            fs.emitABC(SETLIST, reg, count, blockNo);
        } else {
            fs.emitABC(SETLIST, reg, count, 0);
            fs.emit(blockNo);
        }
        fs.freereg = reg + 1;
    }

    static int arithOp(int op) {
        return switch (op) {
            case '+' -> ADD;
            case '-' -> SUB;
            case '*' -> MUL;
            case '%' -> MOD;
            case '^' -> POW;
            case '/' -> DIV;
            case Lexer.IDIV -> IDIV;
            case '&' -> BAND;
            case '|' -> BOR;
            case '~' -> BXOR;
            case Lexer.SHL -> SHL;
            case Lexer.SHR -> SHR;
            default -> -1;
        };
    }

    void binOp(FuncState fs, BinOp b, int target) {
        int op = arithOp(b.op());
        if (op >= 0) {
            Object folded = fold(op, b.left(), b.right());
            if (folded != null) {
                fs.emitABx(LOADK, target, fs.constant(folded));
                return;
            }
            int l;
            if (target >= fs.nactvar() && target == fs.freereg - 1 && !isConstantExpr(b.left()) && !(b.left() instanceof Name)) {
                expToReg(fs, b.left(), target); // a temporary target: evaluate the left operand in place
                fs.freereg = target + 1;
                l = target;
            } else {
                l = rk(fs, b.left());
            }
            int r = rk(fs, b.right());
            fs.line = b.line();
            fs.emitABC(op, target, l, r);
            return;
        }
        if (b.op() == Lexer.CONCAT) {
            List<Expr> parts = new ArrayList<>();
            Expr cur = b;
            while (cur instanceof BinOp cb && cb.op() == Lexer.CONCAT) {
                parts.add(cb.left());
                cur = cb.right();
            }
            parts.add(cur);
            int base = fs.freereg;
            for (Expr part : parts) {
                int r = fs.reserve(1);
                expToReg(fs, part, r);
                fs.freereg = r + 1;
            }
            fs.line = b.line();
            fs.emitABC(CONCAT, target, base, base + parts.size() - 1);
            return;
        }
        // comparison in value context
        List<Integer> yes = condJump(fs, b, true);
        fs.emitABC(LOADBOOL, target, 0, 1);
        fs.patchHere(yes);
        fs.emitABC(LOADBOOL, target, 1, 0);
    }

    static Object fold(int op, Expr l, Expr r) {
        if (!(l instanceof Num ln) || !(r instanceof Num rn)) return null;
        try {
            Object v = Arith.arith(op - ADD, ln.value(), rn.value());
            if (v instanceof Double d && (d.isNaN() || d == 0.0 || d.isInfinite())) return null;
            return v;
        } catch (LuaError e) {
            return null;
        }
    }

    void andOr(FuncState fs, Expr left, Expr right, boolean isAnd, int target) {
        int t = target < fs.nactvar() ? fs.reserve(1) : target;
        expToReg(fs, left, t);
        fs.emitABC(TEST, t, 0, isAnd ? 0 : 1);
        int j = fs.emitJump();
        expToReg(fs, right, t);
        fs.patch(j, fs.pc());
        move(fs, target, t);
    }

    void unOp(FuncState fs, UnOp u, int target) {
        int r = anyReg(fs, u.operand());
        fs.line = u.line();
        int op = switch (u.op()) {
            case '-' -> UNM;
            case '#' -> LEN;
            case '~' -> BNOT;
            default -> NOT;
        };
        fs.emitABC(op, target, r, 0);
    }

    /** Emits code that jumps (returned jump list) when truth(e) == jumpIf, else falls through. */
    List<Integer> condJump(FuncState fs, Expr e, boolean jumpIf) {
        List<Integer> jumps = new ArrayList<>();
        int save = fs.freereg;
        switch (e) {
            case BinOp b when isComparison(b.op()) -> {
                int l = rk(fs, b.left());
                int r = rk(fs, b.right());
                fs.line = b.line();
                int op = b.op();
                int cond = jumpIf ? 1 : 0;
                switch (op) {
                    case Lexer.EQ -> fs.emitABC(EQ, cond, l, r);
                    case Lexer.NE -> fs.emitABC(EQ, 1 - cond, l, r);
                    case '<' -> fs.emitABC(LT, cond, l, r);
                    case Lexer.LE -> fs.emitABC(LE, cond, l, r);
                    case '>' -> fs.emitABC(LT, cond, r, l);
                    default -> fs.emitABC(LE, cond, r, l);
                }
                jumps.add(fs.emitJump());
            }
            case UnOp u when u.op() == Lexer.NOT -> jumps.addAll(condJump(fs, u.operand(), !jumpIf));
            case And a -> {
                if (!jumpIf) {
                    jumps.addAll(condJump(fs, a.left(), false));
                    jumps.addAll(condJump(fs, a.right(), false));
                } else {
                    List<Integer> skip = condJump(fs, a.left(), false);
                    jumps.addAll(condJump(fs, a.right(), true));
                    fs.patchHere(skip);
                }
            }
            case Or o -> {
                if (jumpIf) {
                    jumps.addAll(condJump(fs, o.left(), true));
                    jumps.addAll(condJump(fs, o.right(), true));
                } else {
                    List<Integer> skip = condJump(fs, o.left(), true);
                    jumps.addAll(condJump(fs, o.right(), false));
                    fs.patchHere(skip);
                }
            }
            case Paren p -> jumps.addAll(condJump(fs, p.inner(), jumpIf));
            case True t -> {
                if (jumpIf) jumps.add(fs.emitJump());
            }
            case Num n -> {
                if (jumpIf) jumps.add(fs.emitJump());
            }
            case Str s -> {
                if (jumpIf) jumps.add(fs.emitJump());
            }
            case Nil n -> {
                if (!jumpIf) jumps.add(fs.emitJump());
            }
            case False f -> {
                if (!jumpIf) jumps.add(fs.emitJump());
            }
            default -> {
                int r = anyReg(fs, e);
                fs.emitABC(TEST, r, 0, jumpIf ? 1 : 0);
                jumps.add(fs.emitJump());
            }
        }
        fs.freereg = save;
        return jumps;
    }

    static boolean isComparison(int op) {
        return op == Lexer.EQ || op == Lexer.NE || op == '<' || op == '>' || op == Lexer.LE || op == Lexer.GE;
    }
}
