package dev.trellis.lua.compiler;

import static dev.trellis.lua.OpCode.*;

import dev.trellis.lua.Arith;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.OpCode;
import dev.trellis.lua.Prototype;
import dev.trellis.lua.compiler.Ast.*;
import dev.trellis.lua.compiler.FuncState.Block;
import dev.trellis.lua.compiler.FuncState.Label;
import dev.trellis.lua.compiler.FuncState.LocalVar;
import dev.trellis.lua.compiler.FuncState.PendingGoto;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles Lua source to a {@link Prototype} tree for the register VM: parse to a syntax tree, then
 * generate code function by function, allocating registers as PUC Lua does (locals first, then
 * temporaries on a stack).
 *
 * <pre>{@code
 * Prototype main = Compiler.compile("local x = 1 return x + 1", "=demo");
 * }</pre>
 */
public final class Compiler {
    private final String chunk;

    private Compiler(String chunk) {
        this.chunk = chunk;
    }

    /**
     * Compiles a chunk. {@code chunkName} follows Lua: "=name" is shown as "name", "@file.lua" as
     * "file.lua", anything else as {@code [string "..."]}.
     */
    public static Prototype compile(String source, String chunkName) {
        String display = displayName(chunkName, source);
        try {
            FuncBody main = new Parser(source, display).parseChunk();
            Compiler c = new Compiler(display);
            FuncState fs = new FuncState(null, display, main);
            fs.addUpvalue("_ENV", true, 0);
            return c.functionBody(fs, main);
        } catch (StackOverflowError e) {
            throw new LuaError(display + ": chunk has too many syntax levels");
        }
    }

    /** The chunk name as messages show it. */
    public static String displayName(String chunkName, String source) {
        if (chunkName == null) chunkName = source;
        if (chunkName.startsWith("=") || chunkName.startsWith("@")) return chunkName.substring(1);
        String first = chunkName;
        int nl = first.indexOf('\n');
        boolean cut = false;
        if (nl >= 0) {
            first = first.substring(0, nl);
            cut = true;
        }
        if (first.length() > 45) {
            first = first.substring(0, 45);
            cut = true;
        }
        return "[string \"" + first + (cut ? "...\"]" : "\"]");
    }

    private Prototype functionBody(FuncState fs, FuncBody body) {
        fs.enterBlock(false);
        for (String param : body.params()) {
            int reg = fs.reserve(1);
            fs.addLocal(param, reg, false);
        }
        block(fs, body.block());
        fs.line = body.lastLine();
        leaveBlock(fs);
        fs.emitABC(RETURN, 0, 1, 0);
        return fs.build(body.params().size());
    }

    // ---------------------------------------------------------------- blocks and scopes

    private void block(FuncState fs, List<Stat> stats) {
        for (int i = 0; i < stats.size(); i++) {
            Stat s = stats.get(i);
            if (s instanceof Ast.Label l) {
                boolean last = true;
                for (int j = i + 1; j < stats.size(); j++) {
                    if (!(stats.get(j) instanceof Ast.Label)) {
                        last = false;
                        break;
                    }
                }
                label(fs, l, last);
            } else {
                statement(fs, s);
            }
            fs.freereg = fs.nactvar();
        }
    }

    private void leaveBlock(FuncState fs) {
        Block b = fs.block;
        if (b.hasUpval && fs.nactvar() > b.nactvar) {
            fs.emitABC(CLOSE, b.nactvar, 0, 0);
        }
        for (PendingGoto g : b.gotos) {
            if (b.parent == null) {
                throw fs.error("no visible label '" + g.label + "' for <goto> at line " + g.line, g.line);
            }
            if (g.nactvar > b.nactvar) {
                fs.setJumpClose(g.pc, b.nactvar);
                g.nactvar = b.nactvar;
            }
            b.parent.gotos.add(g);
        }
        fs.removeLocalsTo(b.nactvar);
        fs.freereg = fs.nactvar();
        fs.block = b.parent;
    }

    private void label(FuncState fs, Ast.Label l, boolean lastInBlock) {
        fs.line = l.line();
        for (Block b = fs.block; b != null; b = b.parent) {
            for (Label existing : b.labels) {
                if (existing.name().equals(l.name())) {
                    throw fs.error("label '" + l.name() + "' already defined on line " + existing.line(), l.line());
                }
            }
        }
        int nact = lastInBlock ? fs.block.nactvar : fs.nactvar();
        Label lab = new Label(l.name(), fs.pc(), nact, l.line());
        fs.block.labels.add(lab);
        List<PendingGoto> gotos = fs.block.gotos;
        for (int i = 0; i < gotos.size(); i++) {
            PendingGoto g = gotos.get(i);
            if (g.label.equals(l.name())) {
                if (g.nactvar < nact) {
                    String local = fs.actives.get(g.nactvar).name;
                    throw fs.error("<goto " + g.label + "> at line " + g.line + " jumps into the scope of local '" + local + "'", g.line);
                }
                fs.patch(g.pc, lab.pc());
                gotos.remove(i--);
            }
        }
    }

    // ---------------------------------------------------------------- statements

    private void statement(FuncState fs, Stat s) {
        fs.line = s.line();
        switch (s) {
            case Local l -> localStat(fs, l);
            case Assign a -> assign(fs, a);
            case CallStat c -> {
                compileCall(fs, c.call(), 0);
            }
            case Do d -> {
                fs.enterBlock(false);
                block(fs, d.block());
                fs.line = d.endLine();
                leaveBlock(fs);
            }
            case While w -> whileStat(fs, w);
            case Repeat r -> repeatStat(fs, r);
            case If i -> ifStat(fs, i);
            case NumFor f -> numFor(fs, f);
            case GenFor f -> genFor(fs, f);
            case LocalFunction f -> {
                int reg = fs.reserve(1);
                fs.addLocal(f.name(), reg, false);
                int idx = function(fs, f.body());
                fs.line = f.line();
                fs.emitABx(CLOSURE, reg, idx);
            }
            case Return r -> returnStat(fs, r);
            case Break b -> breakStat(fs, b);
            case Goto g -> gotoStat(fs, g);
            case Ast.Label l -> label(fs, l, false);
        }
    }

    private void localStat(FuncState fs, Local l) {
        int n = l.names().size();
        int base = fs.freereg;
        adjustValues(fs, n, l.exprs());
        fs.freereg = base + n;
        if (fs.freereg > fs.maxStack) fs.maxStack = fs.freereg;
        boolean hasClose = false;
        for (int i = 0; i < n; i++) {
            String attrib = l.attribs().get(i);
            fs.addLocal(l.names().get(i), base + i, attrib != null);
            if ("close".equals(attrib)) {
                if (hasClose) throw fs.error("multiple to-be-closed variables in local list", l.line());
                hasClose = true;
                fs.block.hasUpval = true;
                fs.emitABC(TBC, base + i, 0, 0);
            }
        }
    }

    /** Evaluates {@code exprs} into {@code n} consecutive fresh registers (extra values dropped). */
    private void adjustValues(FuncState fs, int n, List<Expr> exprs) {
        int base = fs.freereg;
        int count = exprs.size();
        for (int i = 0; i < count; i++) {
            Expr e = exprs.get(i);
            boolean last = i == count - 1;
            if (last && isMulti(e)) {
                int want = n - i;
                if (want < 0) want = 0;
                expToMulti(fs, e, want);
                fs.freereg = base + Math.max(n, i + want);
                return;
            }
            if (i < n) {
                expToNextReg(fs, e);
            } else {
                int save = fs.freereg;
                if (isMulti(e)) expToMulti(fs, e, 0);
                else expToNextReg(fs, e);
                fs.freereg = save;
            }
        }
        if (count < n) {
            int r = fs.reserve(n - count);
            fs.emitABC(LOADNIL, r, n - count - 1, 0);
        }
        fs.freereg = base + n;
    }

    private void checkConst(FuncState fs, LocalVar v, int line) {
        if (v.isConst) throw fs.error("attempt to assign to const variable '" + v.name + "'", line);
    }

    private void assign(FuncState fs, Assign a) {
        if (a.targets().size() == 1 && a.exprs().size() == 1) {
            Expr target = a.targets().get(0);
            Expr value = a.exprs().get(0);
            if (target instanceof Name n) {
                LocalVar lv = fs.findLocal(n.name());
                if (lv != null) {
                    checkConst(fs, lv, a.line());
                    expToReg(fs, value, lv.reg);
                    return;
                }
                int up = resolveUpvalue(fs, n.name());
                if (up >= 0) {
                    checkUpvalConst(fs, n.name(), a.line());
                    int r = anyReg(fs, value);
                    fs.line = a.line();
                    fs.emitABC(SETUPVAL, r, up, 0);
                    return;
                }
                storeGlobal(fs, n.name(), () -> rk(fs, value), a.line());
                return;
            }
            Index ix = (Index) target;
            int o = anyReg(fs, ix.object());
            int k = rk(fs, ix.key());
            int v = rk(fs, value);
            fs.line = a.line();
            fs.emitABC(SETTABLE, o, k, v);
            return;
        }
        // multiple assignment: evaluate target prefixes and keys, then values, then store
        int nt = a.targets().size();
        int[] objRegs = new int[nt];
        int[] keyRks = new int[nt];
        for (int i = 0; i < nt; i++) {
            Expr t = a.targets().get(i);
            if (t instanceof Index ix) {
                int r = fs.reserve(1);
                expToReg(fs, ix.object(), r);
                objRegs[i] = r;
                if (isConstantExpr(ix.key()) && constRk(fs, ix.key()) >= 0) {
                    keyRks[i] = constRk(fs, ix.key());
                } else {
                    int kr = fs.reserve(1);
                    expToReg(fs, ix.key(), kr);
                    keyRks[i] = kr;
                }
            } else if (t instanceof Name n) {
                LocalVar lv = fs.findLocal(n.name());
                if (lv != null) checkConst(fs, lv, a.line());
            }
        }
        int vbase = fs.freereg;
        adjustValues(fs, nt, a.exprs());
        fs.line = a.line();
        for (int i = nt - 1; i >= 0; i--) {
            Expr t = a.targets().get(i);
            int vreg = vbase + i;
            if (t instanceof Index) {
                fs.emitABC(SETTABLE, objRegs[i], keyRks[i], vreg);
            } else {
                Name n = (Name) t;
                LocalVar lv = fs.findLocal(n.name());
                if (lv != null) {
                    if (lv.reg != vreg) fs.emitABC(MOVE, lv.reg, vreg, 0);
                    continue;
                }
                int up = resolveUpvalue(fs, n.name());
                if (up >= 0) {
                    fs.emitABC(SETUPVAL, vreg, up, 0);
                    continue;
                }
                storeGlobal(fs, n.name(), () -> vreg, a.line());
            }
        }
    }

    private void checkUpvalConst(FuncState fs, String name, int line) {
        for (FuncState f = fs.parent; f != null; f = f.parent) {
            LocalVar lv = f.findLocal(name);
            if (lv != null) {
                checkConst(fs, lv, line);
                return;
            }
        }
    }

    private interface RkSupplier {
        int get();
    }

    private void storeGlobal(FuncState fs, String name, RkSupplier value, int line) {
        LocalVar env = fs.findLocal("_ENV");
        int k = constRk(fs, new Str(name, line));
        if (env != null) {
            if (k < 0) k = expToNextReg(fs, new Str(name, line));
            int v = value.get();
            fs.line = line;
            fs.emitABC(SETTABLE, env.reg, k, v);
            return;
        }
        int up = resolveUpvalue(fs, "_ENV");
        if (k < 0) k = expToNextReg(fs, new Str(name, line));
        int v = value.get();
        fs.line = line;
        fs.emitABC(SETTABUP, up, k, v);
    }

    private void whileStat(FuncState fs, While w) {
        int start = fs.pc();
        List<Integer> exit = condJump(fs, w.cond(), false);
        fs.enterBlock(true);
        Block loop = fs.block;
        block(fs, w.block());
        fs.line = w.endLine();
        leaveBlock(fs);
        int back = fs.emitJump();
        fs.patch(back, start);
        fs.patchHere(exit);
        fs.patchHere(loop.breaks);
    }

    private void repeatStat(FuncState fs, Repeat r) {
        int start = fs.pc();
        fs.enterBlock(true);
        Block loop = fs.block;
        fs.enterBlock(false);
        Block scope = fs.block;
        block(fs, r.block());
        fs.line = r.line();
        List<Integer> again = condJump(fs, r.cond(), false);
        if (!scope.hasUpval) {
            for (int j : again) fs.patch(j, start);
        } else {
            int exit = fs.emitJump();
            fs.patchHere(again);
            fs.emitABC(CLOSE, scope.nactvar, 0, 0);
            int back = fs.emitJump();
            fs.patch(back, start);
            fs.patch(exit, fs.pc());
        }
        leaveBlock(fs);
        leaveBlock(fs);
        fs.patchHere(loop.breaks);
    }

    private void ifStat(FuncState fs, If s) {
        List<Integer> toEnd = new ArrayList<>();
        int n = s.conds().size();
        for (int i = 0; i < n; i++) {
            List<Integer> next = condJump(fs, s.conds().get(i), false);
            fs.enterBlock(false);
            block(fs, s.blocks().get(i));
            leaveBlock(fs);
            if (i < n - 1 || s.orElse() != null) toEnd.add(fs.emitJump());
            fs.patchHere(next);
        }
        if (s.orElse() != null) {
            fs.enterBlock(false);
            block(fs, s.orElse());
            leaveBlock(fs);
        }
        fs.patchHere(toEnd);
    }

    private void numFor(FuncState fs, NumFor f) {
        int base = fs.freereg;
        expToNextReg(fs, f.start());
        expToNextReg(fs, f.limit());
        if (f.step() != null) {
            expToNextReg(fs, f.step());
        } else {
            int r = fs.reserve(1);
            fs.emitABx(LOADK, r, fs.constant(1L));
        }
        fs.enterBlock(false);
        for (int i = 0; i < 3; i++) fs.addLocal("(for state)", base + i, false);
        fs.line = f.line();
        int prep = fs.emit(OpCode.asbx(FORPREP, base, 0));
        fs.enterBlock(true);
        Block loop = fs.block;
        fs.reserve(1);
        fs.addLocal(f.var(), base + 3, false);
        block(fs, f.block());
        leaveBlock(fs);
        fs.line = f.line();
        int loopPc = fs.emit(OpCode.asbx(FORLOOP, base, 0));
        fs.patch(loopPc, prep + 1);
        fs.patch(prep, fs.pc());
        fs.patchHere(loop.breaks);
        leaveBlock(fs);
    }

    private void genFor(FuncState fs, GenFor f) {
        int base = fs.freereg;
        adjustValues(fs, 4, f.exprs());
        fs.enterBlock(false);
        Block outer = fs.block;
        for (int i = 0; i < 4; i++) fs.addLocal("(for state)", base + i, false);
        outer.hasUpval = true;
        fs.line = f.line();
        fs.emitABC(TBC, base + 3, 0, 0);
        int toCall = fs.emitJump();
        fs.enterBlock(true);
        Block loop = fs.block;
        int nvars = f.names().size();
        fs.reserve(nvars);
        if (fs.maxStack < base + 4 + Math.max(nvars, 3)) fs.maxStack = base + 4 + Math.max(nvars, 3);
        for (int i = 0; i < nvars; i++) fs.addLocal(f.names().get(i), base + 4 + i, false);
        int bodyStart = fs.pc();
        block(fs, f.block());
        leaveBlock(fs);
        fs.patch(toCall, fs.pc());
        fs.line = f.line();
        fs.emitABC(TFORCALL, base, 0, nvars);
        int loopPc = fs.emit(OpCode.asbx(TFORLOOP, base, 0));
        fs.patch(loopPc, bodyStart);
        fs.patchHere(loop.breaks);
        leaveBlock(fs);
    }

    private void returnStat(FuncState fs, Return r) {
        List<Expr> exprs = r.exprs();
        if (exprs.isEmpty()) {
            fs.emitABC(RETURN, 0, 1, 0);
            return;
        }
        if (exprs.size() == 1) {
            Expr e = exprs.get(0);
            if (e instanceof Call || e instanceof MethodCall) {
                int base = compileCall(fs, e, -1);
                int last = fs.pc() - 1;
                int ins = fs.code.get(last);
                fs.code.set(last, (ins & ~0x3F) | TAILCALL);
                fs.emitABC(RETURN, base, 0, 0);
                return;
            }
            if (e instanceof Vararg) {
                int base = fs.freereg;
                expToMulti(fs, e, -1);
                fs.emitABC(RETURN, base, 0, 0);
                return;
            }
            int reg = anyReg(fs, e);
            fs.line = r.line();
            fs.emitABC(RETURN, reg, 2, 0);
            return;
        }
        int base = fs.freereg;
        boolean multi = false;
        for (int i = 0; i < exprs.size(); i++) {
            Expr e = exprs.get(i);
            if (i == exprs.size() - 1 && isMulti(e)) {
                expToMulti(fs, e, -1);
                multi = true;
            } else {
                expToNextReg(fs, e);
            }
        }
        fs.line = r.line();
        fs.emitABC(RETURN, base, multi ? 0 : exprs.size() + 1, 0);
    }

    private void breakStat(FuncState fs, Break b) {
        Block loop = fs.block;
        while (loop != null && !loop.isLoop) loop = loop.parent;
        if (loop == null) throw fs.error("break outside a loop at line " + b.line(), b.line());
        int j = fs.emitJump();
        if (fs.nactvar() > loop.nactvar) fs.setJumpClose(j, loop.nactvar);
        loop.breaks.add(j);
    }

    private void gotoStat(FuncState fs, Goto g) {
        for (Block b = fs.block; b != null; b = b.parent) {
            for (Label l : b.labels) {
                if (l.name().equals(g.label())) {
                    int j = fs.emitJump();
                    fs.patch(j, l.pc());
                    if (fs.nactvar() > l.nactvar()) fs.setJumpClose(j, l.nactvar());
                    return;
                }
            }
        }
        int j = fs.emitJump();
        fs.block.gotos.add(new PendingGoto(g.label(), j, fs.nactvar(), g.line()));
    }

    // ---------------------------------------------------------------- functions and calls

    private int function(FuncState fs, FuncBody body) {
        FuncState child = new FuncState(fs, chunk, body);
        Prototype p = functionBody(child, body);
        fs.protos.add(p);
        return fs.protos.size() - 1;
    }

    private static boolean isMulti(Expr e) {
        return e instanceof Call || e instanceof MethodCall || e instanceof Vararg;
    }

    /** Evaluates a multi-value expression at the top, keeping {@code want} values (-1: all). */
    private void expToMulti(FuncState fs, Expr e, int want) {
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
    private int compileCall(FuncState fs, Expr e, int nresults) {
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

    private static boolean isConstantExpr(Expr e) {
        return e instanceof Num || e instanceof Str || e instanceof Nil || e instanceof True || e instanceof False;
    }

    private int constRk(FuncState fs, Expr e) {
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

    private int rk(FuncState fs, Expr e) {
        if (isConstantExpr(e)) {
            int k = constRk(fs, e);
            if (k >= 0) return k;
        }
        return anyReg(fs, e);
    }

    private int anyReg(FuncState fs, Expr e) {
        if (e instanceof Name n) {
            LocalVar lv = fs.findLocal(n.name());
            if (lv != null) return lv.reg;
        }
        return expToNextReg(fs, e);
    }

    private int expToNextReg(FuncState fs, Expr e) {
        if (e instanceof Call || e instanceof MethodCall) return compileCall(fs, e, 1);
        int r = fs.reserve(1);
        expToReg(fs, e, r);
        return r;
    }

    private int resolveUpvalue(FuncState fs, String name) {
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

    private void expToReg(FuncState fs, Expr e, int target) {
        int save = fs.freereg;
        switch (e) {
            case Nil n -> fs.emitABC(LOADNIL, target, 0, 0);
            case True t -> fs.emitABC(LOADBOOL, target, 1, 0);
            case False f -> fs.emitABC(LOADBOOL, target, 0, 0);
            case Num n -> fs.emitABx(LOADK, target, fs.constant(n.value()));
            case Str s -> fs.emitABx(LOADK, target, fs.constant(s.value()));
            case Vararg v -> fs.emitABC(VARARG, target, 2, 0);
            case Function f -> {
                int idx = function(fs, f.body());
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

    private void move(FuncState fs, int target, int source) {
        if (target != source) fs.emitABC(MOVE, target, source, 0);
    }

    private void name(FuncState fs, Name n, int target) {
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

    private void index(FuncState fs, Index ix, int target) {
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

    private void table(FuncState fs, Table t, int target) {
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

    private void setList(FuncState fs, int reg, int count, int flushed) {
        int blockNo = flushed / FIELDS_PER_FLUSH + 1;
        if (blockNo <= 511) {
            fs.emitABC(SETLIST, reg, count, blockNo);
        } else {
            fs.emitABC(SETLIST, reg, count, 0);
            fs.emit(blockNo);
        }
        fs.freereg = reg + 1;
    }

    private static int arithOp(int op) {
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

    private void binOp(FuncState fs, BinOp b, int target) {
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

    private static Object fold(int op, Expr l, Expr r) {
        if (!(l instanceof Num ln) || !(r instanceof Num rn)) return null;
        try {
            Object v = Arith.arith(op - ADD, ln.value(), rn.value());
            if (v instanceof Double d && (d.isNaN() || d == 0.0 || d.isInfinite())) return null;
            return v;
        } catch (LuaError e) {
            return null;
        }
    }

    private void andOr(FuncState fs, Expr left, Expr right, boolean isAnd, int target) {
        int t = target < fs.nactvar() ? fs.reserve(1) : target;
        expToReg(fs, left, t);
        fs.emitABC(TEST, t, 0, isAnd ? 0 : 1);
        int j = fs.emitJump();
        expToReg(fs, right, t);
        fs.patch(j, fs.pc());
        move(fs, target, t);
    }

    private void unOp(FuncState fs, UnOp u, int target) {
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
    private List<Integer> condJump(FuncState fs, Expr e, boolean jumpIf) {
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

    private static boolean isComparison(int op) {
        return op == Lexer.EQ || op == Lexer.NE || op == '<' || op == '>' || op == Lexer.LE || op == Lexer.GE;
    }
}
